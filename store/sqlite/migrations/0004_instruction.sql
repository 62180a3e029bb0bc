-- What the person asked of the parent, for a picture made by refine
-- ("make it night"); empty for every other method.
ALTER TABLE artworks ADD COLUMN instruction TEXT NOT NULL DEFAULT '';
