-- Issue 13, admin screens.
-- One-time password reset codes an admin issues (there is no email: the admin hands the link over).
-- Only the SHA-256 of the code is kept; a code works once, until it expires, and issuing a new one
-- for the same user replaces any unused one.
CREATE TABLE password_resets (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  issued_by   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- A password an admin typed for someone is temporary: its user must choose their own at next sign-in.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Facts about a location the council's pack reads that are not sizes: the current CQC rating and
-- its date (text), by the pack input's name. Which ones the record offers comes from the pack in
-- force (GET /provider-fields), like the size facts.
ALTER TABLE providers ADD COLUMN facts jsonb NOT NULL DEFAULT '{}'::jsonb;
