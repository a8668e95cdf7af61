-- Where a document came from: 'folder' for files of KNOWLEDGE_DIR. Other sources (documents uploaded
-- through the staff console) use another value, so that a folder ingest, which removes documents whose
-- file is gone, never removes theirs.
alter table documents add column origin text not null default 'folder';
