package server

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var shots = flag.String("shots", "", "directory to save the browser test's screenshots in, to look at the studio")

// chromium returns the browser to test with. Without one the test is
// skipped, except in CI, where .ci/run installs it and a skip would hide
// a broken studio.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but no chromium on PATH: .ci/run must install it (apt-get install chromium)")
	}
	t.Skip("chromium is not installed, so the studio's browser test is skipped: apt-get install chromium to run it (CI always does)")
	return ""
}

// studio starts headless Chromium (bin, from chromium) for one test and
// returns its context (bounded to 90s), a step runner that saves a
// screenshot named failShot and fails the test when actions fail, and
// the errors the page has logged so far. The browser closes at cleanup.
func studio(t *testing.T, bin, failShot string) (ctx context.Context, step func(what string, actions ...chromedp.Action[chromedp.Void]), jsErrors func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		// Short enough that one page of tiles leaves the grid's sentinel
		// (loaded 400px early) out of reach until the test scrolls.
		chromedp.WindowSize(1280, 720),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(cancel)

	// Start the browser, then collect what the page logs as errors.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				errs = append(errs, m.Text)
				mu.Unlock()
			}
		}
	}()
	step = func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			shot(t, ctx, failShot)
			t.Fatalf("%s: %v", what, err)
		}
	}
	jsErrors = func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(errs)
	}
	return ctx, step, jsErrors
}

