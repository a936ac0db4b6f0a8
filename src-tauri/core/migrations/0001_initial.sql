-- Journeywall schema, version 1. Migrations are append-only: never edit a released one.
-- Ids are UUID strings; times are milliseconds since the Unix epoch (UTC).

CREATE TABLE journeys (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    locale      TEXT NOT NULL DEFAULT 'en',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    settings    TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE phases (
    id         TEXT PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    question   TEXT NOT NULL DEFAULT '',
    colour     TEXT NOT NULL,
    width      INTEGER NOT NULL DEFAULT 100 -- percent of the standard column width
) STRICT;
CREATE INDEX phases_by_journey ON phases(journey_id, position);

CREATE TABLE journey_rows (
    id         TEXT PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('cards', 'emotion')),
    title      TEXT NOT NULL,
    colour     TEXT NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX rows_by_journey ON journey_rows(journey_id, position);

CREATE TABLE cards (
    id         TEXT PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    phase_id   TEXT NOT NULL REFERENCES phases(id) ON DELETE CASCADE,
    row_id     TEXT NOT NULL REFERENCES journey_rows(id) ON DELETE CASCADE,
    -- Order within the cell. Positions (0, 1, 2 …) are derived from it when read, so moving a
    -- card rewrites that one card instead of renumbering its neighbours.
    sort_key   REAL NOT NULL,
    title      TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    colour     TEXT,
    channel    TEXT,
    emotion    INTEGER CHECK (emotion BETWEEN -2 AND 2),
    votes      INTEGER NOT NULL DEFAULT 0,
    tags       TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cards_by_cell ON cards(phase_id, row_id, sort_key, id);
CREATE INDEX cards_by_row ON cards(row_id);
CREATE INDEX cards_by_journey ON cards(journey_id);

CREATE TABLE personas (
    id           TEXT PRIMARY KEY NOT NULL,
    journey_id   TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    quote        TEXT NOT NULL DEFAULT '',
    goals        TEXT NOT NULL DEFAULT '',
    frustrations TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX personas_by_journey ON personas(journey_id, position);

-- Undo history, one log per journey. `undo` holds the edit that reverses the step; `redo` the edit
-- that replays it once it has been undone. Steps with done = 0 form the redo tail.
CREATE TABLE history (
    journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    label      TEXT NOT NULL,
    undo       TEXT NOT NULL,
    redo       TEXT,
    done       INTEGER NOT NULL DEFAULT 1,
    at         INTEGER NOT NULL,
    PRIMARY KEY (journey_id, seq)
) STRICT, WITHOUT ROWID;

-- Small facts about the database itself (e.g. whether the sample journey was added on first start).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
