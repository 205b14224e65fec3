-- Idempotency keys: a write sent again with the same `Idempotency-Key` is answered from here.
-- `status` is NULL while the first request is under way; the writes that matter most set it in
-- the same transaction as the write itself, so a reply lost in a crash is never written twice.
CREATE TABLE idempotency_keys (
  caller        text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  attempt       text NOT NULL,
  status        integer,
  headers       jsonb,
  body          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz NOT NULL,
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
