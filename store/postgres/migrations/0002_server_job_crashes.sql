-- How many times a server job was found running when a server started
-- (the process that ran it had died), as store/sqlite's 0004: a job that
-- took its process down twice is marked failed instead of run again.
ALTER TABLE easel_server_jobs ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0;
