package openai

import (
	"bytes"
	"encoding/json"
	"image/png"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
)

// These tests hold the client and its fake to what openai-go v3.98.0 (the
// version go.mod pins) says the service does; models.checked.md has the
// sources.

// post sends body to the fake as the service would get it and returns the
// status and the error code.
func post(t *testing.T, fk *openaitest.Server, body map[string]any) (int, string) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, fk.URL()+"/images/generations", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := fk.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env.Error.Code
}

func TestDefaultModelIsServed(t *testing.T) {
	if _, gone := models.ShutDown[models.DefaultModel]; gone || !slices.Contains(openaitest.Models(), models.DefaultModel) {
		t.Fatalf("default model %s is not one the service serves", models.DefaultModel)
	}
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1}); err != nil {
		t.Fatal(err)
	}
	if got := fk.Bodies()[0]["model"]; got != models.DefaultModel || c.Model() != models.DefaultModel {
		t.Errorf("sent model %v, Model() %s; want %s", got, c.Model(), models.DefaultModel)
	}
}

// TestTableAgreesWithFake is the one source of truth check: every model
// models.json lists renders on the fake at every quality it lists, with
// the sizes it lists; every model the fake refuses as shut down is absent
// from the table and refused by New.
func TestTableAgreesWithFake(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	for _, m := range models.Models {
		if !slices.Contains(openaitest.Models(), m.Name) {
			t.Errorf("models.json lists %s; the service does not serve it", m.Name)
			continue
		}
		if free := len(m.Sizes) == 0; free != openaitest.FreeSizes(m.Name) {
			t.Errorf("%s: models.json free sizes %v; the service %v", m.Name, free, openaitest.FreeSizes(m.Name))
		}
		for _, s := range m.Sizes {
			if !openaitest.SizeOK(m.Name, s) {
				t.Errorf("%s: models.json lists size %s; the service refuses it", m.Name, s)
			}
		}
		if !slices.Equal(m.Qualities, openaitest.Qualities(m.Name)) {
			t.Errorf("%s: models.json qualities %v; the service takes %v", m.Name, m.Qualities, openaitest.Qualities(m.Name))
		}
		for _, q := range m.Qualities {
			c := client(t, fk, Config{Model: m.Name, Quality: q})
			for _, sz := range [][2]int{{1024, 1024}, {1792, 1024}, {640, 448}} {
				if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: sz[0], Height: sz[1], N: 1}); err != nil {
					t.Errorf("%s at %s, %dx%d: %v", m.Name, q, sz[0], sz[1], err)
				}
			}
		}
	}
	for _, gone := range openaitest.ShutDown() {
		if slices.ContainsFunc(models.Models, func(m model) bool { return m.Name == gone }) || models.ShutDown[gone] == "" {
			t.Errorf("%s is shut down; models.json must not list it and must say so", gone)
		}
		if code, _ := post(t, fk, map[string]any{"model": gone, "prompt": "a fox"}); code != 404 {
			t.Errorf("the fake took shut-down %s: %d", gone, code)
		}
		_, err := New(Config{APIKey: "k", Model: gone}, nil)
		if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "shut down") || !strings.Contains(err.Error(), models.DefaultModel) {
			t.Errorf("New(%s) = %v; want EINVALID saying it was shut down and naming %s", gone, err, models.DefaultModel)
		}
	}
}

