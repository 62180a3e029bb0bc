package mcpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
)

func TestListTools(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	res, err := e.client.ListTools(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
		if len(tool.Description) < 80 {
			t.Errorf("%s: description %q is too short to guide a model", tool.Name, tool.Description)
		}
		js, _ := json.Marshal(tool.InputSchema)
		var schema struct {
			Type       string                     `json:"type"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		json.Unmarshal(js, &schema)
		if schema.Type != "object" || len(schema.Properties) == 0 && tool.Name != "list_engines" {
			t.Errorf("%s: input schema %s has no properties", tool.Name, js)
		}
		for name, p := range schema.Properties {
			if !strings.Contains(string(p), `"description"`) {
				t.Errorf("%s.%s has no description", tool.Name, name)
			}
		}
	}
	want := []string{"describe", "edit", "get_artwork", "imagine", "list_engines", "refine", "reproduce", "search_gallery", "vary", "write_prompt"}
	slices.Sort(names)
	if !slices.Equal(names, want) {
		t.Errorf("tools %v, want %v", names, want)
	}
}

func TestWritePrompt(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	args := map[string]any{"idea": "a lighthouse in a storm", "variations": 2, "seed": 7, "dialect": "sd"}
	res := e.ok(t, "write_prompt", args)
	var out WritePromptResult
	js, _ := json.Marshal(res.StructuredContent)
	if err := json.Unmarshal(js, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Prompts) != 2 {
		t.Fatalf("%d prompts, want 2: %s", len(out.Prompts), js)
	}
	for _, p := range out.Prompts {
		if !strings.Contains(p.Prompt, "lighthouse") || p.Negative == "" || p.Dialect != easel.DialectSD {
			t.Errorf("prompt %+v: want the lighthouse, an sd negative prompt", p)
		}
	}
	if out.Prompts[0].Prompt == out.Prompts[1].Prompt {
		t.Error("the two variations are the same")
	}
	if !strings.Contains(text(res), out.Prompts[1].Prompt) {
		t.Errorf("the text does not show the second prompt:\n%s", text(res))
	}
	// The same seed writes the same prompts.
	if again := text(e.ok(t, "write_prompt", args)); again != text(res) {
		t.Errorf("same seed, different prompts:\n%s\n---\n%s", again, text(res))
	}
}

// TestImagine renders on the canvas and checks what the client gets: the
// picture downscaled as image content, a link to the full-size file, the
// prompt and id as text, and the artwork as a resource.
func TestImagine(t *testing.T) {
	e := newEnv(t, Options{PreviewSide: 128}, nil)
	res := e.ok(t, "imagine", map[string]any{"idea": "a beach sunset", "size": "256x192", "seed": 3})
	got := ids(t, res)
	if len(got) != 1 {
		t.Fatalf("ids %v, want one", got)
	}
	id := got[0]
	art, err := e.gal.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	txt := text(res)
	if !strings.Contains(txt, "id "+id) || !strings.Contains(txt, "prompt: "+art.Prompt) || !strings.Contains(txt, "seed 3") {
		t.Errorf("text lacks the id, prompt or seed:\n%s", txt)
	}
	imgs := images(res)
	if len(imgs) != 1 || imgs[0].MIMEType != "image/png" {
		t.Fatalf("want one PNG image content, got %d", len(imgs))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(imgs[0].Data))
	if err != nil {
		t.Fatalf("image content is not a PNG: %v", err)
	}
	if cfg.Width != 128 || cfg.Height != 96 {
		t.Errorf("preview is %dx%d, want 128x96 (the longer side at PreviewSide, same shape)", cfg.Width, cfg.Height)
	}
	ls := links(res)
	if len(ls) != 1 || ls[0].URI != "easel://artwork/"+id+"/image" || ls[0].MIMEType != "image/png" {
		t.Fatalf("links %+v, want the full-size image resource", ls)
	}
	// The linked resource is the full-size file, metadata and all.
	rr, err := e.client.ReadResource(t.Context(), &mcp.ReadResourceParams{URI: ls[0].URI})
	if err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(art.Path)
	if len(rr.Contents) != 1 || !bytes.Equal(rr.Contents[0].Blob, file) {
		t.Error("the image resource is not the artwork's file")
	}
	// The record resource.
	rr, err = e.client.ReadResource(t.Context(), &mcp.ReadResourceParams{URI: "easel://artwork/" + id})
	if err != nil {
		t.Fatal(err)
	}
	var det ArtworkDetail
	if err := json.Unmarshal([]byte(rr.Contents[0].Text), &det); err != nil || det.ID != id || det.Prompt != art.Prompt {
		t.Errorf("artwork resource %s (%v)", rr.Contents[0].Text, err)
	}
}

// TestImaginePrompt renders a finished prompt exactly as written.
func TestImaginePrompt(t *testing.T) {
	e := newEnv(t, Options{FileLinks: true}, nil)
	prompt := "a red fox in deep snow, morning light, telephoto"
	res := e.ok(t, "imagine", map[string]any{"prompt": prompt, "negative": "blurry", "size": "128x128"})
	art, err := e.gal.Get(t.Context(), ids(t, res)[0])
	if err != nil {
		t.Fatal(err)
	}
	if art.Prompt != prompt || art.NegativePrompt != "blurry" {
		t.Errorf("sent %q / %q, want the prompt as written", art.Prompt, art.NegativePrompt)
	}
	if ls := links(res); len(ls) != 1 || !strings.HasPrefix(ls[0].URI, "file:///") || !strings.HasSuffix(ls[0].URI, ".png") {
		t.Errorf("with FileLinks the link is the file: %+v", ls)
	}
}

// TestBadArguments: every mistake comes back as a tool error with
// easel's one-line message, never a protocol error.
func TestBadArguments(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	cases := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"imagine", map[string]any{"idea": "a fox", "engine": "dalle9"}, `easel: unknown engine "dalle9": use one of builtin, slow (see easel engines)`},
		{"imagine", map[string]any{"idea": "a fox", "size": "4096x4096"}, "easel: size 4096x4096 is out of range: each side must be 64 to 2048 pixels"},
		{"imagine", map[string]any{"idea": "a fox", "size": "32x32"}, "easel: size 32x32 is out of range"},
		{"imagine", map[string]any{"idea": "a fox", "size": "big"}, `easel: invalid size "big": write it as WIDTHxHEIGHT`},
		{"imagine", map[string]any{"idea": "   "}, "easel: the idea is empty: say what to picture (or give prompt"},
		{"imagine", map[string]any{}, "easel: the idea is empty"},
		{"imagine", map[string]any{"idea": "a fox", "n": 9}, "easel: n 9 is out of range: ask for 1 to 4 pictures"},
		{"imagine", map[string]any{"idea": "a fox", "seed": -2}, "easel: seed -2 is negative"},
		{"imagine", map[string]any{"idea": "a fox", "dialect": "klingon"}, "easel: unknown dialect"},
		{"imagine", map[string]any{"idea": "a fox", "style": "no such style"}, "easel: "},
		{"imagine", map[string]any{"idea": "a fox", "size": "64x64", "aspect": "16:9"}, "easel: give size or aspect, not both"},
		{"imagine", map[string]any{"idea": "a fox", "llm": "gpt-99"}, `easel: unknown prompt writer "gpt-99"`},
		{"write_prompt", map[string]any{"idea": ""}, "easel: the idea is empty"},
		{"write_prompt", map[string]any{"idea": "a fox", "variations": 11}, "easel: variations 11 is out of range"},
		{"write_prompt", map[string]any{"idea": "a fox", "chaos": 101}, "easel: chaos 101 is out of range: use 0 to 100"},
		{"vary", map[string]any{"id": "zz-top"}, `easel: no picture "zz-top" in the gallery`},
		{"vary", map[string]any{"id": "abcdef12"}, "easel: "},
		{"vary", map[string]any{"id": ""}, "easel: no id given"},
		{"reproduce", map[string]any{"id": "../../etc/passwd"}, "easel: no picture"},
		{"get_artwork", map[string]any{"id": "0123"}, "easel: "},
		{"search_gallery", map[string]any{"limit": 500}, "easel: limit 500 is out of range: use 1 to 50"},
	}
	for _, c := range cases {
		res := e.call(t, c.tool, c.args)
		got := text(res)
		if !res.IsError {
			t.Errorf("%s(%v) succeeded: %s", c.tool, c.args, got)
			continue
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s(%v):\n got %q\nwant %q…", c.tool, c.args, got, c.want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("%s(%v): message is not one line: %q", c.tool, c.args, got)
		}
	}
	if arts, _ := e.gal.List(t.Context(), easel.ArtworkFilter{}); len(arts) != 0 {
		t.Errorf("bad arguments saved %d pictures", len(arts))
	}
}

// TestProgress: a render reports progress notifications that rise to
// the total, with a message naming the step.
func TestProgress(t *testing.T) {
	e := newEnv(t, Options{}, newSlowEngine(10, false))
	params := &mcp.CallToolParams{Name: "imagine", Arguments: map[string]any{"idea": "a fox", "engine": "slow", "size": "64x64"}}
	params.SetProgressToken("render-1")
	res, err := e.client.CallTool(t.Context(), params)
	if err != nil || res.IsError {
		t.Fatalf("imagine: %v %s", err, text(res))
	}
	// Notifications may still be in flight when the result arrives.
	deadline := time.Now().Add(5 * time.Second)
	for {
		e.mu.Lock()
		n := len(e.progress)
		last := 0.0
		if n > 0 {
			last = e.progress[n-1].Progress
		}
		e.mu.Unlock()
		if last == 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.progress) < 5 {
		t.Fatalf("%d progress notifications, want one per step of the slow engine", len(e.progress))
	}
	var msgs []string
	prev := -1.0
	for _, p := range e.progress {
		if p.ProgressToken != "render-1" || p.Total != 2 {
			t.Errorf("notification %+v: want token render-1, total 2 (write, render)", p)
		}
		if p.Progress <= prev {
			t.Errorf("progress went from %v to %v: it must rise", prev, p.Progress)
		}
		prev = p.Progress
		if p.Message != "" {
			msgs = append(msgs, p.Message)
		}
	}
	if prev != 2 {
		t.Errorf("last progress %v, want 2", prev)
	}
	if !slices.Contains(msgs, "writing the prompt") || !slices.Contains(msgs, "rendering") {
		t.Errorf("messages %q", msgs)
	}
}

// TestCancel: a cancelled request cancels the render, and nothing is saved.
func TestCancel(t *testing.T) {
	slow := newSlowEngine(0, true)
	e := newEnv(t, Options{}, slow)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := e.client.CallTool(ctx, &mcp.CallToolParams{Name: "imagine", Arguments: map[string]any{"idea": "a fox", "engine": "slow", "size": "64x64"}})
		done <- err
	}()
	select {
	case <-slow.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the render never started")
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("CallTool after cancel: %v", err)
	}
	select {
	case err := <-slow.cancelled:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the engine's context ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the engine was not cancelled: the job runs on after the request was cancelled")
	}
	if arts, _ := e.gal.List(t.Context(), easel.ArtworkFilter{}); len(arts) != 0 {
		t.Errorf("a cancelled render saved %d pictures", len(arts))
	}
}

// TestVaryReproduce varies and reproduces a picture by its id.
func TestVaryReproduce(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	id := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a castle on a hill", "size": "96x64", "seed": 11}))[0]

	res := e.ok(t, "reproduce", map[string]any{"id": id[:8]})
	rid := ids(t, res)[0]
	orig, _ := e.gal.Get(t.Context(), id)
	again, _ := e.gal.Get(t.Context(), rid)
	if again.ParentID != id || again.Method != easel.MethodReproduce || again.SHA256 != orig.SHA256 {
		t.Errorf("reproduction %+v of %s: want its child with the same file", again, id)
	}
	if !strings.Contains(text(res), "identical") {
		t.Errorf("reproduce does not say the picture is identical:\n%s", text(res))
	}

	res = e.ok(t, "vary", map[string]any{"id": id, "strength": "strong", "n": 2, "seed": 5})
	vids := ids(t, res)
	if len(vids) != 2 || len(images(res)) != 2 {
		t.Fatalf("vary made %v with %d images, want 2", vids, len(images(res)))
	}
	for _, v := range vids {
		a, _ := e.gal.Get(t.Context(), v)
		if a.ParentID != id || a.Method != easel.MethodVaryStrong || a.Width != 96 || a.Height != 64 {
			t.Errorf("variation %s: parent %s method %s size %dx%d", v, a.ParentID, a.Method, a.Width, a.Height)
		}
	}

	// get_artwork shows the picture with where it came from and its children.
	res = e.ok(t, "get_artwork", map[string]any{"id": vids[0]})
	if len(images(res)) != 1 || !strings.Contains(text(res), "made from "+id) {
		t.Errorf("get_artwork:\n%s", text(res))
	}
	res = e.ok(t, "get_artwork", map[string]any{"id": id})
	if n := strings.Count(text(res), "made from it:"); n != 3 {
		t.Errorf("get_artwork lists %d children, want 3:\n%s", n, text(res))
	}
}

func TestSearchAndResources(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	res := e.ok(t, "search_gallery", map[string]any{})
	if !strings.Contains(text(res), "the gallery is empty") {
		t.Errorf("empty gallery: %s", text(res))
	}
	fox := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a red fox in the snow", "size": "64x64"}))[0]
	e.ok(t, "imagine", map[string]any{"idea": "a lighthouse at night", "size": "64x64"})

	res = e.ok(t, "search_gallery", map[string]any{"query": "fox", "previews": true})
	if got := ids(t, res); len(got) != 1 || got[0] != fox {
		t.Errorf("search fox found %v, want [%s]", got, fox)
	}
	if len(images(res)) != 1 {
		t.Errorf("previews: %d images, want 1", len(images(res)))
	}
	if got := ids(t, e.ok(t, "search_gallery", map[string]any{})); len(got) != 2 {
		t.Errorf("newest: %v, want both", got)
	}
	if res := e.ok(t, "search_gallery", map[string]any{"query": "zebra"}); !strings.Contains(text(res), `no picture matches "zebra"`) {
		t.Errorf("no match: %s", text(res))
	}

	lr, err := e.client.ListResources(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lr.Resources) != 2 || !strings.HasPrefix(lr.Resources[0].URI, "easel://artwork/") {
		t.Errorf("resources %+v, want the two pictures", lr.Resources)
	}
	tr, err := e.client.ListResourceTemplates(t.Context(), nil)
	if err != nil || len(tr.ResourceTemplates) != 2 {
		t.Errorf("templates %+v %v", tr, err)
	}
	if _, err := e.client.ReadResource(t.Context(), &mcp.ReadResourceParams{URI: "easel://artwork/ffff0000"}); err == nil {
		t.Error("reading a missing artwork succeeded")
	}
}

func TestPromptGenerator(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	lp, err := e.client.ListPrompts(t.Context(), nil)
	if err != nil || len(lp.Prompts) != 1 || lp.Prompts[0].Name != "prompt_generator" {
		t.Fatalf("prompts %+v %v", lp, err)
	}
	gp, err := e.client.GetPrompt(t.Context(), &mcp.GetPromptParams{Name: "prompt_generator", Arguments: map[string]string{"idea": "an owl at night", "dialect": "sdxl", "variations": "2"}})
	if err != nil {
		t.Fatal(err)
	}
	msg := gp.Messages[0].Content.(*mcp.TextContent).Text
	for _, want := range []string{"expert prompt writer", "an owl at night", "Write 2 prompts", "sdxl", "imagine"} {
		if !strings.Contains(msg, want) {
			t.Errorf("prompt lacks %q:\n%s", want, msg)
		}
	}
	if _, err := e.client.GetPrompt(t.Context(), &mcp.GetPromptParams{Name: "prompt_generator", Arguments: map[string]string{"idea": " "}}); err == nil || !strings.Contains(err.Error(), "the idea is empty") {
		t.Errorf("empty idea: %v", err)
	}
}

// TestPreviewBudget: a picture whose PNG is larger than the budget is
// sent smaller, keeping its shape; one that fits is sent as it is.
func TestPreviewBudget(t *testing.T) {
	noisy := noisePNG(512, 256)
	cases := []struct {
		side, budget int
		wantW        int // 0: the file itself
	}{
		{512, len(noisy), 0},
		{256, 10 << 20, 256},
		{512, 100 << 10, -1}, // smaller, size decided by the budget
		{512, 1000, 128},     // never below the smallest preview
	}
	for _, c := range cases {
		out, err := preview(noisy, c.side, c.budget)
		if err != nil {
			t.Fatal(err)
		}
		if c.wantW == 0 {
			if !bytes.Equal(out, noisy) {
				t.Errorf("side %d budget %d: the file fits but was re-encoded", c.side, c.budget)
			}
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if d := cfg.Width - 2*cfg.Height; d < 0 || d > 1 {
			t.Errorf("side %d budget %d: %dx%d lost the 2:1 shape", c.side, c.budget, cfg.Width, cfg.Height)
		}
		switch {
		case c.wantW > 0 && cfg.Width != c.wantW:
			t.Errorf("side %d budget %d: width %d, want %d", c.side, c.budget, cfg.Width, c.wantW)
		case c.wantW < 0 && (len(out) > c.budget || cfg.Width >= 512 || cfg.Width <= minPreviewSide):
			t.Errorf("side %d budget %d: %d bytes at width %d", c.side, c.budget, len(out), cfg.Width)
		}
	}
	if _, err := preview([]byte("GIF89a"), 256, 1<<20); err == nil {
		t.Error("a GIF was previewed as a PNG")
	}
}

// noisePNG is a picture that compresses badly, as a detailed one does.
func noisePNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(1)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = uint8(x)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func TestListEngines(t *testing.T) {
	e := newEnv(t, Options{Engine: "slow"}, nil)
	res := e.ok(t, "list_engines", map[string]any{})
	want := []string{
		"builtin — ready; free; pictures in: edit, upscale",
		"slow (default) — configured; $0.04 a picture",
		"paid — not configured: set PAID_API_KEY\n",
	}
	for _, w := range want {
		if !strings.Contains(text(res), w) {
			t.Errorf("list_engines lacks %q:\n%s", w, text(res))
		}
	}
	var out EnginesResult
	js, _ := json.Marshal(res.StructuredContent)
	if err := json.Unmarshal(js, &out); err != nil || out.Default != "slow" || len(out.Engines) != 3 {
		t.Errorf("structured: %s", js)
	}
}

// TestResourcePages: resources/list pages through the gallery, newest
// first, with the offset of the next page as its cursor.
func TestResourcePages(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	for i := range 13 {
		e.ok(t, "imagine", map[string]any{"idea": "a red barn in a field", "size": "64x64", "n": 4, "seed": i * 4})
	}
	first, err := e.client.ListResources(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Resources) != resourcePage || first.NextCursor != "50" {
		t.Fatalf("first page: %d resources, cursor %q", len(first.Resources), first.NextCursor)
	}
	second, err := e.client.ListResources(t.Context(), &mcp.ListResourcesParams{Cursor: first.NextCursor})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Resources) != 2 || second.NextCursor != "" {
		t.Fatalf("second page: %d resources, cursor %q", len(second.Resources), second.NextCursor)
	}
	seen := map[string]bool{}
	for _, r := range append(first.Resources, second.Resources...) {
		if seen[r.URI] {
			t.Errorf("%s listed twice", r.URI)
		}
		seen[r.URI] = true
	}
	if _, err := e.client.ListResources(t.Context(), &mcp.ListResourcesParams{Cursor: "-3"}); err == nil || !strings.Contains(err.Error(), "invalid cursor") {
		t.Errorf("a bad cursor: %v", err)
	}
}
