-- Actions from determinations as tracked items: the completion of one, recorded with its date.
-- An action is identified by the provider, the assessment date it arose from, and its id in the pack;
-- a later assessment on the same date (a recompute) keeps the completion.
CREATE TABLE action_completions (
  council_id      text NOT NULL REFERENCES councils(id),
  provider_id     text NOT NULL REFERENCES providers(id),
  assessment_date date NOT NULL,
  action_id       text NOT NULL,
  completed_on    date NOT NULL,
  note            text,
  recorded_by     text NOT NULL REFERENCES users(id),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, assessment_date, action_id)
);
CREATE INDEX action_completions_council ON action_completions (council_id);

-- Which input fact an action's completion date feeds: completing the action evaluates the provider's
-- latest assessment again with that fact set to the completion date (data, per council).
CREATE TABLE action_completion_facts (
  council_id text NOT NULL,
  action_id  text NOT NULL,
  fact       text NOT NULL,
  PRIMARY KEY (council_id, action_id)
);
-- Birmingham's Bronze and Inadequate processes (Quality Ratings Guidance 2024, 4.1): the provider's
-- 7 days run from the IAP request; the council's 7 days to approve run from the actual submission.
INSERT INTO action_completion_facts (council_id, action_id, fact) VALUES
  ('birmingham', 'iap-request', 'iapRequestDate'),
  ('birmingham', 'iap-submit', 'iapSubmittedDate');
