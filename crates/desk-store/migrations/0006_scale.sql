-- Schema version 6: an office's whole history stays fast. Shipped: never edit this file; add
-- a new numbered migration instead.
--
-- 1. The search index is keyed. Version 2's `search_doc` kept the record's kind and id as
--    UNINDEXED columns of the FTS5 table, so replacing one record's entry scanned the whole
--    index. Now `search_entry` maps (kind, record id) to one integer `doc`, which is the
--    rowid of the record's text in the contentless FTS5 table `search_text`: replacing an
--    entry deletes and inserts one row by key. Each kind owns a range of `doc` numbers
--    (kind number × 2^40), so a search within a kind is a rowid range FTS5 seeks to.
--    The store refills both tables from the records right after this migration (the
--    folding of text is done in Rust, not SQL).
-- 2. Lists are read a page at a time in their sort order: indexes that give each order
--    (and the year filter, a range of start dates) without sorting, and counts without
--    reading rows.
-- 3. The guest-list import finds people already in the directory by key, not by reading
--    the whole directory.

DROP TABLE search_doc;

CREATE TABLE search_entry (
    doc            INTEGER PRIMARY KEY,   -- rowid of the text in search_text
    kind           TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    delegation_id  TEXT,                  -- the delegation to open (itself for a delegation)
    label          TEXT NOT NULL,         -- as written, shown first
    detail         TEXT NOT NULL,         -- shown second
    UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX search_entry_delegation ON search_entry (delegation_id)
    WHERE delegation_id IS NOT NULL;

-- Folded text only (no diacritics, đ → d, lower case): `label` is the name or title, so
-- that a match at its start ranks first; `text` is everything else searchable. Prefix
-- indexes of one and two letters keep the first keystrokes as fast as the later ones.
CREATE VIRTUAL TABLE search_text USING fts5 (
    label,
    text,
    content = '',
    contentless_delete = 1,
    prefix = '1 2',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Delegations, newest or oldest first: start day, then id (UUIDv7, creation order).
CREATE INDEX delegation_live_by_start ON delegation (starts_on, id) WHERE deleted_at IS NULL;
CREATE INDEX delegation_live_by_title ON delegation (title COLLATE NOCASE, id)
    WHERE deleted_at IS NULL;
CREATE INDEX delegation_trash ON delegation (deleted_at, id) WHERE deleted_at IS NOT NULL;
-- The agenda (Today) reads the delegations that can still have something due: not closed,
-- or closed but not over.
CREATE INDEX delegation_live_status ON delegation (status, ends_on) WHERE deleted_at IS NULL;

CREATE INDEX person_by_name ON person (full_name COLLATE NOCASE, id);
CREATE INDEX person_passport ON person (passport_no) WHERE passport_no <> '';
CREATE INDEX person_identity ON person (passport_name, born_on) WHERE born_on IS NOT NULL;

CREATE INDEX organisation_by_name ON organisation (name COLLATE NOCASE, id);
