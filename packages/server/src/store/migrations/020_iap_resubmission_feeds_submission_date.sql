-- Birmingham's resubmission of an Improvement Action Plan returned for amendments (Quality Ratings
-- Guidance 2024, 4.1 Step 3, "IAP approved or returned for amendments | Council | Within 7 days of
-- submission"): the plan submitted again is a new submission, so completing `iap-resubmit` records
-- the new submission date (iapSubmittedDate) and the Council's 7 days run from it.
-- `iap-implement` is deliberately not mapped to iapCompletionDate: that fact is the date the
-- approved plan gives for its actions ("As agreed in IAP", Step 4) and the action's own due date,
-- not the date the actions were carried out; feeding the completion into it would move the due
-- date onto the completion and hide a late one.
INSERT INTO action_completion_facts (council_id, action_id, fact) VALUES
  ('birmingham', 'iap-resubmit', 'iapSubmittedDate')
ON CONFLICT (council_id, action_id) DO NOTHING;
