package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/easel-art/easel"
)

// ErrBudget marks a job that was not started because its price could take
// the batch past its budget.
var ErrBudget = errors.New("budget")

// budgetPrefix starts the message of a job skipped for the budget, so a
// report tells it from a failure.
const budgetPrefix = "not started: "

// worker is River's worker for render jobs.
type worker struct {
	river.WorkerDefaults[renderArgs]
	q *Queue
}

func (w *worker) Timeout(*river.Job[renderArgs]) time.Duration { return w.q.cfg.JobTimeout }

// Work runs one job and tells River what became of it: done; cancelled
// (never retried) for a permanent failure or the budget; snoozed when this
// process is stopping; else an error River retries with back-off.
func (w *worker) Work(ctx context.Context, job *river.Job[renderArgs]) error {
	q := w.q
	j := job.Args.Job
	log := q.log.With(easel.LogKeyJobID, j.Key(), easel.LogKeyAttempt, job.Attempt)
	// Its engine's turn is far off (many workers share its rate limit):
	// back to the queue before doing anything (not an attempt).
	name, _, _ := strings.Cut(j.Engine, ":")
	if d := q.limiters.For(name).farTurn(ctx, max(j.N, 1)); d > 0 {
		log.Debug("job waits for its engine's turn in the queue", "wait", d)
		return river.JobSnooze(d)
	}
	var spent float64
	arts, err := q.cfg.Run(ctx, j, q.call(j, &spent))
	if err == nil && spent > 0 {
		// Recorded only now, off the path between the engine's answer and
		// the saved picture: a crash in between keeps the reservation.
		if serr := q.settle(context.WithoutCancel(ctx), j, spent); serr != nil {
			log.Error("record spend", "err", serr)
		}
	}
	ev := Event{Job: j, Artworks: arts, Err: err, Attempt: job.Attempt}
	switch {
	case err == nil:
		ev.State = StateDone
		log.Debug("job done")
	case errors.Is(ctx.Err(), context.Canceled):
		// Stopping (Ctrl-C, shutdown): the job was not run to the end and
		// is not at fault; the next process takes it up again.
		log.Info("job interrupted")
		return river.JobSnooze(0)
	case errors.Is(err, errRateFull):
		// Its turn in the shared rate limit is far off: back to the
		// queue (not an attempt) until it is near, so a long wait never
		// runs into the job's timeout.
		log.Debug("job waits for its turn in the queue", "err", err)
		return river.JobSnooze(max(easel.RetryAfter(err), time.Second))
	case errors.Is(err, ErrBudget):
		ev.State = StateSkipped
		// River keeps the text: keep the person's message, which the
		// batch report tells apart by its start.
		err = river.JobCancel(errors.New(easel.ErrorMessage(err)))
	case !easel.Retryable(err) || job.Attempt >= job.MaxAttempts:
		ev.State = StateFailed
		log.Warn("job failed", "err", err)
		err = river.JobCancel(errors.New(easel.ErrorMessage(err)))
	default:
		ev.State = StateRetry
		log.Info("job will be retried", "err", err)
	}
	if q.cfg.OnEvent != nil {
		q.cfg.OnEvent(ev)
	}
	return err
}

// call returns the Call a job's engine calls go through, which sets
// *spent to what the call cost: the budget is reserved first (a job that could cross it is not started), then each
// try waits for the engine's limiter; rate limits are waited out and
// transient failures retried with jittered back-off; permanent ones
// return at once.
func (q *Queue) call(j easel.Job, spent *float64) Call {
	return func(ctx context.Context, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error) {
		n := max(req.N, 1)
		estimate := eng.Capabilities().PricePerImage * float64(n)
		if err := q.reserve(ctx, j, estimate); err != nil {
			return nil, err
		}
		res, err := q.limiters.Render(ctx, q.cfg.Retry, eng, req)
		switch {
		case err == nil:
			*spent = res.CostUSD
			if *spent == 0 {
				*spent = estimate
			}
		case mayHaveCharged(err):
			// The service may have made (and billed) the picture: keep the
			// reservation, which the job's next attempt reuses.
		default:
			if rerr := q.release(context.WithoutCancel(ctx), j); rerr != nil {
				q.log.Error("release budget", "err", rerr, easel.LogKeyJobID, j.Key())
			}
		}
		return res, err
	}
}

// mayHaveCharged reports whether a failed call may still have been billed:
// a transient failure (timeout, dropped answer) may come after the work
// was done; a refusal or rate limit comes before it.
func mayHaveCharged(err error) bool {
	switch easel.ErrorCode(err) {
	case easel.EINVALID, easel.ECONFIG, easel.EPERMANENT, easel.ERATELIMIT:
		return false
	}
	return true
}

func (q *Queue) reserve(ctx context.Context, j easel.Job, usd float64) error {
	ok, b, err := q.reserveTx(ctx, j.Batch, j.Key(), usd)
	if err != nil {
		return fmt.Errorf("reserve budget: %w", err)
	}
	if !ok {
		return &easel.Error{Code: easel.ECONFLICT, Err: ErrBudget,
			Message: fmt.Sprintf("%sits price ($%.4f) could take the batch past --max-cost $%.2f ($%.4f spent or reserved)", budgetPrefix, usd, b.MaxUSD, b.Committed)}
	}
	return nil
}

// settle records what a job's call cost.
func (q *Queue) settle(ctx context.Context, j easel.Job, usd float64) error {
	if usd <= 0 {
		return q.release(ctx, j)
	}
	return q.db.exec(ctx, `INSERT INTO easel_spend (job_key, batch, usd, settled) VALUES (?, ?, ?, 1)
		ON CONFLICT (job_key) DO UPDATE SET usd = excluded.usd, settled = 1`, j.Key(), j.Batch, usd)
}

// release gives back a job's reservation after a call that cannot have
// been billed.
func (q *Queue) release(ctx context.Context, j easel.Job) error {
	return q.db.exec(ctx, `DELETE FROM easel_spend WHERE job_key = ? AND settled = 0`, j.Key())
}
