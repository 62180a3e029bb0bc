package a1111

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
)

// These tests hold the client and its fake to what AUTOMATIC1111's
// modules/processing.py and modules/api/api.py do; capabilities.checked.md
// has the sources.

func TestGridShiftsInfotexts(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Grid = true
	res, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Seed: 40, Width: 512, Height: 512, N: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i, im := range res.Images {
		if want := "Seed: " + strconv.Itoa(40+i) + ","; im.Seed != int64(40+i) || !strings.Contains(im.Info, want) {
			t.Errorf("image %d: seed %d, infotext %q; want its own, with %q", i, im.Seed, im.Info, want)
		}
	}
}

// TestFakeDropsUnknownCheckpoints shows why the client looks first: the
// web UI renders an unknown checkpoint with the loaded one, without a word.
func TestFakeDropsUnknownCheckpoints(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	b, _ := json.Marshal(map[string]any{"prompt": "x", "override_settings": map[string]any{"sd_model_checkpoint": "no-such-model"}})
	resp, err := fk.Client().Post(fk.URL()+"/sdapi/v1/txt2img", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Info string }
	json.NewDecoder(resp.Body).Decode(&out)
	info, _ := ParseInfo(out.Info)
	if resp.StatusCode != 200 || info == nil || info.SDModelName != "v1-5-pruned-emaonly" {
		t.Errorf("status %d, info %+v; want 200 rendered with the loaded checkpoint", resp.StatusCode, info)
	}
}

func TestUnknownCheckpointRefused(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	_, err := client(t, fk, Config{Model: "no-such-model"}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
	if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "no-such-model") ||
		!strings.Contains(err.Error(), "dreamshaper_8, sd_xl_base_1.0, v1-5-pruned-emaonly") {
		t.Errorf("err = %v; want EINVALID naming the checkpoint and listing the server's", err)
	}
	if fk.Requests() != 0 {
		t.Errorf("%d txt2img calls; want none", fk.Requests())
	}
	if err := client(t, fk, Config{Model: "no-such-model"}).Check(t.Context()); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("Check = %v; want EINVALID", err)
	}
	// Every name the web UI resolves is taken, and a per-request model too.
	for _, name := range []string{"dreamshaper_8", "dreamshaper_8.safetensors", "dreamshaper_8.safetensors [879db523c3]", "879db523c3"} {
		res, err := client(t, fk, Config{Model: name}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
		if err != nil || res.Model != "dreamshaper_8" {
			t.Errorf("%s: model %v, %v; want dreamshaper_8", name, res, err)
		}
	}
	_, err = client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1, Model: "sdxl-typo"})
	if easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("per-request unknown model: %v", err)
	}
	// A checkpoint added after the first look is found on a second one.
	c := client(t, fk, Config{})
	if err := c.Check(t.Context()); err != nil {
		t.Fatal(err)
	}
	fk.Checkpoints = append(fk.Checkpoints, a1111test.Checkpoint{Title: "new.safetensors [abc]", ModelName: "new", Filename: "/m/new.safetensors"})
	if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1, Model: "new"}); err != nil {
		t.Errorf("a checkpoint added later: %v", err)
	}
}

func TestCancelInterrupts(t *testing.T) {
	fk := newFake(t, enginetest.FaultHang)
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	_, err := client(t, fk, Config{}).Render(ctx, &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
	if err == nil {
		t.Fatal("a hung job returned no error")
	}
	if fk.Interrupts() != 1 {
		t.Errorf("%d interrupts; want 1, so the GPU stops", fk.Interrupts())
	}
	if b := fk.Bodies(); len(b) != 1 || !strings.HasPrefix(fmt.Sprint(b[0]["force_task_id"]), "task(easel-") {
		t.Errorf("force_task_id %v; want one to ask about", b)
	}

	// On a shared web UI the running job is someone else's: left alone.
	fk = newFake(t, enginetest.FaultHang)
	fk.OtherJob = true
	ctx, cancel = context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	if _, err := client(t, fk, Config{}).Render(ctx, &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1}); err == nil {
		t.Fatal("a queued job returned no error")
	}
	if fk.Interrupts() != 0 {
		t.Errorf("interrupted another caller's job")
	}
	// A web UI too old to say which job runs is interrupted as before.
	fk = newFake(t, enginetest.FaultHang)
	fk.NoTaskRoutes = true
	ctx, cancel = context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	client(t, fk, Config{}).Render(ctx, &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
	if fk.Interrupts() != 1 {
		t.Errorf("%d interrupts on an old web UI; want 1", fk.Interrupts())
	}
}

func TestCheckNamesTheLoadedModel(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	if c.Model() != "" {
		t.Errorf("Model() before Check = %q; want unknown", c.Model())
	}
	if err := c.Check(t.Context()); err != nil {
		t.Fatal(err)
	}
	if c.Model() != fk.Checkpoints[0].Title {
		t.Errorf("Model() = %q; want the loaded %q", c.Model(), fk.Checkpoints[0].Title)
	}
	fk.NoAPI = true
	if err := client(t, fk, Config{}).Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "--api") {
		t.Errorf("Check without --api: %v", err)
	}
}

// TestCapabilitiesAgreeWithFake: what capabilities.json promises, the fake
// (and so the web UI) takes: the default sampler, every step of 8 within
// easel's sizes, and max_n images a call.
func TestCapabilitiesAgreeWithFake(t *testing.T) {
	if !slices.Contains(a1111test.Samplers(), capsData.DefaultSampler) {
		t.Errorf("default sampler %q is not one the web UI has: %v", capsData.DefaultSampler, a1111test.Samplers())
	}
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	caps := c.Capabilities()
	for _, sz := range [][2]int{{easel.MinSide, easel.MinSide}, {easel.MaxSide, easel.MinSide}, {512 + caps.SizeStep, 512}} {
		if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: sz[0], Height: sz[1], N: 1}); err != nil {
			t.Errorf("%v: %v", sz, err)
		}
	}
	res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 64, Height: 64, N: caps.MaxN})
	if err != nil || len(res.Images) != caps.MaxN {
		t.Errorf("max_n %d: %v", caps.MaxN, err)
	}
	if b := fk.Bodies(); b[0]["scheduler"] != capsData.DefaultScheduler {
		t.Errorf("scheduler %v", b[0]["scheduler"])
	}
}
