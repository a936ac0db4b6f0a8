-- Journeywall schema, version 3: what participants send from their phones in a room.

-- A note written on a phone. It waits in the inbox until the facilitator places it (it then
-- becomes the card named in card_id) or discards it. The id is the phone's own, so a note sent
-- twice over a flaky Wi-Fi is stored once. `device` says which phone wrote it, so that phone can
-- list its notes; it is never exported.
CREATE TABLE inbox (
    id          TEXT PRIMARY KEY NOT NULL,
    journey_id  TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    phase_id    TEXT,
    row_id      TEXT,
    author      TEXT,
    device      TEXT NOT NULL DEFAULT '',
    received_at INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('inbox', 'placed', 'discarded')),
    card_id     TEXT
) STRICT;
CREATE INDEX inbox_by_journey ON inbox(journey_id, received_at);
