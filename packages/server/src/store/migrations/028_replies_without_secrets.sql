-- Replies kept for an `Idempotency-Key` never hold a secret (stop 24): the new API token of
-- `POST /api/auth/tokens` and `POST /api/councils/{council}/members/{userId}/tokens` (`"token":
-- "qaf_…"`), and the password reset code and link of `POST /api/users/{id}/password-reset` and
-- `POST /api/councils/{council}/members/{userId}/password-reset` (`"resetPath": "#/reset-
-- password/…"`) were kept in plain text until now, so a dump of the database held live secrets.
-- This forgets those replies, and only them. Each key is kept, marked written with its reply
-- lost (status 0, as `idempotency/keys.ts` marks it), so a retry with it is refused with 409
-- `idempotency-reply-lost` and nothing is made twice. (The patterns are JSON keys: in a JSON
-- string a quote is escaped, so no value sent by a user can match them.) Safe on a database with
-- none, and to run again.
UPDATE idempotency_keys SET status = 0, headers = NULL, body = NULL
 WHERE body LIKE '%"token":"qaf\_%' OR body LIKE '%"resetPath":"#/reset-password/%';
