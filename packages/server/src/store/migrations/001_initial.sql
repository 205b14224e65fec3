-- OpenQAF store, first schema. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE councils (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A published pack version is immutable: see the trigger below.
CREATE TABLE pack_versions (
  id              text PRIMARY KEY,
  council_id      text NOT NULL REFERENCES councils(id),
  seq             integer NOT NULL,
  version         text NOT NULL,
  hash            text NOT NULL,
  content         jsonb NOT NULL,
  author          text,
  note            text NOT NULL DEFAULT '',
  published_at    timestamptz NOT NULL DEFAULT now(),
  effective_from  date NOT NULL,
  based_on        text REFERENCES pack_versions(id),
  acknowledged    jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (council_id, seq),
  UNIQUE (council_id, version)
);
CREATE INDEX pack_versions_hash ON pack_versions (hash);
CREATE INDEX pack_versions_in_force ON pack_versions (council_id, effective_from, seq);

-- One working draft per council; `revision` is the ETag used for optimistic concurrency.
CREATE TABLE drafts (
  council_id       text PRIMARY KEY REFERENCES councils(id),
  content          jsonb NOT NULL,
  base_version_id  text REFERENCES pack_versions(id),
  revision         integer NOT NULL DEFAULT 1,
  updated_by       text,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE providers (
  id                text PRIMARY KEY,
  council_id        text NOT NULL REFERENCES councils(id),
  name              text NOT NULL,
  cqc_location_id   text,
  service_type      text,
  size              jsonb NOT NULL DEFAULT '{}'::jsonb,
  revision          integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, cqc_location_id)
);
CREATE INDEX providers_council_name ON providers (council_id, name);

CREATE TABLE assessments (
  id               text PRIMARY KEY,
  council_id       text NOT NULL REFERENCES councils(id),
  provider_id      text NOT NULL REFERENCES providers(id),
  assessment_date  date NOT NULL,
  input            jsonb NOT NULL,
  created_by       text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_provider ON assessments (provider_id, assessment_date, created_at);

CREATE TABLE determinations (
  id               text PRIMARY KEY,
  assessment_id    text NOT NULL UNIQUE REFERENCES assessments(id),
  council_id       text NOT NULL REFERENCES councils(id),
  provider_id      text NOT NULL REFERENCES providers(id),
  pack_version_id  text NOT NULL REFERENCES pack_versions(id),
  pack_hash        text NOT NULL,
  headline         text,
  result           jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX determinations_provider ON determinations (provider_id, created_at);

CREATE TABLE users (
  id              text PRIMARY KEY,
  email           text NOT NULL UNIQUE,
  name            text NOT NULL DEFAULT '',
  password_hash   text NOT NULL,
  platform_admin  boolean NOT NULL DEFAULT false,
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE council_roles (
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  council_id  text NOT NULL REFERENCES councils(id),
  role        text NOT NULL CHECK (role IN ('council-admin', 'officer', 'viewer')),
  PRIMARY KEY (user_id, council_id)
);

-- Only hashes of session and API tokens are stored.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id          text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name        text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz
);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor        text,
  council_id   text,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  before_hash  text,
  after_hash   text,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_council ON audit_log (council_id, id);

-- Audit entries and published pack versions can be written once and never changed.
CREATE FUNCTION qaf_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();
CREATE TRIGGER pack_versions_immutable BEFORE UPDATE OR DELETE ON pack_versions
  FOR EACH ROW EXECUTE FUNCTION qaf_refuse_change();
