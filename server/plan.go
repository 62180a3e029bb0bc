package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/verb"
)

// The verbs a JobRequest runs besides imagine.
const (
	verbVary      = "vary"
	verbReproduce = "reproduce"
)

// plan is a validated JobRequest, ready to run.
type plan struct {
	// run runs the verb, telling h what happens; gallery and engine, when
	// set, stand in for the core's (a resumed job skips what it saved).
	run func(ctx context.Context, h verb.Hooks, gallery easel.Gallery, engine func(easel.Engine) easel.Engine) (*verb.Result, error)
	// prompts is how many prompts the run renders, for its progress.
	prompts int
	// jr is the request with what newPlan chose filled in (seed, engine,
	// writer), so that running it again makes the same pictures.
	jr JobRequest
}

// newPlan checks jr and opens what it needs; every mistake it can see is
// reported here, before the job is queued.
func (s *Server) newPlan(ctx context.Context, jr JobRequest) (*plan, error) {
	switch jr.Verb {
	case "":
		return s.imaginePlan(ctx, jr)
	case verbVary, verbReproduce:
		return s.lineagePlan(ctx, jr)
	case verbRefine:
		return s.refinePlan(ctx, jr)
	}
	return nil, easel.Errorf(easel.EINVALID, "verb %q is not one the API runs: use vary, reproduce, refine or leave it out (imagine)", jr.Verb)
}

// imagineRequest is jr as a verb.ImagineRequest.
func (s *Server) imagineRequest(jr JobRequest) (verb.ImagineRequest, error) {
	size, err := resolveSize(jr)
	if err != nil {
		return verb.ImagineRequest{}, err
	}
	seed := int64(-1)
	if jr.Seed != nil {
		seed = *jr.Seed
	}
	var d easel.Dialect
	if jr.Dialect != "" {
		if d, err = dialect.Parse(jr.Dialect); err != nil {
			return verb.ImagineRequest{}, err
		}
	}
	return verb.ImagineRequest{
		Idea: jr.Idea, Style: jr.Style, Negative: jr.Negative, Engine: jr.Engine, LLM: jr.LLM,
		Size: size, Seed: seed, N: jr.N, Variations: jr.Variations, Chaos: jr.Chaos, Dialect: d,
		Prompts: jr.Prompts, ParentID: jr.ParentID, Method: jr.Method,
	}, nil
}

func (s *Server) imaginePlan(ctx context.Context, jr JobRequest) (*plan, error) {
	ir, err := s.imagineRequest(jr)
	if err != nil {
		return nil, err
	}
	p, err := verb.PrepareImagine(ctx, s.core, ir)
	if err != nil {
		return nil, err
	}
	jr.Seed, jr.Chaos = &p.Seed, &p.Chaos
	if strings.TrimSpace(jr.Engine) == "" {
		jr.Engine = s.opts.Engine
	}
	if strings.TrimSpace(jr.LLM) == "" && len(jr.Prompts) == 0 {
		jr.LLM = s.opts.LLM
	}
	return &plan{run: p.Run, prompts: p.Prompts, jr: jr}, nil
}

// lineagePlan plans a vary or reproduce of the artwork jr.ParentID.
func (s *Server) lineagePlan(ctx context.Context, jr JobRequest) (*plan, error) {
	parent, err := s.getArtwork(ctx, jr.ParentID)
	if err != nil {
		return nil, err
	}
	if jr.Engine != "" {
		// A bad engine is bad input, reported before the job is queued.
		if _, _, err := s.openEngine(jr.Engine); err != nil {
			return nil, err
		}
	}
	pl := &plan{prompts: 1}
	if jr.Verb == verbReproduce {
		pl.run = func(ctx context.Context, h verb.Hooks, gal easel.Gallery, eng func(easel.Engine) easel.Engine) (*verb.Result, error) {
			return verb.Reproduce(ctx, s.coreFor(gal, eng), verb.ReproduceRequest{Parent: parent, Engine: jr.Engine, Hooks: h})
		}
		pl.jr = JobRequest{Verb: jr.Verb, ParentID: parent.ID, Engine: jr.Engine}
		return pl, nil
	}
	st, err := lineage.ParseStrength(jr.Strength)
	if jr.Strength == "" {
		st, err = lineage.Subtle, nil
	}
	if err != nil {
		return nil, err
	}
	if jr.Chaos != nil && (*jr.Chaos < 0 || *jr.Chaos > 100) {
		return nil, easel.Errorf(easel.EINVALID, "chaos %d is out of range: use 0 to 100", *jr.Chaos)
	}
	if jr.Variations < 0 || jr.Variations > 100 {
		return nil, easel.Errorf(easel.EINVALID, "variations must be 1 to 100")
	}
	if jr.LLM != "" {
		if _, err := s.openWriter(jr.LLM); err != nil {
			return nil, err
		}
	}
	seed := rand.Int64N(1 << 32)
	if jr.Seed != nil && *jr.Seed >= 0 {
		seed = *jr.Seed
	}
	jr.Seed = &seed
	jr.Strength = string(st)
	pl.prompts = max(jr.Variations, 1)
	pl.jr = jr
	pl.run = func(ctx context.Context, h verb.Hooks, gal easel.Gallery, eng func(easel.Engine) easel.Engine) (*verb.Result, error) {
		return verb.Vary(ctx, s.coreFor(gal, eng), verb.VaryRequest{
			Parent: parent, Strength: st, Chaos: jr.Chaos, N: pl.prompts, Engine: jr.Engine, LLM: jr.LLM,
			Seed: seed, Negative: jr.Negative, Hooks: h,
		})
	}
	return pl, nil
}

