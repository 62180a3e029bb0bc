package server

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/easel-art/easel"
)

// TestStudioRefineAndDescribe drives the refine box and describe in
// headless Chromium: preview what an instruction changes, refine, see
// the lineage read as the conversation, then describe a JPEG and
// generate one of its prompts. Any JavaScript error fails it.
func TestStudioRefineAndDescribe(t *testing.T) {
	bin := chromium(t)
	e := newTestEnv(t, Options{LocalOnly: true})
	a := seedJob(t, e, `{"idea":"a beach sunset","size":"256x256","seed":42}`).Artworks[0]

	ctx, step, jsErrors := studio(t, bin, "failed")
	step("open the picture",
		chromedp.Navigate(e.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#grid .tile`)),
		chromedp.Click(chromedp.CSS("#grid .tile")),
		chromedp.WaitVisible(chromedp.ID("refine-input")),
	)
	step("preview an instruction",
		chromedp.SendKeys(chromedp.ID("refine-input"), "make it night, add a red sailboat"),
		chromedp.Click(chromedp.ID("refine-preview-btn")),
		chromedp.WaitVisible(chromedp.ID("refine-prompt")),
	)
	prev, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.querySelector("#refine-changes").textContent, document.querySelector("#refine-prompt").textContent]`))
	if err != nil || !strings.Contains(prev[0], "sunset → night") || !strings.Contains(prev[1], "sailboat") {
		t.Fatalf("preview = %v, %v", prev, err)
	}
	shot(t, ctx, "refine-1-preview")
	step("refine",
		chromedp.Click(chromedp.CSS(`#refine-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#results .tile img")),
	)
	arts, err := e.gal.List(t.Context(), easel.ArtworkFilter{})
	if err != nil || len(arts) != 2 || arts[0].ParentID != a.ID || arts[0].Instruction != "make it night, add a red sailboat" {
		t.Fatalf("after refine the gallery has %d pictures (%v)", len(arts), err)
	}
	step("open the refined picture", chromedp.Evaluate[chromedp.Void](`openDetail("`+arts[0].ID+`")`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#lineage").textContent.includes("asked “make it night, add a red sailboat”")`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		shot(t, ctx, "failed")
		t.Fatalf("the lineage does not read as the conversation: %v", err)
	}
	shot(t, ctx, "refine-2-lineage")

	// Describe a JPEG, as a drop would.
	step("describe a JPEG",
		chromedp.Evaluate[chromedp.Void](`(async () => {
			document.querySelector("#detail").close();
			const img = document.querySelector("#detail-img");
			const c = document.createElement("canvas"); c.width = 320; c.height = 180;
			const g = c.getContext("2d"); g.fillStyle = "#0b1030"; g.fillRect(0, 0, 320, 110); g.fillStyle = "#04060f"; g.fillRect(0, 110, 320, 70);
			const blob = await new Promise((r) => c.toBlob(r, "image/jpeg"));
			inspectFile(new File([blob], "night.jpg", { type: "image/jpeg" }));
		})()`),
		chromedp.WaitVisible(chromedp.CSS("#describe-list li button")),
	)
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#describe-list li .prompt-text")].map((p) => p.textContent)`))
	if err != nil || len(listed) != 4 || !strings.Contains(strings.ToLower(strings.Join(listed, " ")), "night") {
		t.Fatalf("described prompts = %v, %v", listed, err)
	}
	shot(t, ctx, "describe-1")
	step("generate a described prompt", chromedp.Click(chromedp.CSS("#describe-list li button")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(async () => (await api("GET", "/api/v1/artworks")).artworks.length === 3)()`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the described prompt was not rendered: %v", err)
	}
	if errs := jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %v", errs)
	}
}
