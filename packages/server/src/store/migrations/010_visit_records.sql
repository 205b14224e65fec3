-- The visit record (issue 12): an assessment as a record with a lifecycle. A draft is saved as the
-- officer goes (revision + If-Match); submitting evaluates it and stores the assessment and its
-- determination, which stays not final until a second person signs it off.
CREATE TABLE visit_records (
  id               text PRIMARY KEY,
  council_id       text NOT NULL REFERENCES councils(id),
  provider_id      text NOT NULL REFERENCES providers(id),
  status           text NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'submitted', 'signed-off', 'shared', 'final')),
  -- What the officer has entered so far: { date, judgements, facts, decisions, note }.
  draft            jsonb NOT NULL,
  -- Fact names filled from the provider record, for the officer to confirm or correct.
  prefilled        jsonb NOT NULL DEFAULT '{}'::jsonb,
  revision         integer NOT NULL DEFAULT 1,
  -- The assessment (and its determination) stored at submit.
  assessment_id    text REFERENCES assessments(id),
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_records_council_status ON visit_records (council_id, status, updated_at);
CREATE INDEX visit_records_provider ON visit_records (provider_id, created_at);

-- Each step of a visit record's lifecycle: who moved it from what to what, and when. Append-only.
CREATE TABLE visit_events (
  id           bigserial PRIMARY KEY,
  visit_id     text NOT NULL REFERENCES visit_records(id),
  from_status  text,
  to_status    text NOT NULL,
  by_user      text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_events_visit ON visit_events (visit_id, id);

-- Evidence for one criterion, indicator or measure (`target`): a text, or a file kept in the database.
CREATE TABLE visit_evidence (
  id           text PRIMARY KEY,
  visit_id     text NOT NULL REFERENCES visit_records(id),
  target       text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('text', 'file')),
  body         text,
  file_name    text,
  media_type   text,
  size         integer,
  content      bytea,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'text' AND body IS NOT NULL AND content IS NULL)
      OR (kind = 'file' AND content IS NOT NULL AND file_name IS NOT NULL AND media_type IS NOT NULL AND size IS NOT NULL))
);
CREATE INDEX visit_evidence_visit ON visit_evidence (visit_id, target, created_at);
