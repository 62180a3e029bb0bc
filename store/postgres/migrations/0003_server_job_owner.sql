-- Several `easel serve` replicas share the studio's jobs: each job is owned
-- by the replica running it, which beats (beat_at) while it lives; the
-- unfinished jobs of a replica silent for a while are taken over by
-- another (ClaimServerJobs), never while it lives.
ALTER TABLE easel_server_jobs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE easel_server_jobs ADD COLUMN beat_at TIMESTAMPTZ NOT NULL DEFAULT now();
