-- While a turn of a session is being answered: until when its lease holds. A second message of the
-- same session meanwhile is refused with a 409 (two turns at once took the same turn number). The
-- lease ends by itself, so a crashed instance blocks the session for a minute at most.
alter table chat_sessions add column turn_lease_until timestamptz;
