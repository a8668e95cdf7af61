-- Corrections that answer: a question with the right answer written by staff, optionally citing
-- document sections. Only approved entries answer, until valid_until (inclusive) or withdrawal.
create table faqs (
  id integer generated always as identity primary key,
  question text not null,
  answer text not null,
  -- Cited sections as {docId, section}: chunk ids change when a document is replaced, sections do not.
  sources jsonb not null default '[]'::jsonb,
  source_turn_id integer references chat_turns (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'approved', 'withdrawn')),
  valid_until date,
  created_by integer not null references staff (id),
  approved_by integer references staff (id),
  approved_at timestamptz,
  hits integer not null default 0,
  last_hit_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The edit history: one row per change, never updated.
create table faq_revisions (
  id integer generated always as identity primary key,
  faq_id integer not null references faqs (id) on delete cascade,
  staff_id integer not null references staff (id),
  action text not null check (action in ('created', 'edited', 'approved', 'withdrawn')),
  question text not null,
  answer text not null,
  sources jsonb not null,
  valid_until date,
  created_at timestamptz not null default now()
);

create index faq_revisions_faq_idx on faq_revisions (faq_id, id);

-- The conversation log and answer statistics read turns by time.
create index chat_turns_created_idx on chat_turns (created_at);
