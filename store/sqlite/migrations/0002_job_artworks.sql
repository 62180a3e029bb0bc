-- Which artworks each batch job saved. Rows are written in the same
-- transaction as the artworks, so a job is done exactly when its rows
-- exist, and a job that runs again after a crash finds them.
CREATE TABLE job_artworks (
	job_key    TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	artwork_id TEXT NOT NULL,
	PRIMARY KEY (job_key, idx)
);
CREATE INDEX job_artworks_artwork ON job_artworks (artwork_id);
