-- API tokens carry scopes (see docs/roles.md#api-token-scopes): `read`, `write`, `admin`.
-- Tokens made before this migration keep every scope and no expiry, so they go on working as
-- before; new tokens are always given their scopes and an expiry by the server.
ALTER TABLE api_tokens ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['read', 'write', 'admin'];
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes_known
  CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'admin']);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every server remembers recently used tokens for a few seconds. Any committed change that can
-- stop a token working (the token revoked, its user disabled, renamed, demoted or deleted, a
-- council role changed) notifies channel `qaf_token_change` with the schema's name, and every
-- server listening for that schema forgets the tokens it remembers (src/auth/token-change-watch.ts).
-- A rolled-back change notifies nobody.
CREATE FUNCTION qaf_notify_token_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('qaf_token_change', TG_TABLE_SCHEMA);
  RETURN NULL;
END;
$$;
CREATE TRIGGER api_tokens_changed AFTER UPDATE OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION qaf_notify_token_change();
CREATE TRIGGER users_changed AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION qaf_notify_token_change();
CREATE TRIGGER council_roles_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_roles
  FOR EACH STATEMENT EXECUTE FUNCTION qaf_notify_token_change();
