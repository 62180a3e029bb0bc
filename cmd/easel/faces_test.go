package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
	"github.com/easel-art/easel/prompt/clip"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/server"
)

// api is easel serve's API in-process, built as cmdServe builds it, on
// the data directory of env.
type api struct {
	ts *httptest.Server
}

func newAPI(t *testing.T, env map[string]string) *api {
	t.Helper()
	getenv := func(k string) string { return env[k] }
	var errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, getenv: getenv}
	a.log = newLogger(&errb, "")
	dir := config.DataDir("", getenv)
	gal, err := a.openGallery(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(a.serverDeps(gal, dir), server.Options{Engine: "builtin", LLM: "builtin"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { ts.Close(); srv.Close(); gal.Close() })
	return &api{ts: ts}
}

func (p *api) do(t *testing.T, method, path, body string) []byte {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, p.ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %s", method, path, res.StatusCode, b)
	}
	return b
}

// job posts body to path and returns the artworks of the job, once done.
func (p *api) job(t *testing.T, path, body string) []map[string]any {
	t.Helper()
	var jv struct {
		ID       string           `json:"id"`
		State    string           `json:"state"`
		Artworks []map[string]any `json:"artworks"`
	}
	json.Unmarshal(p.do(t, "POST", path, body), &jv)
	p.do(t, "GET", "/api/v1/jobs/"+jv.ID+"/events", "") // returns once the job is done
	if err := json.Unmarshal(p.do(t, "GET", "/api/v1/jobs/"+jv.ID, ""), &jv); err != nil {
		t.Fatal(err)
	}
	if jv.State != "done" {
		t.Fatalf("job %s is %s", jv.ID, jv.State)
	}
	return jv.Artworks
}

// TestCLIAndAPIVaryAndReproduceAlike: the command line and the API run
// the same verbs, so the same vary and reproduce requests give the same
// prompt, negative, seed and settings, and send the engine the same
// request. (The server used to hard-code chaos, vary only the idea and
// lose steps, CFG scale and sampler in a reproduction.)
func TestCLIAndAPIVaryAndReproduceAlike(t *testing.T) {
	fk := a1111test.New(t, enginetest.FaultNone)
	env := with(t, map[string]string{"EASEL_A1111_URL": fk.URL()})
	r := runEasel(t, env, "imagine", "--engine", "a1111:dreamshaper_8", "a lighthouse in a storm at dusk", "--seed", "3", "--size", "512x384", "--style", "watercolor", "--for", "sdxl", "--json")
	if r.code != 0 {
		t.Fatalf("imagine: exit %d: %s", r.code, r.stderr)
	}
	parent := ndjson(t, r.stdout)[0]
	id := str(parent["id"])
	p := newAPI(t, env)

	compare := func(what string, cli []map[string]any, web []map[string]any, bodies []map[string]any) {
		t.Helper()
		if len(cli) == 0 || len(cli) != len(web) {
			t.Fatalf("%s: %d pictures from the CLI, %d from the API", what, len(cli), len(web))
		}
		for i := range cli {
			for _, k := range []string{"prompt", "negative_prompt", "seed", "width", "height", "engine", "model", "dialect", "style", "method", "parent_id", "writer"} {
				if jsonNum(cli[i][k]) != jsonNum(web[i][k]) {
					t.Errorf("%s %d: %s is %s from the CLI, %s from the API", what, i, k, jsonNum(cli[i][k]), jsonNum(web[i][k]))
				}
			}
		}
		// What the engine was sent, field by field, for both.
		n := len(cli)
		if len(bodies) != 2*n {
			t.Fatalf("%s: the engine got %d requests; want %d", what, len(bodies), 2*n)
		}
		for i := range n {
			c, w := bodies[i], bodies[n+i]
			for _, k := range []string{"prompt", "negative_prompt", "seed", "width", "height", "steps", "cfg_scale", "sampler_name", "scheduler", "override_settings"} {
				if jsonNum(c[k]) != jsonNum(w[k]) {
					t.Errorf("%s %d: the engine got %s %s from the CLI, %s from the API", what, i, k, jsonNum(c[k]), jsonNum(w[k]))
				}
			}
		}
	}

	before := len(fk.Bodies())
	r = runEasel(t, env, "vary", id, "-n", "2", "--seed", "9", "--strength", "strong", "--json")
	if r.code != 0 {
		t.Fatalf("vary: exit %d: %s", r.code, r.stderr)
	}
	cli := ndjson(t, r.stdout)
	web := p.job(t, "/api/v1/artworks/"+id+"/vary", `{"variations":2,"seed":9,"strength":"strong"}`)
	compare("vary", cli, web, fk.Bodies()[before:])
	if str(cli[0]["style"]) != "watercolor" || str(cli[0]["dialect"]) != "sdxl" || str(cli[0]["model"]) != "dreamshaper_8" {
		t.Errorf("the variations lost the parent's style, dialect or model: %v", cli[0])
	}

	before = len(fk.Bodies())
	r = runEasel(t, env, "reproduce", id, "--json")
	if r.code != 0 {
		t.Fatalf("reproduce: exit %d: %s", r.code, r.stderr)
	}
	cli = ndjson(t, r.stdout)
	web = p.job(t, "/api/v1/artworks/"+id+"/reproduce", `{}`)
	compare("reproduce", cli, web, fk.Bodies()[before:])
	sent := fk.Bodies()[before]
	if str(sent["prompt"]) != str(parent["prompt"]) || jsonNum(sent["seed"]) != "3" {
		t.Errorf("reproduce sent %q seed %v; want the parent's prompt and seed 3", sent["prompt"], sent["seed"])
	}
}

