-- The lists of a council read by council, in their own order, with no index to do it (issue 10,
-- stop 23). EXPLAIN on PostgreSQL over 200,000 assessments of 5 councils (5,000 providers):
--
-- GET /api/councils/{council}/assessments (`assessments/index.ts`, newest first, by keyset pages)
-- read every assessment (a parallel sequential scan filtering on `council_id`) and sorted a fifth
-- of them for each page of 100. With this index it reads the page's rows alone, backwards, and
-- the page after a cursor starts where the last one ended. (Filtered on a provider, the list
-- keeps `assessments_provider`.)
CREATE INDEX IF NOT EXISTS assessments_council_listed
  ON assessments (council_id, assessment_date, created_at, id);

-- GET /api/councils/{council}/providers (`providers/provider-record.ts`, by name then id) found
-- each page through `providers_council_name` and sorted it again on id (an incremental sort of
-- providers of the same name). With the id in the index the page comes out in its order; the
-- index on (council_id, name) alone is then one more to update on every write, read by nothing.
CREATE INDEX IF NOT EXISTS providers_council_listed ON providers (council_id, name, id);
DROP INDEX IF EXISTS providers_council_name;
