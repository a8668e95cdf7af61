-- Rate-limit counters shared by every app instance on this database: one row per limit and client,
-- counting the hits of the current window. Rows of windows long past are deleted as the table is used.
create table rate_limit_counters (
  key text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);
create index rate_limit_counters_window_idx on rate_limit_counters (window_started_at);
