-- A person's decision recorded on a stored determination (issue 12: "recording the decision feeds
-- the next determination"), e.g. the Council's decision on an Improvement Action Plan.
--
-- The decision is an input, so it makes a new assessment: the decided-on assessment's input with
-- the decision added, determined under the version in force on its date. This row says which
-- determination the decision answers, the visit record it belongs to (that of the assessment
-- decided on; none when the assessment was entered directly), and who recorded it, when. The
-- decision's value, who decided, when and why are in `decisions` and in the new assessment's input.
-- Written once and never changed, like the determinations it links.
CREATE TABLE recorded_decisions (
  id                        text PRIMARY KEY,
  council_id                text NOT NULL REFERENCES councils(id),
  provider_id               text NOT NULL REFERENCES providers(id),
  visit_id                  text REFERENCES visit_records(id),
  -- The assessment and determination the decision answers.
  answers_assessment_id     text NOT NULL REFERENCES assessments(id),
  answers_determination_id  text NOT NULL UNIQUE REFERENCES determinations(id),
  -- The new assessment (its input carries the decision) and its determination.
  assessment_id             text NOT NULL UNIQUE REFERENCES assessments(id),
  determination_id          text NOT NULL UNIQUE REFERENCES determinations(id),
  -- Decision id -> { value, by, at, reason }, as recorded.
  decisions                 jsonb NOT NULL,
  recorded_by               text NOT NULL,
  recorded_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recorded_decisions_provider ON recorded_decisions (provider_id, recorded_at);
CREATE INDEX recorded_decisions_visit ON recorded_decisions (visit_id);

CREATE TRIGGER recorded_decisions_immutable BEFORE UPDATE OR DELETE ON recorded_decisions
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();
