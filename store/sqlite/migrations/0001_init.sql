-- The gallery: one row per artwork. The PNG lives on disk, content-addressed
-- by sha256; several rows may share one file.
CREATE TABLE artworks (
	id              TEXT PRIMARY KEY,
	sha256          TEXT NOT NULL,
	path            TEXT NOT NULL,
	idea            TEXT NOT NULL,
	template        TEXT NOT NULL DEFAULT '',
	prompt          TEXT NOT NULL,
	negative_prompt TEXT NOT NULL DEFAULT '',
	dialect         TEXT NOT NULL DEFAULT '',
	style           TEXT NOT NULL DEFAULT '',
	writer          TEXT NOT NULL DEFAULT '',
	engine          TEXT NOT NULL,
	model           TEXT NOT NULL DEFAULT '',
	seed            INTEGER NOT NULL,
	width           INTEGER NOT NULL,
	height          INTEGER NOT NULL,
	steps           INTEGER NOT NULL DEFAULT 0,
	cfg_scale       REAL NOT NULL DEFAULT 0,
	sampler         TEXT NOT NULL DEFAULT '',
	revised_prompt  TEXT NOT NULL DEFAULT '',
	engine_info     TEXT NOT NULL DEFAULT '',
	scene           TEXT NOT NULL DEFAULT '',
	-- No foreign key: deleting a parent keeps its children and their lineage.
	parent_id       TEXT NOT NULL DEFAULT '',
	method          TEXT NOT NULL DEFAULT '',
	cost_usd        REAL NOT NULL DEFAULT 0,
	elapsed_ms      INTEGER NOT NULL DEFAULT 0,
	created_at      TEXT NOT NULL
);
CREATE INDEX artworks_created ON artworks (created_at);
CREATE INDEX artworks_parent ON artworks (parent_id);
CREATE INDEX artworks_sha256 ON artworks (sha256);

-- Full-text search over what people remember: the idea, the template and the prompt.
CREATE VIRTUAL TABLE artworks_fts USING fts5 (
	idea, template, prompt,
	content = 'artworks', content_rowid = 'rowid',
	tokenize = 'porter unicode61'
);
CREATE TRIGGER artworks_ai AFTER INSERT ON artworks BEGIN
	INSERT INTO artworks_fts (rowid, idea, template, prompt) VALUES (new.rowid, new.idea, new.template, new.prompt);
END;
CREATE TRIGGER artworks_ad AFTER DELETE ON artworks BEGIN
	INSERT INTO artworks_fts (artworks_fts, rowid, idea, template, prompt) VALUES ('delete', old.rowid, old.idea, old.template, old.prompt);
END;
CREATE TRIGGER artworks_au AFTER UPDATE ON artworks BEGIN
	INSERT INTO artworks_fts (artworks_fts, rowid, idea, template, prompt) VALUES ('delete', old.rowid, old.idea, old.template, old.prompt);
	INSERT INTO artworks_fts (rowid, idea, template, prompt) VALUES (new.rowid, new.idea, new.template, new.prompt);
END;
