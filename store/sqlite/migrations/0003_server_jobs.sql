-- Jobs accepted by `easel serve`, kept so that a job the server was
-- running or holding when it stopped runs again at its next start.
-- request is the server's JSON job request with its seed resolved.
CREATE TABLE server_jobs (
	id         TEXT PRIMARY KEY,
	request    TEXT NOT NULL,
	state      TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX server_jobs_state ON server_jobs (state, created_at);

-- The pictures each server job saved, in the order it made them, so a
-- job that runs again skips them instead of paying for them twice.
CREATE TABLE server_job_artworks (
	job_id     TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	artwork_id TEXT NOT NULL,
	PRIMARY KEY (job_id, idx)
);
