-- A chunk's embedding (4 KB at 1024 dimensions) was stored out of line, so every question's vector
-- search fetched and copied each chunk's vector from the TOAST table: two thirds of the search's
-- time. Rows up to a page stay whole now; larger rows (longer vectors) are still moved out of line.
alter table chunks set (toast_tuple_target = 8160);

-- Rows stored before keep out-of-line vectors until rewritten; the cast through real[] gives a new,
-- bit-identical value, which is then stored inline.
update chunks set embedding = embedding::real[]::vector where embedding is not null;
