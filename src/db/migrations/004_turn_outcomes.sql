-- Why a turn was not answered from the documents (a named gate such as 'low-coverage'), and how the
-- LLM call of the turn ended ('ok', 'timeout', 'first-token-timeout', 'stall', 'error', 'unverified', …).
-- Both are null when they do not apply; the staff log and statistics read them.
alter table chat_turns add column refusal_reason text;
alter table chat_turns add column llm_outcome text;