// TestStudioInChromium drives the studio in headless Chromium with the
// built-in writer and canvas: type an idea, write its prompt, generate,
// see the picture arrive over server-sent events, search the gallery and
// open the detail view. Any JavaScript error fails it.
func TestStudioInChromium(t *testing.T) {
	bin := chromium(t)
	e := newTestEnv(t, Options{LocalOnly: true})
	// Unrelated pictures: more than a page, so the grid scrolls on, and
	// something for the search to leave out.
	seedJob(t, e, `{"idea":"a red fox in the snow","size":"64x64","seed":1,"n":40}`)

	ctx, step, jsErrors := studio(t, bin, "failed")
	idea := "a lighthouse on a rocky coast at dusk"
	step("open the studio",
		chromedp.Navigate(e.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("idea")),
		chromedp.WaitReady(chromedp.CSS(`#engine option[value="builtin"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#grid .tile`)),
	)
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#grid .tile").length`)); err != nil || n != 30 {
		t.Fatalf("the gallery opens with %d tiles (%v); want one page of 30", n, err)
	}
	step("scroll to the end of the gallery", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#grid .tile").length === 40`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("scrolling did not load the rest of the gallery: %v", err)
	}
	step("back to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	step("type the idea and write its prompt for Stable Diffusion",
		chromedp.SendKeys(chromedp.ID("idea"), idea),
		chromedp.SetValue(chromedp.ID("long"), "512"),
		chromedp.SetValue(chromedp.ID("dialect"), "sd"),
		chromedp.Click(chromedp.ID("write-btn")),
		chromedp.WaitVisible(chromedp.CSS(".prompt-card .ptext")),
		chromedp.WaitVisible(chromedp.CSS(".prompt-card .tokens")),
	)
	written, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(".prompt-card .ptext")))
	if err != nil || !strings.Contains(strings.ToLower(written), "lighthouse") {
		t.Fatalf("written prompt = %q, %v; want one about the lighthouse", written, err)
	}
	counter, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`(() => { const c = document.querySelector(".prompt-card .tokens"); return [c.textContent, c.classList.contains("over")]; })()`))
	if err != nil || !strings.Contains(counter[0].(string), "/ 75 tokens") || counter[1] != false {
		t.Fatalf("token counter = %v, %v; want N / 75 tokens, not red", counter, err)
	}
	// Typing past 75 tokens turns the counter red, live.
	step("edit the prompt past 75 tokens",
		chromedp.SendKeys(chromedp.CSS(".prompt-card .ptext"), strings.Repeat(" red", 80)),
		chromedp.WaitVisible(chromedp.CSS(".prompt-card .tokens.over")),
	)
	if written, err = chromedp.Run(ctx, chromedp.Value(chromedp.CSS(".prompt-card .ptext"))); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "1-prompt")

	// Generate from the keyboard: Ctrl+Enter in the idea box.
	step("generate",
		chromedp.Focus(chromedp.ID("idea")),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS("#results .tile img")),
	)
	loaded, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(() => { const i = document.querySelector("#results .tile img"); return i && i.complete && i.naturalWidth === 256; })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || !loaded {
		shot(t, ctx, "failed")
		t.Fatalf("the generated picture's thumbnail did not load at 256 px wide: %v", err)
	}
	status, _ := chromedp.Run(ctx, chromedp.Poll[string](
		`(() => { const s = document.querySelector("#job-status").textContent; return s.startsWith("Done") && s; })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if !strings.Contains(status, "1 picture") {
		t.Errorf("job status = %q; want Done: 1 picture", status)
	}
	shot(t, ctx, "2-generated")

	step("search the gallery",
		chromedp.SendKeys(chromedp.ID("search"), "lighthouse"),
	)
	n, err := chromedp.Run(ctx, chromedp.Poll[int](
		`(() => { const ts = [...document.querySelectorAll("#grid .tile")]; return ts.length > 0 && ts.every(t => t.title.includes("lighthouse")) && ts.length; })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || n != 1 {
		shot(t, ctx, "failed")
		t.Fatalf("search for lighthouse shows %d tiles (%v); want just the new picture", n, err)
	}

	step("open the detail view",
		chromedp.Click(chromedp.CSS("#grid .tile")),
		chromedp.WaitVisible(chromedp.ID("detail-prompt")),
	)
	detail, err := chromedp.Run(ctx, chromedp.Poll[map[string]any](`(() => {
		const img = document.querySelector("#detail-img");
		if (!img.complete || img.naturalWidth !== 512) return false;
		return {
			idea: document.querySelector("#detail-idea").textContent,
			prompt: document.querySelector("#detail-prompt").textContent,
			params: document.querySelector("#detail-params").textContent,
			copies: document.querySelectorAll("#copy-row button").length,
			download: document.querySelector("#download").getAttribute("href"),
		};
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		shot(t, ctx, "failed")
		t.Fatalf("detail view: %v", err)
	}
	shot(t, ctx, "3-detail")
	if detail["idea"] != idea || detail["prompt"] != written {
		t.Errorf("detail shows idea %q, prompt %q; want %q and the edited prompt %q", detail["idea"], detail["prompt"], idea, written)
	}
	if p, _ := detail["params"].(string); !strings.Contains(p, "seed") || !strings.Contains(p, "512×512") || !strings.Contains(p, "builtin") {
		t.Errorf("detail parameters = %q; want seed, size and engine", p)
	}
	if c, _ := detail["copies"].(float64); c != 6 {
		t.Errorf("detail offers %v copy buttons; want one per dialect (6)", detail["copies"])
	}
	if d, _ := detail["download"].(string); !strings.HasSuffix(d, "download=1") {
		t.Errorf("download link = %q", d)
	}
	step("close the detail view with Escape",
		chromedp.KeyEvent("\x1b"),
		chromedp.WaitNotVisible(chromedp.ID("detail-prompt")),
	)

	// Open the picture's PNG as a dropped file would be (the keyboard's way
	// in): the studio reads its metadata and reproduces it.
	var arts ArtworkList
	_, b := e.do(t, "GET", "/api/v1/artworks?q=lighthouse", nil)
	if err := json.Unmarshal(b, &arts); err != nil || len(arts.Artworks) != 1 {
		t.Fatalf("gallery: %s", b)
	}
	_, pngData := e.do(t, "GET", arts.Artworks[0].ImageURL, nil)
	file := filepath.Join(t.TempDir(), "lighthouse.png")
	if err := os.WriteFile(file, pngData, 0o644); err != nil {
		t.Fatal(err)
	}
	step("read a PNG and reproduce it",
		chromedp.SetUploadFiles(chromedp.ID("png-file"), []string{file}),
		chromedp.WaitVisible(chromedp.ID("inspect-reproduce")),
	)
	source, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("inspect-source")))
	if err != nil || source != "easel" {
		t.Errorf("inspect source = %q, %v; want easel", source, err)
	}
	shot(t, ctx, "4-inspect")
	step("reproduce", chromedp.Click(chromedp.ID("inspect-reproduce")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`document.querySelector("#job-status").textContent.startsWith("Done: 1 picture")`,
		chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		shot(t, ctx, "failed")
		t.Fatalf("reproducing the dropped PNG: %v", err)
	}
	_, b = e.do(t, "GET", "/api/v1/artworks?q=lighthouse", nil)
	json.Unmarshal(b, &arts)
	if len(arts.Artworks) != 2 || arts.Artworks[0].SHA256 != arts.Artworks[1].SHA256 {
		t.Errorf("after reproducing: %d lighthouse pictures; want 2 with the same bytes", len(arts.Artworks))
	}

	// A server with a token: the studio asks for it once, then works,
	// images included (their URLs are signed).
	et := newTestEnv(t, Options{Token: "s3cret"})
	seedJob(t, et, `{"idea":"a castle under a full moon","size":"320x320"}`)
	tab, closeTab := chromedp.NewContext(ctx)
	defer closeTab()
	if err := chromedp.Do(tab,
		chromedp.Navigate(et.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("token-input")),
		chromedp.SendKeys(chromedp.ID("token-input"), "s3cret\r"),
		chromedp.WaitVisible(chromedp.CSS("#grid .tile img")),
	); err != nil {
		t.Fatalf("studio with a token: %v", err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`(() => { const i = document.querySelector("#grid .tile img"); return i.complete && i.naturalWidth === 256; })()`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("with a token, the gallery's thumbnail did not load: %v", err)
	}

	if errs := jsErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// shot saves a screenshot when -shots is set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if *shots == "" {
		return
	}
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(*shots, name+".png"), b, 0o644); err != nil {
		t.Log(err)
	}
}
