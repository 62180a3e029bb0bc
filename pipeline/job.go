package pipeline

import (
	"context"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// JobStore keeps what a batch job made, exactly once (store/sqlite.DB).
type JobStore interface {
	// JobArtworks returns what job key saved; nil when it has not finished.
	JobArtworks(ctx context.Context, key string) ([]*easel.Artwork, error)
	// StagedJob returns what job key made but did not finish saving.
	StagedJob(key string) ([]*easel.Artwork, [][]byte, error)
	// SaveJob saves the pictures and their rows together and marks the job done.
	SaveJob(ctx context.Context, key string, arts []*easel.Artwork, pngs [][]byte) error
}

// JobRun is one batch job to run.
type JobRun struct {
	Job    easel.Job
	Engine easel.Engine
	// Model is the model part of Job.Engine ("" for the engine's default).
	Model string
	Store JobStore
	// Call makes the engine call, through the queue's limits, budget and
	// retries; nil calls the engine once, directly.
	Call func(ctx context.Context, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error)
}

// RunJob runs one batch job: it writes the prompt (or takes the job's own),
// makes one engine call and saves the pictures with their rows. It is
// idempotent: a job that finished returns its artworks, and a job whose
// pictures were made but not saved before a crash is saved without
// calling the engine again.
func (p *Pipeline) RunJob(ctx context.Context, r JobRun) ([]*easel.Artwork, error) {
	j := r.Job
	key := j.Key()
	if arts, err := r.Store.JobArtworks(ctx, key); err != nil || len(arts) > 0 {
		return arts, err
	}
	if arts, pngs, err := r.Store.StagedJob(key); err != nil {
		return nil, err
	} else if len(arts) > 0 {
		if err := r.Store.SaveJob(ctx, key, arts, pngs); err != nil {
			return nil, err
		}
		return arts, nil
	}

	caps := r.Engine.Capabilities()
	n := max(j.N, 1)
	if caps.MaxN > 0 && n > caps.MaxN {
		return nil, easel.Errorf(easel.EINVALID, "%s makes at most %d pictures a call; the job asks for %d", r.Engine.Name(), caps.MaxN, n)
	}
	d := j.Dialect
	if d == "" {
		d = caps.Dialect
	}
	req := Request{
		Idea:   easel.Idea{Text: j.Idea, Template: j.Template, Style: j.Style, Negative: j.Negative},
		Engine: r.Engine, Model: r.Model, Size: j.Size(), Seed: j.Seed, Chaos: j.Chaos,
		Dialect: d, Images: n, Prompts: 1, Method: easel.MethodBatch,
	}
	if req.Idea.Text == "" {
		req.Idea.Text = j.Prompt
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	pr, rend, err := p.jobPrompt(ctx, j, d)
	if err != nil {
		return nil, err
	}
	call := r.Call
	if call == nil {
		call = p.Call
	}
	req.Steps = j.Steps
	arts, pngs, elapsed, err := p.callEngine(ctx, call, req, pr, rend, d, j.Seed, n)
	if err != nil {
		return nil, err
	}
	if err := r.Store.SaveJob(ctx, key, arts, pngs); err != nil {
		return nil, err
	}
	if p.Log != nil {
		p.Log.Info("saved job", easel.LogKeyJobID, key, easel.LogKeyEngine, r.Engine.Name(), easel.LogKeyElapsed, elapsed)
	}
	return arts, nil
}

// jobPrompt returns the job's prompt and the text its engine is sent: the
// job's own prompt as it is (with a Scene parsed from it, for engines that
// draw one), or one written from its idea with the job's seed.
func (p *Pipeline) jobPrompt(ctx context.Context, j easel.Job, d easel.Dialect) (*easel.Prompt, Rendered, error) {
	if j.Prompt != "" {
		pr := &easel.Prompt{
			Idea: j.Idea, Template: j.Template, Text: j.Prompt, Style: j.Style,
			Seed: j.Seed, Writer: "as written", Scene: scene.Parse(j.Prompt),
		}
		if pr.Idea == "" {
			pr.Idea = j.Prompt
		}
		return pr, Rendered{Text: j.Prompt, Negative: j.Negative}, nil
	}
	if p.Writer == nil {
		return nil, Rendered{}, easel.Errorf(easel.EINTERNAL, "no prompt writer")
	}
	prompts, err := p.Writer.WritePrompts(ctx, easel.WriteRequest{
		Idea: j.Idea, Template: j.Template, Style: j.Style, Negative: j.Negative,
		Seed: j.Seed, N: 1, Chaos: j.Chaos, Dialect: d,
	})
	if err != nil {
		return nil, Rendered{}, err
	}
	if len(prompts) == 0 {
		return nil, Rendered{}, easel.Errorf(easel.EINTERNAL, "the prompt writer wrote no prompt")
	}
	pr := prompts[0]
	rend, err := p.Dialect(pr, d, j.Size(), j.Negative)
	if err != nil {
		return nil, Rendered{}, err
	}
	return pr, rend, nil
}