func TestFakeRefusesWhatTheServiceRefuses(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	tests := []struct {
		name string
		body map[string]any
		code int
	}{
		{"style on a gpt-image model", map[string]any{"model": "gpt-image-2.5-flare", "prompt": "x", "style": "vivid"}, 400},
		{"response_format", map[string]any{"model": "gpt-image-2", "prompt": "x", "response_format": "url"}, 400},
		{"shut-down gpt-image-1", map[string]any{"model": "gpt-image-1", "prompt": "x"}, 404},
		{"no model means dall-e-2", map[string]any{"prompt": "x"}, 404},
		{"below the minimum pixels", map[string]any{"model": "gpt-image-2.5-flare", "prompt": "x", "size": "640x448"}, 400},
		{"above the maximum pixels", map[string]any{"model": "gpt-image-2", "prompt": "x", "size": "3840x2176"}, 400},
		{"not a multiple of 16", map[string]any{"model": "gpt-image-2", "prompt": "x", "size": "1000x1000"}, 400},
		{"free size on a fixed model", map[string]any{"model": "gpt-image-1.5", "prompt": "x", "size": "1536x864"}, 400},
		{"xhigh on gpt-image-2", map[string]any{"model": "gpt-image-2", "prompt": "x", "quality": "xhigh"}, 400},
		{"hd on a gpt-image model", map[string]any{"model": "gpt-image-2.5-flare", "prompt": "x", "quality": "hd"}, 400},
		{"moderation high", map[string]any{"model": "gpt-image-2", "prompt": "x", "moderation": "high"}, 400},
		{"compression with png", map[string]any{"model": "gpt-image-2", "prompt": "x", "output_compression": 50}, 400},
		{"compression over 100", map[string]any{"model": "gpt-image-2", "prompt": "x", "output_format": "webp", "output_compression": 101}, 400},
		{"transparent jpeg", map[string]any{"model": "gpt-image-2", "prompt": "x", "output_format": "jpeg", "background": "transparent"}, 400},
		{"4K on the 2.5 models", map[string]any{"model": "gpt-image-2.5-sunburst", "prompt": "x", "size": "3840x2160", "quality": "max"}, 200},
		{"the minimum itself", map[string]any{"model": "gpt-image-2.5-flare", "prompt": "x", "size": "1024x640"}, 200},
		{"jpeg compressed, moderation low", map[string]any{"model": "gpt-image-2.6-flare", "prompt": "x", "output_format": "jpeg", "output_compression": 40, "moderation": "low"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _ := post(t, fk, tt.body); code != tt.code {
				t.Errorf("status %d; want %d", code, tt.code)
			}
		})
	}
}

// TestMinimumPixels: a picture smaller than the newest models make is
// enlarged in the same shape before the call, so the service never
// refuses it.
func TestMinimumPixels(t *testing.T) {
	for _, sz := range [][2]int{{640, 448}, {1024, 576}, {512, 512}, {64, 64}, {2048, 512}} {
		fk := newFake(t, enginetest.FaultNone)
		c := client(t, fk, Config{})
		res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: sz[0], Height: sz[1], N: 1})
		if err != nil {
			t.Fatalf("%v: %v", sz, err)
		}
		sent, _ := fk.Bodies()[0]["size"].(string)
		a, b, _ := strings.Cut(sent, "x")
		w, _ := strconv.Atoi(a)
		h, _ := strconv.Atoi(b)
		if w*h < 655360 || w%16 != 0 || h%16 != 0 || !openaitest.SizeOK(models.DefaultModel, sent) {
			t.Errorf("%v: sent %s", sz, sent)
		}
		want := math.Min(3, float64(sz[0])/float64(sz[1]))
		if got := float64(w) / float64(h); math.Abs(math.Log(got/want)) > 0.05 {
			t.Errorf("%v: sent %s, shape %.2f; want %.2f", sz, sent, got, want)
		}
		if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "655,360") {
			t.Errorf("%v: notes %q", sz, res.Notes)
		}
	}
}

