-- Journeywall schema, version 2: what a workshop adds to a journey.

-- The journey's dot vote, at most one. It is small (tens of participants, a few dots each) and is
-- always read and written whole, so it is kept as one JSON value (see `vote.rs`). The dots it
-- places are counted into cards.votes as well, which is what the board and the poster show.
CREATE TABLE votes (
    journey_id TEXT PRIMARY KEY NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    vote       TEXT NOT NULL
) STRICT;

-- Named snapshots of a journey ("as-is", "after round 1", "to-be"): the whole journey as the
-- interchange JSON holds it, so a round can be opened, compared and restored without the records
-- it was taken from.
CREATE TABLE rounds (
    id         TEXT PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
) STRICT;
CREATE INDEX rounds_by_journey ON rounds(journey_id, created_at);

-- A persona's picture, already downscaled, as the bytes of a JPEG file (see picture.rs).
ALTER TABLE personas ADD COLUMN picture BLOB;
