package easel

// Keys for log/slog attributes, shared by every component so logs can be
// filtered the same way everywhere. Logs are for operators; what the CLI
// prints for people never goes through slog.
const (
	LogKeyComponent = "component"
	LogKeyEngine    = "engine"
	LogKeyJobID     = "job_id"
	LogKeyArtworkID = "artwork_id"
	LogKeyAttempt   = "attempt"
	LogKeyElapsed   = "elapsed"
)
