-- Schema version 3: per-diem rate tables and saved cost estimates. Shipped: never edit this
-- file; add a new numbered migration instead.
--
-- Column names are the serde field names of the desk-domain records (see src/record.rs);
-- lists and nested values are JSON text.

-- A per-diem regulation as data: groups of countries, caps per group and staff level, what
-- a sponsor covers. One table per regulation and valid-from date.
CREATE TABLE rate_table (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL CHECK (length(name) > 0),
    valid_from      TEXT NOT NULL,
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    notes           TEXT NOT NULL DEFAULT '',
    groups          TEXT NOT NULL DEFAULT '[]',   -- JSON [CountryGroup]
    rates           TEXT NOT NULL DEFAULT '[]',   -- JSON [LevelRate], amounts in minor units
    sponsor_covers  TEXT NOT NULL DEFAULT '[]',   -- JSON [SponsorCover]
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (name, valid_from)
) STRICT;

-- An estimate as it was computed and approved: the table's name and date are kept with it,
-- so it stays explainable after the table is changed or deleted.
CREATE TABLE estimate (
    id                TEXT PRIMARY KEY NOT NULL,
    delegation_id     TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    table_name        TEXT NOT NULL,
    table_valid_from  TEXT NOT NULL,
    estimate          TEXT NOT NULL,              -- JSON of the Estimate, lines and totals
    created_at        TEXT NOT NULL
) STRICT;
CREATE INDEX estimate_delegation ON estimate (delegation_id, created_at);
