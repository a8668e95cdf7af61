-- Staff who work the queue. Only the sha256 of a bearer token is kept; revoking keeps the row,
-- because the audit log names who did what.
create table staff (
  id integer generated always as identity primary key,
  name text not null,
  role text not null check (role in ('agent', 'supervisor')),
  token_hash text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- Ticket numbers run per day (QD-20261125-0001); the row for a day is locked by the upsert that
-- takes the next value, so concurrent openings never share a number.
create table ticket_counters (
  day text primary key,
  last_value integer not null
);

create table tickets (
  id integer generated always as identity primary key,
  number text not null unique,
  category text not null check (
    category in ('complaint', 'metrology_onsite', 'quality_diagnosis', 'ccc_exemption_help', 'certification_help', 'other')
  ),
  priority text not null check (priority in ('high', 'normal')),
  status text not null default 'new' check (status in ('new', 'claimed', 'waiting_user', 'resolved', 'closed')),
  audience text not null check (audience in ('citizen', 'enterprise')),
  description text not null,
  contact_name text not null,
  phone text not null,
  company_name text,
  address text,
  session_id text,
  -- The chat that led here and the passages it cited, as the assistant showed them.
  transcript jsonb not null default '[]'::jsonb,
  sources jsonb not null default '[]'::jsonb,
  lookup_token_hash text not null,
  assignee_id integer references staff (id),
  first_response_due_at timestamptz not null,
  sla_due_at timestamptz not null,
  first_response_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_at timestamptz,
  closed_at timestamptz,
  personal_data_purged_at timestamptz
);

create index tickets_queue_idx on tickets (status, priority, sla_due_at);
create index tickets_assignee_idx on tickets (assignee_id) where assignee_id is not null;
create index tickets_retention_idx on tickets (closed_at) where status = 'closed' and personal_data_purged_at is null;

-- The audit log: one row per change, never updated. before/after hold the changed fields only,
-- and never personal data, so the log can outlive the retention period.
create table ticket_events (
  id integer generated always as identity primary key,
  ticket_id integer not null references tickets (id),
  actor_kind text not null check (actor_kind in ('staff', 'requester', 'system')),
  actor_staff_id integer references staff (id),
  actor_name text not null,
  action text not null,
  before_state jsonb,
  after_state jsonb,
  note text,
  created_at timestamptz not null
);

create index ticket_events_ticket_idx on ticket_events (ticket_id, id);

-- What staff tell the requester; shown by the public lookup.
create table ticket_replies (
  id integer generated always as identity primary key,
  ticket_id integer not null references tickets (id),
  staff_id integer not null references staff (id),
  body text not null,
  created_at timestamptz not null
);

create index ticket_replies_ticket_idx on ticket_replies (ticket_id, id);

-- Idempotency-Key of POST /api/tickets. The key is kept as a hash, and the lookup token of the
-- ticket it made is sealed with a key derived from the Idempotency-Key and the request, so a
-- retry can be answered in full while the database alone reveals neither.
create table idempotency_keys (
  key_hash text primary key,
  request_hash text not null,
  ticket_id integer references tickets (id),
  sealed_lookup_token text,
  created_at timestamptz not null
);
