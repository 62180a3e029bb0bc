-- The gallery on PostgreSQL: one row per artwork, as store/sqlite keeps it.
-- The PNG lives in the image store, content-addressed by sha256; several
-- rows may share one object. ids sort bytewise (COLLATE "C") so that a
-- prefix lookup is an index range.
CREATE TABLE easel_artworks (
	seq             BIGSERIAL UNIQUE,
	id              TEXT COLLATE "C" PRIMARY KEY,
	sha256          TEXT NOT NULL,
	idea            TEXT NOT NULL,
	template        TEXT NOT NULL DEFAULT '',
	prompt          TEXT NOT NULL,
	negative_prompt TEXT NOT NULL DEFAULT '',
	dialect         TEXT NOT NULL DEFAULT '',
	style           TEXT NOT NULL DEFAULT '',
	writer          TEXT NOT NULL DEFAULT '',
	engine          TEXT NOT NULL,
	model           TEXT NOT NULL DEFAULT '',
	seed            BIGINT NOT NULL,
	width           INTEGER NOT NULL,
	height          INTEGER NOT NULL,
	steps           INTEGER NOT NULL DEFAULT 0,
	cfg_scale       DOUBLE PRECISION NOT NULL DEFAULT 0,
	sampler         TEXT NOT NULL DEFAULT '',
	revised_prompt  TEXT NOT NULL DEFAULT '',
	engine_info     TEXT NOT NULL DEFAULT '',
	scene           TEXT NOT NULL DEFAULT '',
	-- No foreign key: deleting a parent keeps its children and their lineage.
	parent_id       TEXT NOT NULL DEFAULT '',
	method          TEXT NOT NULL DEFAULT '',
	cost_usd        DOUBLE PRECISION NOT NULL DEFAULT 0,
	elapsed_ms      BIGINT NOT NULL DEFAULT 0,
	created_at      TIMESTAMPTZ NOT NULL,
	-- Full-text search over what people remember: the idea, the template and the prompt.
	search          TSVECTOR GENERATED ALWAYS AS (
		to_tsvector('english', idea || ' ' || template || ' ' || prompt)) STORED
);
CREATE INDEX easel_artworks_created ON easel_artworks (created_at);
CREATE INDEX easel_artworks_parent ON easel_artworks (parent_id);
CREATE INDEX easel_artworks_sha256 ON easel_artworks (sha256);
CREATE INDEX easel_artworks_search ON easel_artworks USING GIN (search);

-- Which artworks each batch job saved, written in the same transaction as
-- the artworks: a job is done exactly when its rows exist.
CREATE TABLE easel_job_artworks (
	job_key    TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	artwork_id TEXT NOT NULL,
	PRIMARY KEY (job_key, idx)
);
CREATE INDEX easel_job_artworks_artwork ON easel_job_artworks (artwork_id);

-- A job's pictures and records between the engine's answer and their
-- rows, so a worker killed in between loses nothing paid for: the job, run
-- again on any worker, saves them without calling the engine.
CREATE TABLE easel_staged_jobs (
	job_key    TEXT PRIMARY KEY,
	body       BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Jobs accepted by `easel serve`, kept so that a job a server was running
-- or holding when it stopped runs again.
CREATE TABLE easel_server_jobs (
	id         TEXT PRIMARY KEY,
	request    TEXT NOT NULL,
	state      TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX easel_server_jobs_state ON easel_server_jobs (state, created_at);

CREATE TABLE easel_server_job_artworks (
	job_id     TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	artwork_id TEXT NOT NULL,
	PRIMARY KEY (job_id, idx)
);
