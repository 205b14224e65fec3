-- Issue 10 (2,000 stored evaluations/s): a determination's interpretation notes are stored once
-- per pack version, not in every determination.
--
-- A determination lists the interpretations it relied on, each as { id, title, note } from its
-- pack version: about 8 kB of the same text in every stored determination. The notes of each
-- pack version are kept here, one row per note, written with the version (the trigger below) and,
-- for the versions already stored, now. A determination stored by reference keeps only the ids, in
-- its own order, in `determinations.interpretation_ids`, and its `result` without `interpretations`;
-- reads put the notes back (`assessments/stored-result.ts`), giving the same jsonb as a row stored
-- whole. Rows stored whole (interpretation_ids NULL) read as before: nothing is rewritten.
CREATE TABLE pack_version_interpretations (
  pack_version_id  text NOT NULL REFERENCES pack_versions(id),
  id               text NOT NULL,
  -- The note as a determination lists it: { "id", "title", "note" }.
  entry            jsonb NOT NULL,
  PRIMARY KEY (pack_version_id, id)
);

-- Pack versions are immutable, so their notes are too.
CREATE TRIGGER pack_version_interpretations_immutable BEFORE UPDATE OR DELETE ON pack_version_interpretations
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();

CREATE FUNCTION qaf_pack_version_interpretations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_typeof(NEW.content->'interpretations') = 'object' THEN
    INSERT INTO pack_version_interpretations (pack_version_id, id, entry)
    SELECT NEW.id, e.key, jsonb_build_object('id', e.key, 'title', e.value->'title', 'note', e.value->'note')
      FROM jsonb_each(NEW.content->'interpretations') e;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pack_versions_interpretations AFTER INSERT ON pack_versions
  FOR EACH ROW EXECUTE FUNCTION qaf_pack_version_interpretations();

INSERT INTO pack_version_interpretations (pack_version_id, id, entry)
SELECT v.id, e.key, jsonb_build_object('id', e.key, 'title', e.value->'title', 'note', e.value->'note')
  FROM pack_versions v, jsonb_each(v.content->'interpretations') e
 WHERE jsonb_typeof(v.content->'interpretations') = 'object';

-- The ids of the interpretations a determination stored by reference relied on, in its order;
-- NULL for a determination stored whole (its `result` has its `interpretations`).
ALTER TABLE determinations ADD COLUMN interpretation_ids jsonb;