// coreFor is the server's core with gallery and engine standing in for
// its own, when set.
func (s *Server) coreFor(gallery easel.Gallery, engine func(easel.Engine) easel.Engine) *verb.Core {
	c := *s.core
	if gallery != nil {
		c.Gallery = gallery
	}
	if engine != nil {
		open := c.Engine
		c.Engine = func(spec string) (easel.Engine, string, error) {
			e, m, err := open(spec)
			if err != nil {
				return nil, "", err
			}
			return engine(e), m, nil
		}
	}
	return &c
}

// submitPlan queues pl as a job that reports its progress as events; a
// kept job is recorded in the job store (when there is one) and survives
// a restart.
func (s *Server) submitPlan(pl *plan, keep bool) (*job, error) {
	var request []byte
	if keep {
		b, err := json.Marshal(pl.jr)
		if err != nil {
			return nil, fmt.Errorf("record job: %w", err)
		}
		request = b
	}
	return s.jobs.submit(s.planRun(pl), request)
}

// planRun is the work of a job that runs pl.
func (s *Server) planRun(pl *plan) runFunc {
	return func(ctx context.Context, j *job) error {
		var saved []string
		if j.persisted {
			var err error
			if saved, err = s.deps.Jobs.JobArtworks(ctx, j.id); err != nil {
				return err
			}
		}
		var gal easel.Gallery
		var eng func(easel.Engine) easel.Engine
		if len(saved) > 0 {
			// An earlier run saved these: skip them (see resume.go).
			gal = &skipGallery{Gallery: s.deps.Gallery, saved: saved}
			eng = func(e easel.Engine) easel.Engine { return &skipEngine{Engine: e, skip: len(saved)} }
		}
		var mu sync.Mutex
		made := 0
		done, total := -1, pl.prompts
		last := -1.0
		var h verb.Hooks
		h.OnPrompt = func(p *easel.Prompt, r pipeline.Rendered) {
			mu.Lock()
			done++
			i := done
			mu.Unlock()
			j.emit(EventPrompt, map[string]any{"index": i, "text": r.Text, "negative": r.Negative, "seed": p.Seed})
		}
		h.Progress = func(f float64) {
			mu.Lock()
			overall := (float64(max(done, 0)) + min(max(f, 0), 1)) / float64(total)
			emit := overall-last >= 0.01 || overall >= 1 && last < 1
			if emit {
				last = overall
			}
			mu.Unlock()
			if emit {
				j.emit(EventProgress, map[string]float64{"fraction": overall})
			}
		}
		h.OnNote = func(note string) { j.emit(EventNote, map[string]string{"note": note}) }
		h.OnArtwork = func(a *easel.Artwork) {
			mu.Lock()
			idx := made
			made++
			mu.Unlock()
			if j.persisted && idx >= len(saved) {
				// Recorded at once, so a stop from here on does not make it again.
				rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
				if err := s.deps.Jobs.AddJobArtwork(rctx, j.id, idx, a.ID); err != nil {
					s.log.Error("record job artwork", easel.LogKeyJobID, j.id, easel.LogKeyArtworkID, a.ID, "err", err)
				}
				cancel()
			}
			j.addArtwork(a)
			j.emit(EventArtwork, s.artworkView(a))
		}
		_, err := pl.run(ctx, h, gal, eng)
		return err
	}
}

func resolveSize(jr JobRequest) (easel.Size, error) {
	switch {
	case jr.Size != "" && jr.Aspect != "":
		return easel.Size{}, easel.Errorf(easel.EINVALID, "give size or aspect, not both")
	case jr.Size != "":
		return easel.ParseSize(jr.Size)
	case jr.Aspect != "":
		long := jr.Long
		if long == 0 {
			long = easel.DefaultWidth
		}
		if long < easel.MinSide || long > easel.MaxSide {
			return easel.Size{}, easel.Errorf(easel.EINVALID, "long side %d is out of range: use %d to %d", long, easel.MinSide, easel.MaxSide)
		}
		return easel.ParseAspect(jr.Aspect, long)
	}
	if jr.Long != 0 {
		return easel.Size{}, easel.Errorf(easel.EINVALID, "long needs an aspect, such as 16:9")
	}
	return easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight}, nil
}
