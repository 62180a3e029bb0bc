package runway

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/runway/runwaytest"
)

// These tests hold the client and its fake to @runwayml/sdk 4.12.0's
// text-to-image types; capabilities.checked.md has the source.

func TestPromptLimitInUTF16(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	emoji := strings.Repeat("🌅", 600) // 600 characters, 1200 UTF-16 code units
	_, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: emoji, Width: 1024, Height: 1024, N: 1})
	if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "UTF-16") || fk.Requests() != 0 {
		t.Errorf("err %v, %d requests; want EINVALID before any call", err, fk.Requests())
	}
	// The fake refuses it too, as the API does.
	b, _ := json.Marshal(map[string]any{"model": "gen4_image", "promptText": emoji, "ratio": "1024:1024"})
	req, _ := http.NewRequest(http.MethodPost, fk.URL()+"/v1/text_to_image", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("X-Runway-Version", "2024-11-06")
	req.Header.Set("Content-Type", "application/json")
	resp, err := fk.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("the fake took 1200 UTF-16 code units: %d", resp.StatusCode)
	}
	// 1000 accented letters are 1000 code units (2000 bytes): taken.
	if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: strings.Repeat("é", 1000), Width: 1024, Height: 1024, N: 1}); err != nil {
		t.Errorf("1000 accented letters: %v", err)
	}
}

// TestCapabilitiesAgreeWithFake is the one source of truth check: every
// model capabilities.json lists is one the API serves, with ratios, output
// counts, prompt limits, reference limits and fields the API has; every
// model easel can use renders on the fake.
func TestCapabilitiesAgreeWithFake(t *testing.T) {
	var listed []string
	for _, m := range data.Models {
		listed = append(listed, m.Name)
		if !slices.Contains(runwaytest.Models(), m.Name) {
			t.Errorf("capabilities.json lists %s; the API does not serve it", m.Name)
			continue
		}
		for _, r := range m.Ratios {
			if !slices.Contains(runwaytest.Ratios(m.Name), r) {
				t.Errorf("%s: ratio %s is not one the API takes", m.Name, r)
			}
		}
		for _, n := range m.OutputCounts {
			if !runwaytest.OutputCountOK(m.Name, n) {
				t.Errorf("%s: outputCount %d is not one the API takes", m.Name, n)
			}
		}
		limit, utf16 := runwaytest.PromptLimit(m.Name)
		if (utf16 && m.MaxPromptUTF16 != limit) || (!utf16 && m.MaxPrompt != limit) {
			t.Errorf("%s: prompt limit %d/%d (utf16/chars); the API %d (utf16 %v)", m.Name, m.MaxPromptUTF16, m.MaxPrompt, limit, utf16)
		}
		if m.Seed != runwaytest.Takes(m.Name, "seed") || m.ContentModeration != runwaytest.Takes(m.Name, "contentModeration") {
			t.Errorf("%s: seed %v, contentModeration %v disagree with the API", m.Name, m.Seed, m.ContentModeration)
		}
		if minRefs, maxRefs := runwaytest.References(m.Name); m.MaxReferences != maxRefs || m.NeedsReference != (minRefs > 0) {
			t.Errorf("%s: references max %d (needs %v); the API %d..%d", m.Name, m.MaxReferences, m.NeedsReference, minRefs, maxRefs)
		}
		if m.NeedsReference {
			continue
		}
		fk := newFake(t, enginetest.FaultNone)
		fk.Instant = true
		n := 2
		if slices.Contains(m.OutputCounts, 4) {
			n = 4
		}
		res, err := client(t, fk, Config{Model: m.Name}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: n})
		if err != nil || len(res.Images) != n {
			t.Errorf("%s: %v", m.Name, err)
			continue
		}
		if _, sent := fk.Bodies()[0]["seed"]; sent != m.Seed {
			t.Errorf("%s: seed sent %v; the model takes one: %v", m.Name, sent, m.Seed)
		}
		if tasks := len(fk.Bodies()); slices.Contains(m.OutputCounts, n) && tasks != 1 {
			t.Errorf("%s: %d tasks for %d images; the model makes them in one", m.Name, tasks, n)
		}
	}
	for _, m := range runwaytest.Models() {
		if !slices.Contains(listed, m) {
			t.Errorf("the API serves %s; capabilities.json does not list it", m)
		}
	}
}

func TestContentModeration(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Instant = true
	if _, err := client(t, fk, Config{PublicFigures: "low"}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1}); err != nil {
		t.Fatal(err)
	}
	cm, _ := fk.Bodies()[0]["contentModeration"].(map[string]any)
	if cm["publicFigureThreshold"] != "low" {
		t.Errorf("contentModeration %v", fk.Bodies()[0]["contentModeration"])
	}
	for _, cfg := range []Config{{PublicFigures: "none"}, {PublicFigures: "low", Model: "gpt_image_2"}} {
		cfg.APIKey = "k"
		if _, err := New(cfg, nil); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("New(%+v) = %v; want EINVALID", cfg, err)
		}
	}
	if got := ConfigFromEnv(func(k string) string { return map[string]string{"EASEL_RUNWAY_PUBLIC_FIGURES": "low"}[k] }); got.PublicFigures != "low" {
		t.Errorf("ConfigFromEnv = %+v", got)
	}
}
