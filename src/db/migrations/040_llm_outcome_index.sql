-- The staff statistics count model-call outcomes over recent turns; most turns never ask a model,
-- so a partial index keeps that count cheap as the chat log grows.
create index chat_turns_llm_outcome_idx on chat_turns (created_at) where llm_outcome is not null;
