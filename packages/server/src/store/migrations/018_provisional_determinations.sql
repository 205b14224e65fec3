-- Issue 12: "A determination is only final when signed off".
--
-- 1. An assessment stored by submitting a visit record is provisional until the visit record is
--    signed off: the dashboard, the rating mix, what-if, the work queue and the provider's current
--    rating read only assessments that are not provisional. Assessments entered directly (not
--    through a visit record) are final as before.
ALTER TABLE assessments ADD COLUMN provisional boolean NOT NULL DEFAULT false;

-- Old rows: the assessment of a visit record not yet signed off (submitted, or returned to draft),
UPDATE assessments a SET provisional = true
  WHERE EXISTS (SELECT 1 FROM visit_records v WHERE v.assessment_id = a.id AND v.status IN ('draft', 'submitted'));
-- and the assessment of an earlier submission of a record returned and submitted again (the
-- submission is in the audit log; the record now points at its newer assessment).
UPDATE assessments a SET provisional = true
  WHERE EXISTS (SELECT 1 FROM audit_log l WHERE l.action = 'visit-submitted' AND l.detail->>'assessmentId' = a.id)
    AND NOT EXISTS (SELECT 1 FROM visit_records v WHERE v.assessment_id = a.id AND v.status IN ('signed-off', 'shared', 'final'));

-- 2. "The facts from the provider record are right": the officer's confirmation of the facts filled
--    from the provider record, saved with the draft: who, when, and the values confirmed (a change
--    to one of those facts clears it).
ALTER TABLE visit_records ADD COLUMN facts_confirmed jsonb;
