-- How many times a server job was found running when a server started:
-- each time, the process that ran it had died (a crash, an out-of-memory
-- kill, kill -9). A job that took its process down twice is marked failed
-- instead of being run again at every start.
ALTER TABLE server_jobs ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0;
