-- Journeywall schema, version 5: who made each undo step, so that each person's undo takes
-- their own steps only (several editors on one journey). '' is the facilitator (the laptop, the
-- command line); `author_name` is how the others are told whose change stands.
ALTER TABLE history ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
