-- Schema version 11: a member's check-in at the welcome desk has a table of its own, keyed
-- by the member and removed with it (also when a delegation deleted for good takes its
-- members), instead of a `checkin:<member id>` key in the `setting` table.
-- Shipped: never edit this file; add a new numbered migration instead.

CREATE TABLE check_in (
    member_id   TEXT PRIMARY KEY NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    checked_at  TEXT NOT NULL,
    checked_by  TEXT NOT NULL DEFAULT ''
);

-- Ticks of members that still exist move; a tick left behind by a member that is gone (the
-- key-value table could not cascade) is dropped with the other keys.
INSERT INTO check_in (member_id, checked_at, checked_by)
SELECT substr(s.key, 9),
       json_extract(s.value, '$.at'),
       coalesce(json_extract(s.value, '$.by'), '')
FROM setting AS s
WHERE s.key LIKE 'checkin:%'
  AND json_valid(s.value)
  AND json_extract(s.value, '$.at') IS NOT NULL
  AND substr(s.key, 9) IN (SELECT id FROM member);

DELETE FROM setting WHERE key LIKE 'checkin:%';
