-- The full-text ranking runs in process from the stored search vectors (src/retrieval/lexical-index.ts),
-- which are read whole, never searched with @@: the GIN index only cost every ingest its upkeep.
drop index if exists chunks_search_vector_idx;
