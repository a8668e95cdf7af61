-- documents.origin (migration 010) is 'folder' or, for a file uploaded in the staff console, 'upload'.
alter table documents add constraint documents_origin_check check (origin in ('folder', 'upload'));

-- The uploaded file itself, so that every app instance on the same database has it (no shared disk)
-- and it can be re-ingested after a chunker change. Folder documents have their file in knowledge/.
create table document_sources (
  document_id text primary key references documents (id) on delete cascade,
  file_name text not null,
  media_type text not null,
  bytes bytea not null,
  uploaded_by integer references staff (id),
  uploaded_at timestamptz not null default now()
);

-- Bumped by every change to what the assistant answers from (documents, FAQ entries). Each instance
-- compares it with the version it loaded, once per turn, and reloads its caches when it moved.
create table knowledge_version (
  id integer primary key default 1 check (id = 1),
  version bigint not null
);
insert into knowledge_version (id, version) values (1, 1);
