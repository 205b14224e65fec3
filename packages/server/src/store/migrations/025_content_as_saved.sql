-- A draft, and a pack version, read back exactly as they were saved (issue: draft member order).
-- `jsonb` keeps a parsed form whose object members come back sorted (shorter names first, then
-- by bytes), not in the order the quality lead wrote them; the engine reads members in order (a
-- dependency cycle is reported from the first decision it meets), so a draft read back could
-- behave differently from the one saved. `json` keeps the text as given.
--
-- Drafts: the column becomes `json`. Existing rows are carried over in the order `jsonb` gave
-- them (the order they were saved in is no longer known); every save from now on keeps its own.
ALTER TABLE drafts ALTER COLUMN content TYPE json USING content::json;

-- Pack versions are immutable, and `content` (jsonb) stays: the interpretations trigger (024) and
-- the work queue's decision words query it. The text as published goes beside it; versions
-- published before this migration have none and are read from `content` as before. A version's
-- content hash is of its canonical JSON (members sorted), so it is the same either way.
ALTER TABLE pack_versions ADD COLUMN content_as_published json;
