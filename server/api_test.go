package server

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/pngmeta"
)

// TestOpenAPICoversRoutes checks the OpenAPI document against the routes
// the server registers, both ways, and the request schema against the Go
// type, so neither drifts from the other.
func TestOpenAPICoversRoutes(t *testing.T) {
	e := newTestEnv(t, Options{})
	res, b := e.do(t, "GET", "/api/v1/openapi.json", nil)
	if res.StatusCode != 200 {
		t.Fatal(res.StatusCode)
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Info    struct {
			Version string `json:"version"`
		} `json:"info"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info.Version != easel.Version {
		t.Errorf("openapi %q version %q; want 3.x and %s", doc.OpenAPI, doc.Info.Version, easel.Version)
	}
	registered := map[string]bool{}
	for _, rt := range e.srv.routeTable() {
		if !strings.HasPrefix(rt.path, "/api/") && !strings.HasPrefix(rt.path, "/v1/") {
			continue
		}
		key := strings.ToLower(rt.method) + " " + rt.path
		registered[key] = true
		if _, ok := doc.Paths[rt.path][strings.ToLower(rt.method)]; !ok {
			t.Errorf("route %s %s is not in the OpenAPI document", rt.method, rt.path)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			if !registered[method+" "+path] {
				t.Errorf("the OpenAPI document has %s %s, which the server does not serve", method, path)
			}
		}
	}
	for name, v := range map[string]any{"JobRequest": JobRequest{}, "PreparedPrompt": PreparedPrompt{}, "ImagesRequest": ImagesRequest{}, "TokenCount": TokenCount{}} {
		props := doc.Components.Schemas[name].Properties
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if _, ok := props[tag]; !ok {
				t.Errorf("schema %s lacks field %q", name, tag)
			}
		}
		if len(props) != typ.NumField() {
			t.Errorf("schema %s has %d properties; %s has %d fields", name, len(props), typ.Name(), typ.NumField())
		}
	}
}

func TestWritePrompts(t *testing.T) {
	e := newTestEnv(t, Options{})
	res, b := e.do(t, "POST", "/api/v1/prompts", `{"idea":"a castle on a hill under a full moon","dialect":"sd","variations":2,"seed":7,"aspect":"16:9"}`)
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	var pr PromptsResponse
	if err := json.Unmarshal(b, &pr); err != nil {
		t.Fatal(err)
	}
	if pr.Dialect != easel.DialectSD || pr.Seed != 7 || len(pr.Prompts) != 2 {
		t.Fatalf("got dialect %s seed %d, %d prompts", pr.Dialect, pr.Seed, len(pr.Prompts))
	}
	if pr.Prompts[0].Text == pr.Prompts[1].Text {
		t.Errorf("the two variations are the same: %q", pr.Prompts[0].Text)
	}
	for i, p := range pr.Prompts {
		if p.Tokens == nil || p.Tokens.Tokens == 0 || !reflect.DeepEqual(*p.Tokens, CountTokens(p.Text)) {
			t.Errorf("prompt %d tokens = %+v; want the counter of its text", i, p.Tokens)
		}
		if len(p.Dialects) != len(easel.Dialects) || p.Dialects[easel.DialectSD].Text != p.Text {
			t.Errorf("prompt %d dialects = %d, sd %q", i, len(p.Dialects), p.Dialects[easel.DialectSD].Text)
		}
		if mj := p.Dialects[easel.DialectMidjourney].Text; !strings.Contains(mj, "--ar 16:9") || !strings.Contains(mj, "--seed") {
			t.Errorf("prompt %d midjourney = %q; want --ar 16:9 and --seed", i, mj)
		}
		if p.Prompt == nil || p.Prompt.Scene == nil {
			t.Errorf("prompt %d has no canonical prompt with its scene", i)
		}
	}
	// The same request writes the same prompts.
	_, b2 := e.do(t, "POST", "/api/v1/prompts", `{"idea":"a castle on a hill under a full moon","dialect":"sd","variations":2,"seed":7,"aspect":"16:9"}`)
	if string(b) != string(b2) {
		t.Error("the same request wrote different prompts")
	}
	// Prose dialects have no token counter.
	_, b = e.do(t, "POST", "/api/v1/prompts", `{"idea":"a fox","seed":1}`)
	var nat PromptsResponse
	json.Unmarshal(b, &nat)
	if nat.Dialect != easel.DialectNatural || nat.Prompts[0].Tokens != nil {
		t.Errorf("natural: dialect %s tokens %+v; want natural and no counter", nat.Dialect, nat.Prompts[0].Tokens)
	}
}

// TestBadRequests checks that every mistake is a 400 (or 404) that names
// it, before any job is queued.
func TestBadRequests(t *testing.T) {
	e := newTestEnv(t, Options{})
	for _, tc := range []struct {
		path, body, want string
	}{
		{"/api/v1/jobs", `{"idea":""}`, "idea is empty"},
		{"/api/v1/jobs", `{"idea":"   "}`, "idea is empty"},
		{"/api/v1/jobs", `{"idea":"a fox","size":"10x10"}`, "out of range"},
		{"/api/v1/jobs", `{"idea":"a fox","size":"1024x768","aspect":"16:9"}`, "not both"},
		{"/api/v1/jobs", `{"idea":"a fox","aspect":"16:9","long":5000}`, "long side"},
		{"/api/v1/jobs", `{"idea":"a fox","long":512}`, "needs an aspect"},
		{"/api/v1/jobs", `{"idea":"a fox","aspect":"wide"}`, "invalid aspect"},
		{"/api/v1/jobs", `{"idea":"a fox","chaos":101}`, "chaos"},
		{"/api/v1/jobs", `{"idea":"a fox","n":101}`, "1 to 100"},
		{"/api/v1/jobs", `{"idea":"a fox","engine":"dalle"}`, "unknown engine"},
		{"/api/v1/jobs", `{"idea":"a fox","llm":"gpt"}`, "unknown prompt writer"},
		{"/api/v1/jobs", `{"idea":"a fox","dialect":"klingon"}`, "unknown dialect"},
		{"/api/v1/jobs", `{"idea":"a fox","style":"no-such-style"}`, "style"},
		{"/api/v1/jobs", `{"idea":"a fox","method":"batch"}`, "method"},
		{"/api/v1/jobs", `{"idea":"a fox","parent_id":"abc"}`, "parent"},
		{"/api/v1/jobs", `{"idea":"a fox","prompts":[{"text":" "}]}`, "prompt 1 is empty"},
		{"/api/v1/jobs", `{"idea":"a fox","colour":"red"}`, "unknown field"},
		{"/api/v1/jobs", `{"idea":"a fox"`, "not the JSON expected"},
		{"/api/v1/jobs", `{"idea":"` + strings.Repeat("x", easel.MaxIdeaLen+1) + `"}`, "characters long"},
		{"/api/v1/prompts", `{"idea":""}`, "idea is empty"},
		{"/api/v1/artworks/zz/vary", `{}`, "no artwork"},
		{"/api/v1/artworks/abc/reproduce", `{}`, "no artwork"},
	} {
		res, b := e.do(t, "POST", tc.path, tc.body)
		if res.StatusCode != 400 && res.StatusCode != 404 || !strings.Contains(string(b), tc.want) {
			t.Errorf("POST %s %.80s: %d %s; want 400 naming %q", tc.path, tc.body, res.StatusCode, b, tc.want)
		}
	}
	for _, q := range []string{"limit=0", "limit=101", "limit=x", "offset=-1"} {
		if res, b := e.do(t, "GET", "/api/v1/artworks?"+q, nil); res.StatusCode != 400 {
			t.Errorf("GET ?%s: %d %s; want 400", q, res.StatusCode, b)
		}
	}
	if res, _ := e.do(t, "GET", "/api/v1/jobs/job_nope", nil); res.StatusCode != 404 {
		t.Errorf("unknown job: %d; want 404", res.StatusCode)
	}
	if res, _ := e.do(t, "PUT", "/api/v1/info", `{}`); res.StatusCode != 405 {
		t.Errorf("PUT /api/v1/info: %d; want 405", res.StatusCode)
	}
}

// TestEditedPrompts checks that prompts a person edited reach the engine
// exactly as written.
func TestEditedPrompts(t *testing.T) {
	e := newTestEnv(t, Options{})
	jv := seedJob(t, e, `{"idea":"a fox","size":"64x64","seed":3,"prompts":[{"text":"my own words, (red fox:1.3)","negative":"rain, fog"},{"text":"second"}]}`)
	if len(jv.Artworks) != 2 {
		t.Fatalf("%d artworks; want 2", len(jv.Artworks))
	}
	a, b := jv.Artworks[0], jv.Artworks[1]
	if a.Prompt != "my own words, (red fox:1.3)" || a.NegativePrompt != "rain, fog" || a.Writer != "person" || a.Idea != "a fox" {
		t.Errorf("artwork = prompt %q negative %q writer %q idea %q", a.Prompt, a.NegativePrompt, a.Writer, a.Idea)
	}
	if b.Prompt != "second" || a.Seed != 3 || b.Seed != 4 {
		t.Errorf("second prompt %q, seeds %d %d; want second, 3 and 4", b.Prompt, a.Seed, b.Seed)
	}
}

func TestGalleryPagesAndSearch(t *testing.T) {
	e := newTestEnv(t, Options{})
	seedJob(t, e, `{"idea":"a castle at night","size":"64x64","n":5}`)
	seedJob(t, e, `{"idea":"a fox in the snow","size":"64x64"}`)
	seen := map[string]bool{}
	offset, pages := 0, 0
	for {
		res, b := e.do(t, "GET", "/api/v1/artworks?limit=2&offset="+strconv.Itoa(offset), nil)
		var l ArtworkList
		if res.StatusCode != 200 || json.Unmarshal(b, &l) != nil {
			t.Fatalf("%d %s", res.StatusCode, b)
		}
		pages++
		for _, a := range l.Artworks {
			if seen[a.ID] {
				t.Errorf("artwork %s on two pages", a.ID)
			}
			seen[a.ID] = true
			if strings.Contains(string(b), `"path"`) {
				t.Errorf("the listing shows file paths: %s", b)
			}
		}
		if l.NextOffset == nil {
			break
		}
		offset = *l.NextOffset
	}
	if len(seen) != 6 || pages != 3 {
		t.Errorf("paged through %d artworks in %d pages; want 6 in 3", len(seen), pages)
	}
	for q, want := range map[string]int{"castle": 5, "fox": 1, "castl": 5, "zebra": 0, "castle fox": 0, "!!!": 0, "(castle)": 5} {
		_, b := e.do(t, "GET", "/api/v1/artworks?q="+strings.ReplaceAll(q, " ", "+"), nil)
		var l ArtworkList
		json.Unmarshal(b, &l)
		if len(l.Artworks) != want || l.NextOffset != nil {
			t.Errorf("search %q: %d artworks, next %v; want %d", q, len(l.Artworks), l.NextOffset, want)
		}
	}
}

// TestLineageAndReproduce reproduces a picture twice and checks the copies
// are the same bytes and that the detail view shows the chain.
func TestLineageAndReproduce(t *testing.T) {
	e := newTestEnv(t, Options{})
	a := seedJob(t, e, `{"idea":"a lighthouse at dusk","size":"96x64","seed":11}`).Artworks[0]
	b := startAndWait(t, e, "/api/v1/artworks/"+a.ID+"/reproduce", `{}`).Artworks[0]
	c := startAndWait(t, e, "/api/v1/artworks/"+b.ID+"/reproduce", `{}`).Artworks[0]
	if b.SHA256 != a.SHA256 || c.SHA256 != a.SHA256 {
		t.Errorf("reproductions differ: %s %s %s", a.SHA256, b.SHA256, c.SHA256)
	}
	if b.ParentID != a.ID || c.ParentID != b.ID || c.Method != easel.MethodReproduce || c.Prompt != a.Prompt || c.Seed != a.Seed {
		t.Errorf("c = parent %s method %s prompt %q seed %d", c.ParentID, c.Method, c.Prompt, c.Seed)
	}
	_, body := e.do(t, "GET", "/api/v1/artworks/"+c.ID, nil)
	var d ArtworkDetail
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Lineage) != 2 || d.Lineage[0].ID != a.ID || d.Lineage[1].ID != b.ID {
		t.Errorf("lineage of c = %v; want a, b", ids(d.Lineage))
	}
	if len(d.Dialects) != len(easel.Dialects) || !strings.Contains(d.Dialects[easel.DialectMidjourney].Text, "--ar 3:2") {
		t.Errorf("dialects = %+v", d.Dialects)
	}
	_, body = e.do(t, "GET", "/api/v1/artworks/"+a.ID, nil)
	var da ArtworkDetail
	json.Unmarshal(body, &da)
	if len(da.Lineage) != 0 || len(da.Children) != 1 || da.Children[0].ID != b.ID {
		t.Errorf("a: lineage %v children %v; want none and b", ids(da.Lineage), ids(da.Children))
	}
	// Deleting the middle ends the chain there.
	if res, _ := e.do(t, "DELETE", "/api/v1/artworks/"+b.ID, nil); res.StatusCode != 204 {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if res, _ := e.do(t, "GET", "/api/v1/artworks/"+b.ID, nil); res.StatusCode != 404 {
		t.Errorf("deleted artwork: %d; want 404", res.StatusCode)
	}
	_, body = e.do(t, "GET", "/api/v1/artworks/"+c.ID, nil)
	json.Unmarshal(body, &d)
	if len(d.Lineage) != 0 {
		t.Errorf("lineage after deleting the parent = %v; want empty", ids(d.Lineage))
	}
}

func ids(vs []ArtworkView) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}

// startAndWait posts a request that starts a job and waits for it.
func startAndWait(t *testing.T, e *testEnv, path, body string) JobView {
	t.Helper()
	res, b := e.do(t, "POST", path, body)
	if res.StatusCode != 202 {
		t.Fatalf("POST %s: %d %s", path, res.StatusCode, b)
	}
	var jv JobView
	json.Unmarshal(b, &jv)
	jv = waitJob(t, e, jv.ID)
	if jv.State != StateDone {
		t.Fatalf("POST %s: job %s: %+v", path, jv.State, jv.Error)
	}
	return jv
}

func TestVary(t *testing.T) {
	e := newTestEnv(t, Options{})
	a := seedJob(t, e, `{"idea":"a lighthouse at dusk","size":"64x64","seed":5}`).Artworks[0]
	for _, strength := range []string{"subtle", "strong"} {
		jv := startAndWait(t, e, "/api/v1/artworks/"+a.ID+"/vary", `{"strength":"`+strength+`"}`)
		if len(jv.Artworks) != 2 {
			t.Fatalf("%s: %d artworks; want 2", strength, len(jv.Artworks))
		}
		for _, v := range jv.Artworks {
			if v.ParentID != a.ID || v.Method != "vary-"+strength || v.Idea != a.Idea || v.Width != 64 {
				t.Errorf("%s variation = parent %s method %s idea %q width %d", strength, v.ParentID, v.Method, v.Idea, v.Width)
			}
		}
		if jv.Artworks[0].Prompt == jv.Artworks[1].Prompt {
			t.Errorf("%s: both variations have the same prompt", strength)
		}
	}
	if res, b := e.do(t, "POST", "/api/v1/artworks/"+a.ID+"/vary", `{"strength":"wild"}`); res.StatusCode != 400 {
		t.Errorf("strength wild: %d %s", res.StatusCode, b)
	}
}

// TestInspect drops PNGs from easel and AUTOMATIC1111 and reproduces them.
func TestInspect(t *testing.T) {
	e := newTestEnv(t, Options{})
	a := seedJob(t, e, `{"idea":"a castle under a full moon","size":"96x64","seed":9}`).Artworks[0]
	_, png := e.do(t, "GET", a.ImageURL, nil)

	ir := inspect(t, e, png)
	if ir.Metadata.Source != pngmeta.SourceEasel || ir.Reproduce == nil {
		t.Fatalf("easel PNG: source %s, reproduce %v", ir.Metadata.Source, ir.Reproduce)
	}
	r := startAndWait(t, e, "/api/v1/jobs", mustJSON(t, ir.Reproduce)).Artworks[0]
	if r.SHA256 != a.SHA256 || r.Method != easel.MethodReproduce {
		t.Errorf("reproduced from the PNG: sha %s method %s; want the same picture", r.SHA256, r.Method)
	}

	// An AUTOMATIC1111 picture: prompt, negative, seed and size come over.
	res, err := canvas.New().Render(t.Context(), &easel.RenderRequest{Width: 64, Height: 96, N: 1})
	if err != nil {
		t.Fatal(err)
	}
	params := pngmeta.Params{}
	params.Set("Steps", "20")
	params.Set("Seed", "1234")
	params.Set("Size", "64x96")
	a1111, err := pngmeta.Write(res.Images[0].PNG, "(masterpiece:1.2), a red fox in the snow", "blurry", params, nil)
	if err != nil {
		t.Fatal(err)
	}
	ir = inspect(t, e, a1111)
	if ir.Metadata.Source != pngmeta.SourceA1111 || ir.Reproduce == nil || ir.Reproduce.Seed == nil || *ir.Reproduce.Seed != 1234 || ir.Reproduce.Size != "64x96" {
		t.Fatalf("A1111 PNG: %+v / %+v", ir.Metadata, ir.Reproduce)
	}
	if ir.Reproduce.Idea != "masterpiece , a red fox in the snow" && !strings.Contains(ir.Reproduce.Idea, "red fox") {
		t.Errorf("idea = %q", ir.Reproduce.Idea)
	}
	r = startAndWait(t, e, "/api/v1/jobs", mustJSON(t, ir.Reproduce)).Artworks[0]
	if r.Prompt != "(masterpiece:1.2), a red fox in the snow" || r.NegativePrompt != "blurry" || r.Seed != 1234 || r.Width != 64 || r.Height != 96 {
		t.Errorf("reproduced A1111 picture = %q / %q seed %d %dx%d", r.Prompt, r.NegativePrompt, r.Seed, r.Width, r.Height)
	}

	// A PNG without metadata says so and offers nothing to reproduce.
	ir = inspect(t, e, res.Images[0].PNG)
	if ir.Metadata.Source != pngmeta.SourceUnknown || ir.Reproduce != nil {
		t.Errorf("bare PNG: %s %v", ir.Metadata.Source, ir.Reproduce)
	}
	// Not a PNG.
	req, _ := http.NewRequestWithContext(t.Context(), "POST", e.ts.URL+"/api/v1/inspect", strings.NewReader("GIF89a..."))
	req.Header.Set("Content-Type", "image/png")
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("not a PNG: %d; want 400", resp.StatusCode)
	}
}

func inspect(t *testing.T, e *testEnv, png []byte) InspectResponse {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), "POST", e.ts.URL+"/api/v1/inspect", strings.NewReader(string(png)))
	req.Header.Set("Content-Type", "image/png")
	res, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var ir InspectResponse
	if res.StatusCode != 200 || json.NewDecoder(res.Body).Decode(&ir) != nil {
		t.Fatalf("inspect: %d", res.StatusCode)
	}
	return ir
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestInfo(t *testing.T) {
	e := newTestEnv(t, Options{}, func(d *Deps) {
		next := d.Engine
		d.Engines = []string{"builtin", "openai"}
		d.Engine = func(spec string) (easel.Engine, string, error) {
			if strings.HasPrefix(spec, "openai") {
				return nil, "", easel.Errorf(easel.ECONFIG, "openai needs an API key: set OPENAI_API_KEY")
			}
			return next(spec)
		}
	})
	_, b := e.do(t, "GET", "/api/v1/info", nil)
	var info Info
	if err := json.Unmarshal(b, &info); err != nil {
		t.Fatal(err)
	}
	if len(info.Engines) != 2 || !info.Engines[0].Available || info.Engines[1].Available || !strings.Contains(info.Engines[1].Problem, "OPENAI_API_KEY") {
		t.Errorf("engines = %+v", info.Engines)
	}
	if info.Engine != "builtin" || info.LLM != "builtin" || info.TokenLimit != 75 || info.Auth || !slices.Contains(info.Styles, "watercolor") {
		t.Errorf("info = %+v", info)
	}
	// Generating on the engine that is not set up says what to set.
	res, b := e.do(t, "POST", "/api/v1/jobs", `{"idea":"a fox","engine":"openai"}`)
	if res.StatusCode != 503 || !strings.Contains(string(b), "OPENAI_API_KEY") {
		t.Errorf("unconfigured engine: %d %s", res.StatusCode, b)
	}
}

// gateEngine renders only when released, so tests can hold jobs running.
type gateEngine struct {
	started chan struct{}
	release chan struct{}
}

func newGate() *gateEngine {
	return &gateEngine{started: make(chan struct{}, 16), release: make(chan struct{})}
}

func (g *gateEngine) Name() string                     { return "gate" }
func (g *gateEngine) Capabilities() easel.Capabilities { return canvas.New().Capabilities() }
func (g *gateEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	g.started <- struct{}{}
	select {
	case <-g.release:
		return canvas.New().Render(ctx, req)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func gated(g *gateEngine) func(*Deps) {
	return func(d *Deps) {
		d.Engines = []string{"gate"}
		d.Engine = func(string) (easel.Engine, string, error) { return g, "", nil }
	}
}

func submit(t *testing.T, e *testEnv) (JobView, *http.Response) {
	t.Helper()
	res, b := e.do(t, "POST", "/api/v1/jobs", `{"idea":"a fox","size":"64x64"}`)
	var jv JobView
	json.Unmarshal(b, &jv)
	return jv, res
}

func TestQueueFull(t *testing.T) {
	g := newGate()
	e := newTestEnv(t, Options{Workers: 1, Queue: 1}, gated(g))
	first, _ := submit(t, e)
	<-g.started
	second, _ := submit(t, e)
	_, res := submit(t, e)
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Errorf("third job with one worker and a queue of one: %d, Retry-After %q; want 503 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
	}
	close(g.release)
	if st := waitJob(t, e, first.ID).State; st != StateDone {
		t.Errorf("first job %s", st)
	}
	if st := waitJob(t, e, second.ID).State; st != StateDone {
		t.Errorf("second job %s", st)
	}
}

func TestCancelJob(t *testing.T) {
	g := newGate()
	e := newTestEnv(t, Options{}, gated(g))
	jv, _ := submit(t, e)
	<-g.started
	if res, b := e.do(t, "DELETE", "/api/v1/jobs/"+jv.ID, nil); res.StatusCode != 202 {
		t.Fatalf("cancel: %d %s", res.StatusCode, b)
	}
	if got := waitJob(t, e, jv.ID); got.State != StateCanceled || got.Error == nil || got.Error.Code != easel.ECANCELED {
		t.Errorf("cancelled job = %s %+v", got.State, got.Error)
	}
}

// TestShutdown checks the soft stop: running jobs may finish within it,
// are cancelled after it, waiting jobs never start, and new ones are
// refused.
func TestShutdown(t *testing.T) {
	t.Run("finishes within the soft stop", func(t *testing.T) {
		g := newGate()
		e := newTestEnv(t, Options{Workers: 1, SoftStop: time.Minute}, gated(g))
		running, _ := submit(t, e)
		<-g.started
		waiting, _ := submit(t, e)
		done := make(chan error)
		go func() { done <- e.srv.Shutdown(t.Context()) }()
		// Shutdown refuses new work at once.
		for {
			if _, res := submit(t, e); res.StatusCode == 503 {
				break
			}
			time.Sleep(time.Millisecond)
		}
		close(g.release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if st := getJob(t, e, running.ID).State; st != StateDone {
			t.Errorf("running job ended %s; want done", st)
		}
		if st := getJob(t, e, waiting.ID).State; st != StateCanceled {
			t.Errorf("waiting job ended %s; want canceled", st)
		}
	})
	t.Run("cancelled after the soft stop", func(t *testing.T) {
		g := newGate()
		e := newTestEnv(t, Options{SoftStop: 50 * time.Millisecond}, gated(g))
		running, _ := submit(t, e)
		<-g.started
		if err := e.srv.Shutdown(t.Context()); err != nil {
			t.Fatal(err)
		}
		if got := getJob(t, e, running.ID); got.State != StateCanceled {
			t.Errorf("running job ended %s %+v; want canceled", got.State, got.Error)
		}
	})
}

func getJob(t *testing.T, e *testEnv, id string) JobView {
	t.Helper()
	_, b := e.do(t, "GET", "/api/v1/jobs/"+id, nil)
	var jv JobView
	json.Unmarshal(b, &jv)
	return jv
}

func TestThumbnails(t *testing.T) {
	e := newTestEnv(t, Options{})
	big := seedJob(t, e, `{"idea":"a beach sunset","size":"640x320"}`).Artworks[0]
	small := seedJob(t, e, `{"idea":"a fox","size":"128x128"}`).Artworks[0]
	for _, tc := range []struct {
		url, ct string
		w, h    int
		status  int
	}{
		{big.ThumbURL, "image/jpeg", 256, 128, 200},
		{"/api/v1/artworks/" + big.ID + "/image?w=512", "image/jpeg", 512, 256, 200},
		{big.ThumbURL, "image/jpeg", 256, 128, 200},  // from the cache
		{small.ThumbURL, "image/png", 128, 128, 200}, // narrower: the PNG itself
		{"/api/v1/artworks/" + big.ID + "/image?w=300", "", 0, 0, 400},
		{"/api/v1/artworks/" + big.ID + "/image?w=-1", "", 0, 0, 400},
	} {
		res, b := e.do(t, "GET", tc.url, nil)
		if res.StatusCode != tc.status {
			t.Errorf("%s: %d %s; want %d", tc.url, res.StatusCode, b, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil || res.Header.Get("Content-Type") != tc.ct || "image/"+format != tc.ct || cfg.Width != tc.w || cfg.Height != tc.h {
			t.Errorf("%s: %s %s %dx%d (%v); want %s %dx%d", tc.url, res.Header.Get("Content-Type"), format, cfg.Width, cfg.Height, err, tc.ct, tc.w, tc.h)
		}
	}
}
