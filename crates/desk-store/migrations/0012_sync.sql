-- Sync between machines through a shared folder (issue #16). Nothing here changes a record:
-- a database that never syncs only gains these empty tables.

-- This copy's own state, never synced: `device` (its UUIDv7, set when it first syncs),
-- `name`, `folder`, `clock` (the last hybrid-logical-clock stamp it made or saw).
CREATE TABLE sync_state (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);

-- Every change this device committed since it joined: SQLite's changeset of the
-- transaction, written in that same transaction (a crash never separates the two), with
-- its stamp and the audit entries it wrote. Each becomes one file in the folder.
CREATE TABLE sync_outbox (
    seq        INTEGER PRIMARY KEY,
    stamp      TEXT NOT NULL,
    changeset  BLOB NOT NULL,
    audit      TEXT NOT NULL
);

-- The last change applied from each other device (its sequence number).
CREATE TABLE sync_applied (
    device  TEXT PRIMARY KEY NOT NULL,
    seq     INTEGER NOT NULL
);

-- When each field of a record was last written, for "the latest write wins" where two
-- devices changed the same field: a JSON object from column name (or "*" for the whole
-- row when it was inserted) to stamp. Rows written before the device joined have none.
CREATE TABLE sync_stamp (
    tbl     TEXT NOT NULL,
    pk      TEXT NOT NULL,
    stamps  TEXT NOT NULL,
    PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;

-- The devices of the office, by the name each gave itself (synced: each adds its own row).
CREATE TABLE sync_device (
    id    TEXT PRIMARY KEY NOT NULL,
    name  TEXT NOT NULL
);

-- Changes that met: the same field changed on two devices, an edit against a deletion, two
-- records that clash on a unique rule. The app has applied one side already (the same on
-- every device); a person keeps one. Synced, so that a resolution reaches every device.
-- The id is made from what clashed, so every device that sees the clash names it alike.
CREATE TABLE sync_conflict (
    id            TEXT PRIMARY KEY NOT NULL,
    record_kind   TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    field         TEXT NOT NULL,
    first_value   TEXT,            -- JSON; the value stamped first
    first_device  TEXT NOT NULL,
    first_stamp   TEXT NOT NULL,
    second_value  TEXT,            -- JSON; the value stamped second (the one applied)
    second_device TEXT NOT NULL,
    second_stamp  TEXT NOT NULL,
    found_at      TEXT NOT NULL,
    resolved_at   TEXT,
    kept          TEXT             -- 'first' or 'second' once a person chose
);

-- Which device wrote an audit entry (NULL: this one, or before sync).
ALTER TABLE audit_entry ADD COLUMN device TEXT;
