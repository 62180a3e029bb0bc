package pipeline

import (
	"context"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

func TestRunJobOnce(t *testing.T) {
	p, g, reqs := newTest(t)
	eng := &enginetest.Fake{}
	job := easel.Job{Batch: "b1", Line: 3, Idea: "a fox", Seed: 9, Chaos: 20, Steps: 12, Width: 64, Height: 64, N: 2}
	calls := 0
	call := func(ctx context.Context, e easel.Engine, r *easel.RenderRequest) (*easel.RenderResult, error) {
		calls++
		return e.Render(ctx, r)
	}
	arts, err := p.RunJob(t.Context(), JobRun{Job: job, Engine: eng, Store: g, Call: call})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Method != easel.MethodBatch || arts[0].Prompt != "prompt 0 for a fox [natural]" || arts[1].Seed != 10 {
		t.Fatalf("artworks = %+v", arts)
	}
	if len(*reqs) != 1 || (*reqs)[0].Seed != 9 || (*reqs)[0].N != 1 || (*reqs)[0].Chaos != 20 {
		t.Fatalf("write requests = %+v; want one, with the job's seed and chaos", *reqs)
	}
	if r := eng.Requests(); len(r) != 1 || r[0].Steps != 12 || r[0].N != 2 {
		t.Fatalf("engine requests = %+v; want one call for 2 pictures with 12 steps", r)
	}
	// Run again (a rerun after a crash): the saved artworks, no call.
	again, err := p.RunJob(t.Context(), JobRun{Job: job, Engine: eng, Store: g, Call: call})
	if err != nil || len(again) != 2 || again[0].ID != arts[0].ID {
		t.Fatalf("second RunJob = %+v, %v; want the same artworks", again, err)
	}
	if calls != 1 || len(eng.Requests()) != 1 {
		t.Fatalf("calls = %d; want 1", calls)
	}
}

func TestRunJobOwnPrompt(t *testing.T) {
	p, g, reqs := newTest(t)
	eng := &enginetest.Fake{}
	job := easel.Job{Batch: "b1", Line: 1, Prompt: "a castle at night, oil painting", Negative: "blurry", Seed: 1, Width: 64, Height: 64, N: 1}
	arts, err := p.RunJob(t.Context(), JobRun{Job: job, Engine: eng, Store: g})
	if err != nil {
		t.Fatal(err)
	}
	if len(*reqs) != 0 {
		t.Errorf("the writer was asked for a prompt the job gave")
	}
	r := eng.Requests()
	if len(r) != 1 || r[0].Prompt != job.Prompt || r[0].Negative != "blurry" || r[0].Scene == nil {
		t.Fatalf("engine request = %+v; want the job's prompt as it is, with a parsed scene", r)
	}
	if arts[0].Idea != job.Prompt || arts[0].Writer != "as written" {
		t.Errorf("artwork idea %q writer %q", arts[0].Idea, arts[0].Writer)
	}
}

func TestRunJobTooManyPictures(t *testing.T) {
	p, g, _ := newTest(t)
	eng := &enginetest.Fake{Caps: easel.Capabilities{MaxN: 2}}
	_, err := p.RunJob(t.Context(), JobRun{Job: easel.Job{Batch: "b", Line: 1, Idea: "x", Width: 64, Height: 64, N: 3}, Engine: eng, Store: g})
	if easel.ErrorCode(err) != easel.EINVALID || len(eng.Requests()) != 0 {
		t.Fatalf("err = %v; want EINVALID before any call", err)
	}
}