func TestOutputTokensDetails(t *testing.T) {
	for _, tt := range []struct {
		model string
		want  float64 // 50 text in, 1056 image out, 300 text out
	}{
		{"gpt-image-1.5", (50*5.0 + 1056*32.0 + 300*10.0) / 1e6},
		// no published text-out price: the image rate, never less
		{"gpt-image-2.5-flare", (50*5.0 + 1056*30.0 + 300*30.0) / 1e6},
	} {
		fk := newFake(t, enginetest.FaultNone)
		fk.TextOutputTokens = 300
		res, err := client(t, fk, Config{Model: tt.model}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(res.CostUSD-tt.want) > 1e-9 {
			t.Errorf("%s: cost %v; want %v", tt.model, res.CostUSD, tt.want)
		}
	}
}

func TestOutputSettings(t *testing.T) {
	for _, tt := range []struct {
		cfg  Config
		want map[string]any
	}{
		{Config{Moderation: "low"}, map[string]any{"moderation": "low", "output_format": "png"}},
		{Config{OutputFormat: "jpeg", OutputCompression: 60}, map[string]any{"output_format": "jpeg", "output_compression": 60.0}},
		{Config{OutputFormat: "webp", Background: "transparent"}, map[string]any{"output_format": "webp", "background": "transparent"}},
		{Config{Quality: "xhigh"}, map[string]any{"quality": "xhigh"}},
	} {
		fk := newFake(t, enginetest.FaultNone)
		res, err := client(t, fk, tt.cfg).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1})
		if err != nil {
			t.Fatalf("%+v: %v", tt.cfg, err)
		}
		body := fk.Bodies()[0]
		for k, v := range tt.want {
			if body[k] != v {
				t.Errorf("%+v: sent %s = %v; want %v", tt.cfg, k, body[k], v)
			}
		}
		if _, ok := body["moderation"]; ok && tt.cfg.Moderation == "" {
			t.Errorf("sent moderation %v; the default is left out", body["moderation"])
		}
		img, err := png.Decode(bytes.NewReader(res.Images[0].PNG))
		if err != nil || img.Bounds().Dx() != res.Width {
			t.Errorf("%+v: the picture is not a PNG of the result's size: %v", tt.cfg, err)
		}
	}
	for _, cfg := range []Config{
		{Moderation: "high"},
		{OutputFormat: "gif"},
		{OutputCompression: 50},                        // png takes none
		{OutputFormat: "jpeg", OutputCompression: 101}, // 0..100
		{OutputFormat: "jpeg", OutputCompression: -1},  // unreadable EASEL_OPENAI_COMPRESSION
		{OutputFormat: "jpeg", Background: "transparent"},
		{Model: "gpt-image-2", Quality: "xhigh"}, // only the 2.5 models
		{Model: "gpt-image-2.6-flare", Quality: "max"},
	} {
		cfg.APIKey = "k"
		if _, err := New(cfg, nil); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("New(%+v) = %v; want EINVALID", cfg, err)
		}
	}
	env := map[string]string{"OPENAI_API_KEY": "k", "EASEL_OPENAI_QUALITY": "high", "EASEL_OPENAI_MODERATION": "low", "EASEL_OPENAI_FORMAT": "webp", "EASEL_OPENAI_COMPRESSION": "70"}
	cfg := ConfigFromEnv(func(k string) string { return env[k] })
	if cfg.Quality != "high" || cfg.Moderation != "low" || cfg.OutputFormat != "webp" || cfg.OutputCompression != 70 {
		t.Errorf("ConfigFromEnv = %+v", cfg)
	}
	env["EASEL_OPENAI_COMPRESSION"] = "lots"
	if _, err := New(ConfigFromEnv(func(k string) string { return env[k] }), nil); easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "EASEL_OPENAI_COMPRESSION") {
		t.Errorf("unreadable compression: %v", err)
	}
}

func TestCheckNamesTheModel(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	if err := client(t, fk, Config{Model: "gpt-image-2.6-sunburst"}).Check(t.Context()); err != nil {
		t.Errorf("Check of a served model: %v", err)
	}
	err := client(t, fk, Config{Model: "gpt-image-7"}).Check(t.Context())
	if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "gpt-image-7") || !strings.Contains(err.Error(), models.DefaultModel) {
		t.Errorf("Check of an unlisted model: %v", err)
	}
}

// TestNoFreeQualities: xhigh and max have no published per-image estimate;
// they are priced at least as high, never as free.
func TestNoFreeQualities(t *testing.T) {
	for _, q := range []string{"xhigh", "max"} {
		c, err := New(Config{APIKey: "k", Quality: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Capabilities().PricePerImage; got < 0.125 {
			t.Errorf("%s: price per image %v; want at least high's 0.125", q, got)
		}
	}
}
