-- Versions that mean what they say (issue 13).
--
-- A withdrawn version is withdrawn for its whole period: from then on no assessment is decided
-- under it, whatever its date. Published versions stay immutable, so a withdrawal is a row of its
-- own, written once (by a roll back) and never changed.
CREATE TABLE pack_version_withdrawals (
  version_id           text PRIMARY KEY REFERENCES pack_versions(id),
  council_id           text NOT NULL REFERENCES councils(id),
  reason               text NOT NULL,
  withdrawn_by         text,
  withdrawn_at         timestamptz NOT NULL DEFAULT now(),
  -- The version the roll back published in its place.
  replaced_by          text REFERENCES pack_versions(id)
);
CREATE INDEX pack_version_withdrawals_council ON pack_version_withdrawals (council_id);

-- An assessment may be determined again (under the version now in force on its date). The earlier
-- determination stays in the record, marked as superseded, why, and by which determination.
ALTER TABLE determinations DROP CONSTRAINT determinations_assessment_id_key;
CREATE INDEX determinations_assessment ON determinations (assessment_id, created_at);
CREATE TABLE determination_supersessions (
  determination_id  text PRIMARY KEY REFERENCES determinations(id),
  superseded_by     text NOT NULL UNIQUE REFERENCES determinations(id),
  reason            text NOT NULL,
  actor             text,
  at                timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER pack_version_withdrawals_immutable BEFORE UPDATE OR DELETE ON pack_version_withdrawals
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();
CREATE TRIGGER determination_supersessions_immutable BEFORE UPDATE OR DELETE ON determination_supersessions
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();