// TestStudioJobRetriedAfterRateLimit: a studio job goes through the same
// limiter and retry policy as the command line, so a 429 with
// Retry-After is waited out and the job finishes (it used to fail at
// once).
func TestStudioJobRetriedAfterRateLimit(t *testing.T) {
	fk := openaitest.New(t, enginetest.FaultNone)
	fk.RateLimited, fk.RetryAfter = 1, "1"
	// The default 5 images a minute would make the retry wait 12s for
	// its turn: the test is about the Retry-After.
	env := with(t, map[string]string{"OPENAI_API_KEY": openaitest.Key, "OPENAI_BASE_URL": fk.URL(), "EASEL_OPENAI_IPM": "600"})
	p := newAPI(t, env)
	start := time.Now()
	arts := p.job(t, "/api/v1/jobs", `{"idea":"a beach sunset","engine":"openai","size":"1024x1024","seed":7}`)
	if len(arts) != 1 {
		t.Fatalf("%d pictures; want 1", len(arts))
	}
	if n := len(fk.Bodies()); n != 2 {
		t.Errorf("the fake received %d requests; want 2 (the 429, then the retry)", n)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("the retry came after %s; want at least the Retry-After of 1s", waited)
	}
}

// TestTokenCountSameEverywhere: easel tokens, the studio's counter (POST
// /api/v1/tokens) and the sd dialects' chunking count a prompt alike, as
// AUTOMATIC1111 does (weights and BREAK are not tokens). They used to
// differ: 15 and 10 for the README's example.
func TestTokenCountSameEverywhere(t *testing.T) {
	env := home(t)
	p := newAPI(t, env)
	texts := []string{
		"masterpiece, (golden hour:1.2), a quiet beach BREAK film grain", // the README's example
		"a lighthouse in a storm",
		`((castle)), [fog], \(escaped\), (red fox:-0.5), time: 12:30`,
	}
	for _, d := range []easel.Dialect{easel.DialectSD, easel.DialectSDXL} {
		pr := &easel.Prompt{Text: "x", Keywords: []easel.Keyword{{Text: "golden hour", Weight: 1.2}, {Text: "a quiet beach", Weight: 1}, {Text: "film grain", Weight: 0.8}}}
		for range 20 {
			pr.Keywords = append(pr.Keywords, easel.Keyword{Text: "misty mountain lake reflection", Weight: 1.15})
		}
		r, err := dialect.Render(pr, d, dialect.Options{})
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, r.Text)
		// The dialect's own count of what it wrote.
		var tc struct {
			Count  int `json:"count"`
			Chunks int `json:"chunks"`
		}
		res := runEasel(t, env, "tokens", "--json", r.Text)
		json.Unmarshal([]byte(res.stdout), &tc)
		if tc.Count != r.Tokens || tc.Chunks != len(r.Chunks) {
			t.Errorf("%s: easel tokens says %d tokens in %d chunks; the dialect wrote %d in %d", d, tc.Count, tc.Chunks, r.Tokens, len(r.Chunks))
		}
	}
	for _, text := range texts {
		res := runEasel(t, env, "tokens", "--json", text)
		var cli struct {
			Count  int `json:"count"`
			Chunks int `json:"chunks"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &cli); err != nil {
			t.Fatalf("easel tokens: %v: %s", err, res.stderr)
		}
		body, _ := json.Marshal(map[string]string{"text": text})
		var web server.TokenCount
		if err := json.Unmarshal(p.do(t, "POST", "/api/v1/tokens", string(body)), &web); err != nil {
			t.Fatal(err)
		}
		if cli.Count != web.Tokens || cli.Chunks != len(web.Chunks) || cli.Count != clip.PromptCount(text) {
			t.Errorf("%.50q: easel tokens %d in %d chunks, the studio %d in %d, clip %d", text, cli.Count, cli.Chunks, web.Tokens, len(web.Chunks), clip.PromptCount(text))
		}
	}
}

// TestCommandLimits: a command keeps to the engine's concurrency and to
// the rates set in the environment, not to the batch's default rates; the
// studio and batch keep those.
func TestCommandLimits(t *testing.T) {
	env := map[string]string{}
	a := &app{getenv: func(k string) string { return env[k] }}
	def := queue.DefaultLimit("openai")
	if def.ImagesPerMinute == 0 {
		t.Skip("openai has no default image rate to leave out")
	}
	if l := a.commandLimits("openai"); l.ImagesPerMinute != 0 || l.RequestsPerMinute != 0 || l.Concurrency != def.Concurrency {
		t.Errorf("command limits %+v; want the concurrency %d and no rates", l, def.Concurrency)
	}
	if l := a.limits(limitFlags{}, "")("openai"); l.ImagesPerMinute != def.ImagesPerMinute {
		t.Errorf("batch limits %+v; want the default rate %v", l, def.ImagesPerMinute)
	}
	env["EASEL_OPENAI_IPM"] = "3"
	if l := a.commandLimits("openai"); l.ImagesPerMinute != 3 {
		t.Errorf("command limits with EASEL_OPENAI_IPM=3: %+v", l)
	}
}
