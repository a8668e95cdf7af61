-- What each kind of matter needs (merchant, purchase, request…) and how the requester wants to hear
-- of progress. requester_replied_at marks a ticket whose requester wrote after the last staff reply.
alter table tickets add column details jsonb not null default '{}'::jsonb;
alter table tickets add column notify_email text;
alter table tickets add column notify_sms boolean not null default false;
alter table tickets add column requester_replied_at timestamptz;

-- What the requester adds from the lookup page: a message and a description of their evidence.
create table requester_messages (
  id integer generated always as identity primary key,
  ticket_id integer not null references tickets (id),
  body text not null,
  evidence text,
  created_at timestamptz not null
);
create index requester_messages_ticket_idx on requester_messages (ticket_id, id);

-- Staff-only notes: never part of any requester view.
create table ticket_notes (
  id integer generated always as identity primary key,
  ticket_id integer not null references tickets (id),
  staff_id integer not null references staff (id),
  body text not null,
  created_at timestamptz not null
);
create index ticket_notes_ticket_idx on ticket_notes (ticket_id, id);

-- Replies supervisors prepare for everyone; removing one keeps the row for the audit trail.
create table canned_replies (
  id integer generated always as identity primary key,
  title text not null,
  body text not null,
  created_by integer not null references staff (id),
  created_at timestamptz not null,
  removed_at timestamptz
);

-- Notifications to send, written in the same transaction as the change they announce, so a slow or
-- failing mail server never blocks a ticket; any instance may deliver a row once its lease is free.
create table notification_outbox (
  id integer generated always as identity primary key,
  ticket_id integer references tickets (id),
  kind text not null check (kind in ('reply', 'status', 'reminder')),
  channel text not null check (channel in ('email', 'webhook')),
  recipient text,
  subject text not null,
  body text not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  locked_until timestamptz,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz not null
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- One reminder per ticket and deadline, however many instances scan for them.
create table deadline_reminders (
  ticket_id integer not null references tickets (id),
  due_at timestamptz not null,
  created_at timestamptz not null,
  primary key (ticket_id, due_at)
);
