-- The report's status is its visit record's (issue 12, the merge point of reports and visit records).
--
-- A report is shared and made final as steps of the visit record's lifecycle (draft -> submitted ->
-- signed-off -> shared -> final, recorded in visit_events with who and when), so report_shares keeps
-- only the challenge window and loses its own status and finalised_by/finalised_at.
--
-- Old rows: a visit record behind its report's status is moved on to it, with the steps recorded
-- from the share (shared_by, shared_on) and the finalisation (finalised_by, finalised_at). A report
-- shared before visit records existed gets a visit record (id "report-" + assessment id) made from
-- its assessment, carrying the same status; no sign-off was recorded for it, so none is invented.

-- 1. Visit records behind their report: to shared.
INSERT INTO visit_events (visit_id, from_status, to_status, by_user, at)
  SELECT v.id, v.status, 'shared', s.shared_by, s.shared_on::timestamptz
    FROM visit_records v JOIN report_shares s ON s.assessment_id = v.assessment_id
    WHERE v.status IN ('draft', 'submitted', 'signed-off');
UPDATE visit_records v SET status = 'shared', revision = v.revision + 1, updated_by = s.shared_by, updated_at = now()
  FROM report_shares s
  WHERE s.assessment_id = v.assessment_id AND v.status IN ('draft', 'submitted', 'signed-off');

-- 2. Reports with no visit record: one made from the assessment, shared.
INSERT INTO visit_records (id, council_id, provider_id, status, draft, assessment_id, created_by, created_at, updated_by, updated_at)
  SELECT 'report-' || s.assessment_id, s.council_id, s.provider_id, 'shared', a.input, s.assessment_id,
         COALESCE(a.created_by, s.shared_by), a.created_at, s.shared_by, now()
    FROM report_shares s JOIN assessments a ON a.id = s.assessment_id
    WHERE NOT EXISTS (SELECT 1 FROM visit_records v WHERE v.assessment_id = s.assessment_id);
INSERT INTO visit_events (visit_id, from_status, to_status, by_user, at)
  SELECT 'report-' || s.assessment_id, NULL, 'shared', s.shared_by, s.shared_on::timestamptz
    FROM report_shares s JOIN visit_records v ON v.id = 'report-' || s.assessment_id
    WHERE NOT EXISTS (SELECT 1 FROM visit_events e WHERE e.visit_id = v.id);

-- 3. Final reports: their visit records to final.
INSERT INTO visit_events (visit_id, from_status, to_status, by_user, at)
  SELECT v.id, 'shared', 'final', COALESCE(s.finalised_by, s.shared_by), COALESCE(s.finalised_at, now())
    FROM visit_records v JOIN report_shares s ON s.assessment_id = v.assessment_id
    WHERE s.status = 'final' AND v.status = 'shared';
UPDATE visit_records v SET status = 'final', revision = v.revision + 1, updated_by = COALESCE(s.finalised_by, s.shared_by), updated_at = now()
  FROM report_shares s
  WHERE s.assessment_id = v.assessment_id AND s.status = 'final' AND v.status = 'shared';

ALTER TABLE report_shares DROP COLUMN status, DROP COLUMN finalised_by, DROP COLUMN finalised_at;

-- One visit record per assessment: the report's status and reviewer are read through it.
CREATE UNIQUE INDEX visit_records_assessment ON visit_records (assessment_id) WHERE assessment_id IS NOT NULL;
