-- A chat session: one person's conversation, possibly over several turns.
create table chat_sessions (
  id text primary key,
  audience text not null check (audience in ('enterprise', 'citizen')),
  -- Conversation state that outlives a turn, e.g. a ticket intake in progress.
  state jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table chat_turns (
  id integer generated always as identity primary key,
  session_id text not null references chat_sessions (id) on delete cascade,
  turn_no integer not null,
  message text not null,
  -- What retrieval actually searched for, after resolving a follow-up against earlier turns.
  resolved_query text not null,
  intent text not null,
  answer text not null,
  grounded boolean not null,
  mode text not null,
  citations jsonb not null default '[]'::jsonb,
  feedback smallint check (feedback in (-1, 1)),
  feedback_comment text,
  latency_ms integer,
  created_at timestamptz not null default now(),
  unique (session_id, turn_no)
);

create index chat_turns_feedback_idx on chat_turns (feedback) where feedback is not null;
