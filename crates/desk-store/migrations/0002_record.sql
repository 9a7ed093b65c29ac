-- Schema version 2: the whole record (organisations, people, members, travel, programme,
-- hosting duties, money, attachments, mission reports), the audit trail, settings and
-- full-text search. Shipped: never edit this file; add a new numbered migration instead.
--
-- Column names are the serde field names of the desk-domain records, so that rows and
-- records convert generically (see src/record.rs). Lists are JSON text.

CREATE TABLE organisation (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    short_name  TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'other',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id                  TEXT PRIMARY KEY NOT NULL,
    full_name           TEXT NOT NULL CHECK (length(full_name) > 0),
    passport_name       TEXT NOT NULL DEFAULT '',
    family_name         TEXT NOT NULL DEFAULT '',
    given_name          TEXT NOT NULL DEFAULT '',
    name_order          TEXT NOT NULL DEFAULT 'family_first',
    title               TEXT NOT NULL DEFAULT '',
    unit                TEXT NOT NULL DEFAULT '',
    organisation_id     TEXT REFERENCES organisation (id) ON DELETE RESTRICT,
    gender              TEXT,
    born_on             TEXT,
    nationality         TEXT NOT NULL DEFAULT '',
    passport_no         TEXT NOT NULL DEFAULT '',
    passport_expires_on TEXT,
    email               TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    dietary             TEXT NOT NULL DEFAULT '',
    access_needs        TEXT NOT NULL DEFAULT '',
    staff_level         TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX person_organisation ON person (organisation_id);

ALTER TABLE delegation ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN organisation_id TEXT REFERENCES organisation (id) ON DELETE RESTRICT;
ALTER TABLE delegation ADD COLUMN cities TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN funding TEXT NOT NULL DEFAULT 'state_budget';
ALTER TABLE delegation ADD COLUMN sponsor_id TEXT REFERENCES organisation (id) ON DELETE RESTRICT;
ALTER TABLE delegation ADD COLUMN decision_number TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN decision_date TEXT;
ALTER TABLE delegation ADD COLUMN decision_signer TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation ADD COLUMN deleted_at TEXT;
CREATE INDEX delegation_organisation ON delegation (organisation_id);

CREATE TABLE member (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    person_id      TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role           TEXT NOT NULL,
    joins_on       TEXT,
    leaves_on      TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (delegation_id, person_id),
    CHECK (leaves_on IS NULL OR joins_on IS NULL OR leaves_on >= joins_on)
) STRICT;
CREATE INDEX member_person ON member (person_id);

CREATE TABLE segment (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    mode           TEXT NOT NULL,
    carrier        TEXT NOT NULL DEFAULT '',
    number         TEXT NOT NULL DEFAULT '',
    from_place     TEXT NOT NULL,
    from_tz        TEXT NOT NULL,
    departs_local  TEXT NOT NULL,
    to_place       TEXT NOT NULL,
    to_tz          TEXT NOT NULL,
    arrives_local  TEXT NOT NULL,
    terminal       TEXT NOT NULL DEFAULT '',
    passenger_ids  TEXT NOT NULL DEFAULT '[]',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX segment_delegation ON segment (delegation_id, departs_local);

CREATE TABLE stay (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    hotel          TEXT NOT NULL,
    city           TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    room           TEXT NOT NULL DEFAULT '',
    check_in_on    TEXT NOT NULL,
    check_out_on   TEXT NOT NULL CHECK (check_out_on >= check_in_on),
    confirmation   TEXT NOT NULL DEFAULT '',
    guest_ids      TEXT NOT NULL DEFAULT '[]',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX stay_delegation ON stay (delegation_id, check_in_on);

CREATE TABLE visa (
    id             TEXT PRIMARY KEY NOT NULL,
    person_id      TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    delegation_id  TEXT REFERENCES delegation (id) ON DELETE SET NULL,
    country        TEXT NOT NULL,
    status         TEXT NOT NULL,
    number         TEXT NOT NULL DEFAULT '',
    valid_from     TEXT,
    valid_until    TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX visa_person ON visa (person_id);
CREATE INDEX visa_delegation ON visa (delegation_id);

CREATE TABLE programme_item (
    id              TEXT PRIMARY KEY NOT NULL,
    delegation_id   TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    on_date         TEXT NOT NULL,
    starts_at       TEXT,
    ends_at         TEXT,
    venue           TEXT NOT NULL DEFAULT '',
    room            TEXT NOT NULL DEFAULT '',
    responsible_id  TEXT REFERENCES person (id) ON DELETE SET NULL,
    audience        TEXT NOT NULL DEFAULT 'all',
    audience_note   TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX programme_delegation ON programme_item (delegation_id, on_date, starts_at);

CREATE TABLE task (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    assignee_id    TEXT REFERENCES person (id) ON DELETE SET NULL,
    due_on         TEXT,
    status         TEXT NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX task_delegation ON task (delegation_id, due_on);
CREATE INDEX task_due ON task (status, due_on);

CREATE TABLE transfer (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    segment_id     TEXT REFERENCES segment (id) ON DELETE SET NULL,
    kind           TEXT NOT NULL,
    at_local       TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    from_place     TEXT NOT NULL DEFAULT '',
    to_place       TEXT NOT NULL DEFAULT '',
    terminal       TEXT NOT NULL DEFAULT '',
    passenger_ids  TEXT NOT NULL DEFAULT '[]',
    vehicle        TEXT NOT NULL DEFAULT '',
    driver         TEXT NOT NULL DEFAULT '',
    driver_phone   TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX transfer_delegation ON transfer (delegation_id, at_local);

CREATE TABLE attachment (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT REFERENCES delegation (id) ON DELETE CASCADE,
    person_id      TEXT REFERENCES person (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    caption        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_delegation ON attachment (delegation_id);

-- Kept apart so that listing attachments never reads their bytes.
CREATE TABLE attachment_content (
    id       TEXT PRIMARY KEY NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    content  BLOB NOT NULL
) STRICT;

CREATE TABLE expense (
    id             TEXT PRIMARY KEY NOT NULL,
    delegation_id  TEXT NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
    person_id      TEXT REFERENCES person (id) ON DELETE SET NULL,
    kind           TEXT NOT NULL,
    category       TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    amount         TEXT NOT NULL,               -- JSON {"currency": "SGD", "minor": 45000}
    rate_to_vnd    TEXT NOT NULL DEFAULT '',    -- decimal text, never a float
    rate_date      TEXT,
    rate_source    TEXT NOT NULL DEFAULT '',
    spent_on       TEXT,
    receipt_id     TEXT REFERENCES attachment (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    currency       TEXT GENERATED ALWAYS AS (json_extract(amount, '$.currency')) VIRTUAL,
    minor          INTEGER GENERATED ALWAYS AS (json_extract(amount, '$.minor')) VIRTUAL
) STRICT;
CREATE INDEX expense_delegation ON expense (delegation_id, kind);

CREATE TABLE mission_report (
    id                   TEXT PRIMARY KEY NOT NULL,
    delegation_id        TEXT NOT NULL UNIQUE REFERENCES delegation (id) ON DELETE CASCADE,
    language             TEXT NOT NULL,
    number               TEXT NOT NULL DEFAULT '',
    place                TEXT NOT NULL DEFAULT '',
    report_date          TEXT NOT NULL,
    recipients           TEXT NOT NULL DEFAULT '[]',
    purpose              TEXT NOT NULL DEFAULT '',
    activities           TEXT NOT NULL DEFAULT '',
    results              TEXT NOT NULL DEFAULT '',
    assessment           TEXT NOT NULL DEFAULT '',
    proposals            TEXT NOT NULL DEFAULT '',
    photos               TEXT NOT NULL DEFAULT '[]',
    received_by          TEXT NOT NULL DEFAULT '[]',
    signatory_authority  TEXT NOT NULL DEFAULT '',
    signatory_position   TEXT NOT NULL DEFAULT '',
    signatory_name       TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL,
    version              INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
) STRICT;

-- Every exported or finalised state of a report, so that a printed version can be found
-- again exactly.
CREATE TABLE report_version (
    id          TEXT PRIMARY KEY NOT NULL,
    report_id   TEXT NOT NULL REFERENCES mission_report (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    reason      TEXT NOT NULL,                  -- 'exported', 'finalised', 'reopened'
    content     TEXT NOT NULL,                  -- JSON of the MissionReport
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX report_version_report ON report_version (report_id, version);

CREATE TABLE audit_entry (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT
) STRICT;
CREATE INDEX audit_entity ON audit_entry (entity, entity_id, id);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL                        -- JSON
) STRICT;

-- Search over people, organisations, delegations, programme items and reports. The text
-- is folded in Rust before it is indexed and before a query runs (no diacritics, đ → d,
-- lower case), because FTS5 never folds đ by itself.
CREATE VIRTUAL TABLE search_doc USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    delegation_id UNINDEXED,
    label UNINDEXED,
    detail UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
