-- Per-officer assignment (issue 12, the work queue): the officer a provider is assigned to. The
-- work queue filters "mine" (providers assigned to me, drafts I started) from the council's.
-- One officer per provider; re-assigning replaces the row (each change is in the audit log).
CREATE TABLE officer_assignments (
  council_id   text NOT NULL REFERENCES councils(id),
  provider_id  text PRIMARY KEY REFERENCES providers(id),
  officer_id   text NOT NULL REFERENCES users(id),
  assigned_by  text NOT NULL,
  assigned_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officer_assignments_officer ON officer_assignments (council_id, officer_id);
