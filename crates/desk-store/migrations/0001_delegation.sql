-- Schema version 1: the first slice, delegations only.
-- Shipped: never edit this file; add a new numbered migration instead.

CREATE TABLE delegation (
    id          TEXT PRIMARY KEY NOT NULL,            -- UUIDv7
    direction   TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    country     TEXT NOT NULL CHECK (length(country) = 2),
    starts_on   TEXT NOT NULL,                        -- YYYY-MM-DD
    ends_on     TEXT NOT NULL CHECK (ends_on >= starts_on),
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  TEXT NOT NULL,                        -- RFC 3339, UTC
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX delegation_starts_on ON delegation (starts_on);
