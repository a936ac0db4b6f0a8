-- Journeywall schema, version 4: where a card came from (the participant who sent it from a
-- phone, a breakout group); empty when nobody said.
ALTER TABLE cards ADD COLUMN source TEXT NOT NULL DEFAULT '';
