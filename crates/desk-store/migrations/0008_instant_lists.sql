-- Schema version 8: search answers each keystroke and the directory shows its count at once,
-- on twenty years of records. Shipped: never edit this file; add a new numbered migration
-- instead.
--
-- 1. Names and titles that begin with what was typed are found by an index, not by a
--    phrase query over the full-text index: `label_key` is the label folded as search folds
--    it (no diacritics, đ → d, lower case) with its words joined by one space, so "tran my d"
--    is a range of that index, and its first one to three letters lead indexes that give
--    the newest labels that begin so without reading the others. The store fills it from
--    `label` right after this migration.
-- 2. The People and Organisations screens show how many there are without counting 500,000
--    rows: `row_count` keeps each table's number of rows, kept exact by triggers in the
--    same transaction as every insert and delete.

ALTER TABLE search_entry ADD COLUMN label_key TEXT NOT NULL DEFAULT '';
CREATE INDEX search_entry_label ON search_entry (kind, label_key);
-- The newest labels of a kind that begin with one, two or three given letters, in order:
-- the first keystrokes read `limit` entries, however many thousand names begin so.
CREATE INDEX search_entry_start1 ON search_entry (kind, substr(label_key, 1, 1), doc);
CREATE INDEX search_entry_start2 ON search_entry (kind, substr(label_key, 1, 2), doc);
CREATE INDEX search_entry_start3 ON search_entry (kind, substr(label_key, 1, 3), doc);

CREATE TABLE row_count (
    name  TEXT PRIMARY KEY NOT NULL,
    n     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO row_count (name, n) VALUES
    ('person', (SELECT count(*) FROM person)),
    ('organisation', (SELECT count(*) FROM organisation));

CREATE TRIGGER person_counted AFTER INSERT ON person BEGIN
    UPDATE row_count SET n = n + 1 WHERE name = 'person';
END;
CREATE TRIGGER person_uncounted AFTER DELETE ON person BEGIN
    UPDATE row_count SET n = n - 1 WHERE name = 'person';
END;
CREATE TRIGGER organisation_counted AFTER INSERT ON organisation BEGIN
    UPDATE row_count SET n = n + 1 WHERE name = 'organisation';
END;
CREATE TRIGGER organisation_uncounted AFTER DELETE ON organisation BEGIN
    UPDATE row_count SET n = n - 1 WHERE name = 'organisation';
END;
