-- Issue 10 (2,000 stored evaluations/s, with margin): less for PostgreSQL to do per stored
-- determination, with nothing stored or read differently.
--
-- `determinations_provider` (provider_id, created_at) is read by no query: every read of
-- determinations reaches them through their assessment (`determinations_assessment`) or by their
-- id. Each insert updated it all the same.
DROP INDEX IF EXISTS determinations_provider;

-- A determination's council and provider are its assessment's, copied from it as it is written
-- (in the same statement, `assessments/store-assessment.ts`, or from the stored assessment, a
-- re-determination): its foreign key to the assessment, whose own keys to the council and the
-- provider are checked, already makes them exist. Their own checks cost two more lookups and row
-- locks per insert; without the index above, the provider's would also make deleting any provider
-- read every determination.
ALTER TABLE determinations DROP CONSTRAINT IF EXISTS determinations_council_id_fkey;
ALTER TABLE determinations DROP CONSTRAINT IF EXISTS determinations_provider_id_fkey;
