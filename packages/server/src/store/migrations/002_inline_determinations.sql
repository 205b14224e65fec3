-- Keep a stored determination (about 3 kB of JSON) and an assessment's input inline and
-- uncompressed, up to the largest size a row can have inline (8160 bytes). By default PostgreSQL
-- compresses any row over about 2 kB before storing it, which cost about a quarter of the
-- database's CPU per stored evaluation; the price is disk: rows stay at their full size.
-- Larger rows are still compressed and moved out of line as usual. Storage only: nothing about
-- what is stored, or when it is durable, changes.
ALTER TABLE determinations SET (toast_tuple_target = 8160);
ALTER TABLE assessments SET (toast_tuple_target = 8160);
