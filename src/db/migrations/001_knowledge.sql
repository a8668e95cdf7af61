create extension if not exists vector;

-- One row per file in knowledge/; id is the file's base name, which citations carry as docId.
create table documents (
  id text primary key,
  title text not null,
  source_path text not null,
  format text not null check (format in ('md', 'txt', 'pdf')),
  meta jsonb not null default '{}'::jsonb,
  content_hash text not null,
  chunk_count integer not null default 0,
  ingested_at timestamptz not null default now()
);

create table chunks (
  id integer generated always as identity primary key,
  document_id text not null references documents (id) on delete cascade,
  ordinal integer not null,
  -- Heading path joined with ' > ', e.g. '三、活动内容 > （二）… > 6．…'.
  section text not null,
  -- Short locator of the article or numbered item: '第三条', '三、（二）6．'.
  locator text,
  page integer,
  content text not null,
  -- jieba-segmented words, so the 'simple' configuration can index Chinese.
  search_vector tsvector not null,
  -- The dimension is fixed by the embedding space (see embedding_space), not here.
  embedding vector,
  unique (document_id, ordinal)
);

create index chunks_search_vector_idx on chunks using gin (search_vector);
create index chunks_locator_idx on chunks (document_id, locator);

-- The model whose vectors are in chunks.embedding: vectors of two models must never be compared.
create table embedding_space (
  id integer primary key default 1 check (id = 1),
  model text not null,
  dimension integer not null,
  updated_at timestamptz not null default now()
);
