-- The provider report, its factual-accuracy challenge and providers as users (issue 12, part 2).
--
-- A report's subject is an assessment and its current determination. Sharing the draft with the
-- provider (after sign-off) opens the challenge window; the provider comments per finding; the
-- officer accepts or rejects each comment with a reason; finalising records them in the report.
-- (Merge point: once visit records carry draft -> submitted -> signed-off -> shared -> final,
-- `report_shares.status` is the shared/final part of that life.)
CREATE TABLE report_settings (
  council_id             text PRIMARY KEY REFERENCES councils(id),
  challenge_window_days  integer NOT NULL CHECK (challenge_window_days BETWEEN 1 AND 365),
  updated_by             text,
  updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_shares (
  assessment_id    text PRIMARY KEY REFERENCES assessments(id),
  council_id       text NOT NULL REFERENCES councils(id),
  provider_id      text NOT NULL REFERENCES providers(id),
  status           text NOT NULL CHECK (status IN ('shared', 'final')),
  shared_by        text NOT NULL,
  shared_on        date NOT NULL,
  challenge_days   integer NOT NULL,
  challenge_until  date NOT NULL,
  challenge_basis  text NOT NULL,
  challenge_why    text NOT NULL,
  finalised_by     text,
  finalised_at     timestamptz
);
CREATE INDEX report_shares_provider ON report_shares (council_id, provider_id);

CREATE TABLE report_comments (
  id             text PRIMARY KEY,
  assessment_id  text NOT NULL REFERENCES report_shares(assessment_id),
  finding        text NOT NULL,
  comment        text NOT NULL,
  by_user        text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  decision       text CHECK (decision IN ('accepted', 'rejected')),
  reason         text,
  answered_by    text,
  answered_at    timestamptz
);
CREATE INDEX report_comments_assessment ON report_comments (assessment_id, at);

-- A provider user: a user who sees only these providers' shared and final reports.
CREATE TABLE report_provider_users (
  user_id      text NOT NULL REFERENCES users(id),
  council_id   text NOT NULL REFERENCES councils(id),
  provider_id  text NOT NULL REFERENCES providers(id),
  PRIMARY KEY (user_id, provider_id)
);

-- The provider's improvement action plan: one owner and one date per action.
CREATE TABLE report_action_plans (
  assessment_id  text NOT NULL REFERENCES report_shares(assessment_id),
  position       integer NOT NULL,
  action         text NOT NULL,
  owner          text NOT NULL,
  due            date NOT NULL,
  by_user        text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, position)
);
