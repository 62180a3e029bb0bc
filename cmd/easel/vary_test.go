package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

// runLineage runs easel in-process like runEasel, calling vary and
// reproduce directly so the tests do not depend on the command list.
func runLineage(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	cmds := map[string]func(ctx context.Context, a *app, args []string) error{"vary": cmdVary, "reproduce": cmdReproduce, "refine": cmdRefine, "describe": cmdDescribe}
	fn, ok := cmds[args[0]]
	if !ok {
		return runEasel(t, env, args...)
	}
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	a.log = newLogger(&errb, "")
	code := exitOK
	if err := fn(t.Context(), a, args[1:]); err != nil && !errors.Is(err, flag.ErrHelp) {
		code = exitCode(err)
		errb.WriteString("easel: " + easel.ErrorMessage(err) + "\n")
	}
	return result{code, out.String(), errb.String()}
}

// mustRun runs easel and fails the test unless it exits 0.
func mustRun(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	r := runLineage(t, env, args...)
	if r.code != 0 {
		t.Fatalf("easel %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// imagineID makes one picture and returns its JSON object.
func imagineOne(t *testing.T, env map[string]string, idea string, args ...string) map[string]any {
	t.Helper()
	r := mustRun(t, env, append([]string{"imagine", idea, "--json"}, args...)...)
	objs := ndjson(t, r.stdout)
	if len(objs) != 1 {
		t.Fatalf("imagine printed %d objects; want 1", len(objs))
	}
	return objs[0]
}

// galleryCount returns how many artworks the gallery holds.
func galleryCount(t *testing.T, env map[string]string) int {
	t.Helper()
	r := mustRun(t, env, "gallery", "list", "--limit", "0", "--json")
	return len(ndjson(t, r.stdout))
}

// showJSON returns `gallery show ID --json`.
func showJSON(t *testing.T, env map[string]string, id string) map[string]any {
	t.Helper()
	r := mustRun(t, env, "gallery", "show", id, "--json")
	return ndjson(t, r.stdout)[0]
}

// plainPNG encodes a small picture with image/png: no metadata at all.
func plainPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 4), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// a1111Infotext is what AUTOMATIC1111 v1.10 writes in the `parameters`
// chunk (reference/apis.md §4.3): prompt, "Negative prompt:" line, then
// the parameter line in A1111's key order, with a quoted value.
const a1111Infotext = "a castle on a hill under a (full moon:1.2), <lora:add_detail:0.6> dramatic clouds\n" +
	"Negative prompt: blurry, lowres\n" +
	"Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234567890, Size: 96x64, " +
	"Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Clip skip: 2, " +
	`Lora hashes: "add_detail: 7c6bad76eb54", Version: v1.10.1`

// writeA1111PNG writes a PNG as AUTOMATIC1111 saves one: a tEXt chunk
// `parameters` holding the infotext (reference/apis.md §4.5).
func writeA1111PNG(t *testing.T, dir, infotext string) string {
	t.Helper()
	data, err := pngmeta.Inject(plainPNG(t, 96, 64), []pngmeta.Text{{Keyword: pngmeta.KeywordParameters, Value: infotext}})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "00042-1234567890.png")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// comfyGraph is ComfyUI's API-format graph from reference/apis.md §5.5,
// with a LoraLoader between the checkpoint and the sampler.
const comfyGraph = `{
  "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
  "10": {"class_type": "LoraLoader", "inputs": {"lora_name": "detail.safetensors", "strength_model": 0.6, "strength_clip": 0.6, "model": ["4", 0], "clip": ["4", 1]}},
  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a red barn in a wheat field at golden hour", "clip": ["10", 1]}},
  "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry, lowres", "clip": ["10", 1]}},
  "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 128, "height": 96, "batch_size": 1}},
  "3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 25, "cfg": 7.0, "sampler_name": "euler_ancestral", "scheduler": "normal", "denoise": 1.0,
        "model": ["10", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
  "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
  "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}}
}`

// writeComfyPNG writes a PNG as ComfyUI's SaveImage does: tEXt chunks
// `prompt` (the API graph) and `workflow` (reference/apis.md §5.6).
func writeComfyPNG(t *testing.T, dir string) string {
	t.Helper()
	data, err := pngmeta.Inject(plainPNG(t, 128, 96), []pngmeta.Text{
		{Keyword: pngmeta.KeywordComfyPrompt, Value: comfyGraph},
		{Keyword: pngmeta.KeywordComfyWorkflow, Value: `{"nodes": [], "links": [], "groups": [], "version": 0.4}`},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "ComfyUI_00001_.png")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVaryGalleryID(t *testing.T) {
	env := home(t)
	parent := imagineOne(t, env, "a beach sunset", "--seed", "42", "--size", "96x64")
	pid := parent["id"].(string)
	r := mustRun(t, env, "vary", pid[:8], "-n", "3", "--seed", "7", "--json")
	kids := ndjson(t, r.stdout)
	if len(kids) != 3 {
		t.Fatalf("got %d variations; want 3:\n%s", len(kids), r.stdout)
	}
	prompts := map[string]bool{parent["prompt"].(string): true}
	for i, k := range kids {
		if k["parent_id"] != pid || k["method"] != easel.MethodVarySubtle {
			t.Errorf("variation %d: parent %v, method %v; want %s, %s", i, k["parent_id"], k["method"], pid, easel.MethodVarySubtle)
		}
		if k["engine"] != "builtin" || k["width"] != 96.0 || k["height"] != 64.0 || k["idea"] != "a beach sunset" {
			t.Errorf("variation %d = %v; want the parent's engine, size and idea", i, k)
		}
		if k["seed"] != float64(7+i) {
			t.Errorf("variation %d seed = %v; want %d", i, k["seed"], 7+i)
		}
		p := k["prompt"].(string)
		if prompts[p] {
			t.Errorf("variation %d repeats a prompt: %q", i, p)
		}
		prompts[p] = true
		// The gallery records the lineage (the PNG does not, so that a
		// reproduction is the same file).
		got := ndjson(t, mustRun(t, env, "gallery", "show", k["id"].(string), "--json").stdout)[0]
		if got["parent_id"] != pid || got["method"] != "vary-subtle" {
			t.Errorf("variation %d lineage in the gallery = %v, %v", i, got["parent_id"], got["method"])
		}
	}
	// Same seed and options, same variations.
	again := ndjson(t, mustRun(t, env, "vary", pid, "-n", "3", "--seed", "7", "--json").stdout)
	for i := range again {
		if again[i]["sha256"] != kids[i]["sha256"] {
			t.Errorf("variation %d differs on a second run with the same seed", i)
		}
	}
	// The human output names the prompt, the file and the lineage.
	r = mustRun(t, env, "vary", pid, "-n", "1", "--strength", "strong", "--seed", "9")
	if !strings.Contains(r.stdout, "prompt: ") || !strings.Contains(r.stdout, "vary-strong of "+pid) {
		t.Errorf("stdout = %q", r.stdout)
	}
}

func TestVaryOptions(t *testing.T) {
	env := home(t)
	pid := imagineOne(t, env, "a red barn in a wheat field", "--seed", "3", "--size", "64x64")["id"].(string)
	r := mustRun(t, env, "vary", pid, "-n", "2", "--strength", "strong", "--size", "80x64", "--seed", "1", "--json")
	for _, k := range ndjson(t, r.stdout) {
		if k["method"] != easel.MethodVaryStrong || k["width"] != 80.0 {
			t.Errorf("got %v; want vary-strong at 80x64", k)
		}
	}
	// --chaos picks the strength it stands for.
	r = mustRun(t, env, "vary", pid, "-n", "1", "--chaos", "30", "--seed", "1", "--json")
	if k := ndjson(t, r.stdout)[0]; k["method"] != easel.MethodVarySubtle {
		t.Errorf("--chaos 30 gave %v; want vary-subtle", k["method"])
	}
	// --prompt-only writes and saves nothing.
	before := galleryCount(t, env)
	r = mustRun(t, env, "vary", pid, "-n", "3", "--prompt-only", "--json", "--seed", "5")
	objs := ndjson(t, r.stdout)
	if len(objs) != 3 || objs[0]["parent_id"] != pid || objs[0]["prompt"] == "" || objs[0]["method"] != easel.MethodVarySubtle {
		t.Fatalf("--prompt-only printed %v", objs)
	}
	if n := galleryCount(t, env); n != before {
		t.Fatalf("--prompt-only saved pictures: %d in the gallery, had %d", n, before)
	}
	r = mustRun(t, env, "vary", pid, "-n", "2", "--prompt-only", "--seed", "5")
	if !strings.Contains(r.stdout, "variation 2") {
		t.Errorf("--prompt-only stdout = %q", r.stdout)
	}
}

func TestVaryText(t *testing.T) {
	env := home(t)
	r := mustRun(t, env, "vary", "a", "lighthouse", "in", "a", "storm", "-n", "2", "--seed", "4", "--size", "64x64", "--json")
	kids := ndjson(t, r.stdout)
	if len(kids) != 2 {
		t.Fatalf("got %d variations", len(kids))
	}
	for _, k := range kids {
		if _, has := k["parent_id"]; has || k["idea"] != "a lighthouse in a storm" || k["method"] != easel.MethodVarySubtle {
			t.Errorf("variation of text = %v; want no parent, the text as idea", k)
		}
	}
	// A word that happens to be hexadecimal is text, not an id.
	if r := runLineage(t, env, "vary", "facade", "-n", "1", "--size", "64x64", "--prompt-only"); r.code != 0 {
		t.Errorf("vary facade: exit %d: %s", r.code, r.stderr)
	}
}

func TestVaryEaselPNG(t *testing.T) {
	env := home(t)
	outDir := t.TempDir()
	parent := imagineOne(t, env, "a castle on a hill under a full moon", "--seed", "11", "--size", "96x64", "--out", outDir)
	pid := parent["id"].(string)
	copied := parent["path"].(string)
	if !strings.HasPrefix(copied, outDir) {
		t.Fatalf("--out copy is at %s", copied)
	}
	// A copy of a gallery picture is that picture: its variations are its children.
	k := ndjson(t, mustRun(t, env, "vary", copied, "-n", "1", "--seed", "2", "--json").stdout)[0]
	if k["parent_id"] != pid || k["width"] != 96.0 {
		t.Fatalf("variation of the copied file = %v; want parent %s", k, pid)
	}
	if n := galleryCount(t, env); n != 2 {
		t.Fatalf("gallery holds %d; want 2 (no import of a picture it has)", n)
	}
	// In another gallery, the file is imported first, keeping its settings.
	other := home(t)
	k = ndjson(t, mustRun(t, other, "vary", copied, "-n", "1", "--seed", "2", "--json").stdout)[0]
	imp := showJSON(t, other, k["parent_id"].(string))
	if imp["method"] != easel.MethodImport || imp["idea"] != parent["idea"] || imp["prompt"] != parent["prompt"] || imp["seed"] != 11.0 || imp["engine"] != "builtin" {
		t.Fatalf("imported parent = %v", imp)
	}
	if imp["scene"] == nil {
		t.Error("the imported easel picture lost its scene")
	}
}

func TestVaryA1111PNG(t *testing.T) {
	env := home(t)
	file := writeA1111PNG(t, t.TempDir(), a1111Infotext)
	r := mustRun(t, env, "vary", file, "-n", "2", "--engine", "builtin", "--seed", "3", "--json")
	kids := ndjson(t, r.stdout)
	if len(kids) != 2 {
		t.Fatalf("got %d variations", len(kids))
	}
	pid, _ := kids[0]["parent_id"].(string)
	if pid == "" || kids[1]["parent_id"] != pid {
		t.Fatalf("variations %v; want both children of the imported picture", kids)
	}
	imp := showJSON(t, env, pid)
	if imp["method"] != easel.MethodImport || imp["engine"] != "a1111" || imp["seed"] != 1234567890.0 || imp["steps"] != 20.0 ||
		imp["sampler"] != "DPM++ 2M" || imp["model"] != "v1-5-pruned-emaonly" || imp["negative_prompt"] != "blurry, lowres" {
		t.Fatalf("imported A1111 picture = %v", imp)
	}
	// The idea is the prompt without its syntax; the variations keep the size.
	wantIdea := "a castle on a hill under a full moon, dramatic clouds"
	for _, k := range kids {
		if k["idea"] != wantIdea || k["width"] != 96.0 || k["height"] != 64.0 {
			t.Errorf("variation = %v; want idea %q at 96x64", k, wantIdea)
		}
		if p := k["prompt"].(string); strings.Contains(p, "lora") || strings.Contains(p, ":1.2") {
			t.Errorf("variation prompt keeps A1111 syntax: %q", p)
		}
	}
}

func TestVaryComfyPNG(t *testing.T) {
	env := home(t)
	file := writeComfyPNG(t, t.TempDir())
	r := mustRun(t, env, "vary", file, "-n", "1", "--engine", "builtin", "--seed", "3", "--json")
	k := ndjson(t, r.stdout)[0]
	if k["idea"] != "a red barn in a wheat field at golden hour" || k["width"] != 128.0 || k["height"] != 96.0 {
		t.Fatalf("variation of the ComfyUI picture = %v", k)
	}
	imp := showJSON(t, env, k["parent_id"].(string))
	if imp["engine"] != "comfyui" || imp["model"] != "sd_xl_base_1.0.safetensors" || imp["seed"] != 42.0 || imp["sampler"] != "euler_ancestral" {
		t.Fatalf("imported ComfyUI picture = %v", imp)
	}
}

func TestVaryInvokeAIPNGUsesCanvasWithNote(t *testing.T) {
	env := home(t)
	data, err := pngmeta.Inject(plainPNG(t, 64, 64), []pngmeta.Text{{Keyword: pngmeta.KeywordInvokeAIMetadata,
		Value: `{"positive_prompt": "a koi pond in a japanese garden", "negative_prompt": "", "seed": 5, "steps": 30, "cfg_scale": 7.5, "width": 64, "height": 64, "model": {"name": "juggernaut"}}`}})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "invoke.png")
	os.WriteFile(file, data, 0o644)
	r := mustRun(t, env, "vary", file, "-n", "1", "--seed", "1", "--json")
	if !strings.Contains(r.stderr, "no engine for InvokeAI") {
		t.Errorf("stderr = %q; want a note that the canvas is used", r.stderr)
	}
	if k := ndjson(t, r.stdout)[0]; k["engine"] != "builtin" {
		t.Errorf("engine = %v", k["engine"])
	}
}

// TestLineageAcrossGenerations makes four generations (imagine, a subtle
// variation, a strong variation of it, a reproduction of that) and checks
// gallery show's chain, gallery tree's family, and that removing a parent
// keeps its children.
func TestLineageAcrossGenerations(t *testing.T) {
	env := home(t)
	g0 := imagineOne(t, env, "a castle on a hill under a full moon", "--seed", "1", "--size", "64x64")["id"].(string)
	g1 := ndjson(t, mustRun(t, env, "vary", g0, "-n", "2", "--seed", "5", "--json").stdout)
	g1a, g1b := g1[0]["id"].(string), g1[1]["id"].(string)
	g2 := ndjson(t, mustRun(t, env, "vary", g1a[:10], "-n", "1", "--strength", "strong", "--seed", "9", "--json").stdout)[0]["id"].(string)
	g3 := ndjson(t, mustRun(t, env, "reproduce", g2, "--json").stdout)[0]["id"].(string)
	other := imagineOne(t, env, "a red barn", "--seed", "1", "--size", "64x64")["id"].(string)

	// show: the chain back to the idea, oldest first.
	r := mustRun(t, env, "gallery", "show", g3)
	_, chain, ok := strings.Cut(r.stdout, "lineage:\n")
	if !ok {
		t.Fatalf("show has no lineage:\n%s", r.stdout)
	}
	want := []string{`idea "a castle on a hill under a full moon"`, g0 + "  imagine", g1a + "  vary-subtle", g2 + "  vary-strong", g3 + "  reproduce"}
	lines := strings.Split(strings.TrimSpace(chain), "\n")
	if len(lines) != len(want) {
		t.Fatalf("lineage has %d lines; want %d:\n%s", len(lines), len(want), chain)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("lineage line %d = %q; want %q", i, lines[i], w)
		}
	}
	if !strings.HasSuffix(lines[4], "(this)") {
		t.Errorf("the last line does not mark the picture shown: %q", lines[4])
	}
	js := showJSON(t, env, g3)
	var ids []string
	for _, l := range js["lineage"].([]any) {
		ids = append(ids, l.(map[string]any)["id"].(string))
	}
	if strings.Join(ids, " ") != strings.Join([]string{g0, g1a, g2, g3}, " ") || js["parent_id"] != g2 || js["method"] != easel.MethodReproduce {
		t.Errorf("show --json lineage = %v, parent %v", ids, js["parent_id"])
	}

	// tree: the same family from any member, the other picture not in it.
	wantTree := []string{g0, "|-- " + g1a, "|   `-- " + g2, "|       `-- " + g3, "`-- " + g1b}
	for _, from := range []string{g0, g2, g1b} {
		r := mustRun(t, env, "gallery", "tree", from)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if len(lines) != len(wantTree) || strings.Contains(r.stdout, other) {
			t.Fatalf("tree from %s:\n%s", from, r.stdout)
		}
		for i, w := range wantTree {
			if !strings.HasPrefix(lines[i], w) {
				t.Errorf("tree from %s, line %d = %q; want it to start %q", from, i, lines[i], w)
			}
		}
		if !strings.Contains(r.stdout, from+"  ") || !strings.Contains(r.stdout, "<- this") {
			t.Errorf("tree from %s does not mark it:\n%s", from, r.stdout)
		}
	}
	nodes := ndjson(t, mustRun(t, env, "gallery", "tree", g3, "--json").stdout)
	if len(nodes) != 5 || nodes[0]["id"] != g0 || nodes[3]["id"] != g3 || nodes[3]["depth"] != 3.0 || nodes[3]["parent_id"] != g2 {
		t.Errorf("tree --json = %v", nodes)
	}

	// Removing a parent keeps its children and their record of it.
	mustRun(t, env, "gallery", "rm", g1a)
	if js := showJSON(t, env, g2); js["parent_id"] != g1a {
		t.Fatalf("after rm, the child's parent is %v; want %s", js["parent_id"], g1a)
	}
	r = mustRun(t, env, "gallery", "show", g3)
	if !strings.Contains(r.stdout, g1a+"  (deleted)") || !strings.Contains(r.stdout, `idea "a castle on a hill under a full moon"`) {
		t.Errorf("show after rm:\n%s", r.stdout)
	}
	r = mustRun(t, env, "gallery", "tree", g3)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 3 || !strings.HasPrefix(lines[0], g1a+"  (deleted)") {
		t.Errorf("tree after rm:\n%s", r.stdout)
	}
	// The grandparent's family lost the removed branch but keeps the rest.
	if r := mustRun(t, env, "gallery", "tree", g0); strings.Contains(r.stdout, g2) || !strings.Contains(r.stdout, g1b) {
		t.Errorf("tree of the grandparent after rm:\n%s", r.stdout)
	}
	// Bad ids for tree: one easel: line, exit 2.
	if r := runLineage(t, env, "gallery", "tree", "0123456789abcdef"); r.code != exitUsage || !strings.Contains(r.stderr, "no artwork") {
		t.Errorf("tree of an unknown id: exit %d, %q", r.code, r.stderr)
	}
}

// TestVarySubtleCloserThanStrong checks, through the command, that
// subtle variations keep more of the parent's prompt than strong ones:
// word overlap with the parent's prompt, averaged over ideas and seeds.
func TestVarySubtleCloserThanStrong(t *testing.T) {
	env := home(t)
	var sum [2]float64
	var n int
	for _, idea := range []string{"a beach sunset", "a fox in a snowy forest", "a lighthouse on a cliff", "a bowl of ramen", "a city street"} {
		for _, seed := range []string{"1", "2", "3"} {
			parent := imagineOne(t, env, idea, "--seed", seed, "--size", "64x64")
			for i, st := range []string{"subtle", "strong"} {
				r := mustRun(t, env, "vary", parent["id"].(string), "--strength", st, "-n", "3", "--seed", "77"+seed, "--prompt-only", "--json")
				for _, v := range ndjson(t, r.stdout) {
					sum[i] += wordOverlap(parent["prompt"].(string), v["prompt"].(string))
				}
			}
			n += 3
		}
	}
	subtle, strong := sum[0]/float64(n), sum[1]/float64(n)
	t.Logf("mean word overlap with the parent's prompt over %d variations: subtle %.3f, strong %.3f", n, subtle, strong)
	if subtle <= strong+0.05 {
		t.Fatalf("subtle variations (%.3f) do not stay clearly closer to the parent than strong ones (%.3f)", subtle, strong)
	}
}

// wordOverlap is the Jaccard index of the words of a and b.
func wordOverlap(a, b string) float64 {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
			m[w] = true
		}
		return m
	}
	wa, wb := words(a), words(b)
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	return float64(both) / float64(len(wa)+len(wb)-both)
}

// TestVarySubtleKeepsWording: easel vary --strength subtle on a built-in
// picture keeps most of its prompt's words for every child, as the
// README says (the command once always passed a chaos, which sent subtle
// variations to a fresh rewrite).
func TestVarySubtleKeepsWording(t *testing.T) {
	env := home(t)
	parent := imagineOne(t, env, "a lighthouse on a rocky coast", "--size", "64x64")
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			m[strings.Trim(w, ".,;:!?")] = true
		}
		return m
	}
	pw := words(parent["prompt"].(string))
	r := mustRun(t, env, "vary", parent["id"].(string), "--strength", "subtle", "-n", "3", "--json")
	for _, o := range ndjson(t, r.stdout) {
		cw := words(o["prompt"].(string))
		kept := 0
		for w := range pw {
			if cw[w] {
				kept++
			}
		}
		if f := float64(kept) / float64(len(pw)); f < 0.8 {
			t.Errorf("a subtle child keeps %.2f of its parent's words; want most:\n%s\n%s", f, parent["prompt"], o["prompt"])
		}
	}
}
