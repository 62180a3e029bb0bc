package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/comfyui/comfyuitest"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
	"github.com/easel-art/easel/engine/runway/runwaytest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
	"github.com/easel-art/easel/pngmeta"
)

// These tests run `easel imagine --engine NAME` in-process against each
// remote engine's strict fake, configured only through the variables a
// person sets, and check what is saved: the PNG, its metadata and the
// gallery row, and that no credential is written anywhere.

// fakeEngine is one engine's fake, started, and how to drive easel at it.
type fakeEngine struct {
	// env points easel at the fake, with a credential it accepts.
	env map[string]string
	// secret is that credential ("" when the API takes none): it must
	// appear in no output and no file.
	secret string
	// sent returns the texts the fake received, in order.
	sent func() []sentText
	// wrongKey is env with a credential the fake rejects, and keyVar the
	// variable the error must name; nil when the API takes none.
	wrongKey map[string]string
	keyVar   string
	// noKey is env without the credential (nil when the API takes none).
	noKey map[string]string
}

// sentText is what one request to a fake carried.
type sentText struct{ prompt, negative string }

// engineCase is one remote engine and what it makes of the test's request.
type engineCase struct {
	name string
	// size is --size; w and h are what the engine makes for it (the
	// closest size it offers, when it only offers fixed ones).
	size string
	w, h int
	// model is the model the artwork must record.
	model string
	// cost is what one picture costs (0 for a free engine).
	cost float64
	// revised is the revised prompt the fake sends back ("" for none).
	revised string
	// infotext reports that the engine sends its own A1111 infotext.
	infotext bool
	// negative reports that the API takes a negative prompt.
	negative bool
	// policy reports that the API refuses prompts on content grounds.
	policy bool
	start  func(t *testing.T, f enginetest.Fault) fakeEngine
}

const e2eRevised = "A quiet beach at sunset, the sun low over a calm sea, painted in warm light."

var engineCases = []engineCase{
	{
		name: "openai", size: "1600x900", w: 1600, h: 896, model: "gpt-image-2.5-flare",
		// usage: 50 text tokens at $5/M and 1056 image tokens at $30/M.
		cost:    (50*5.0 + 1056*30.0) / 1e6,
		revised: e2eRevised, policy: true,
		start: func(t *testing.T, f enginetest.Fault) fakeEngine {
			fk := openaitest.New(t, f)
			fk.Revised = e2eRevised
			return fakeEngine{
				env:    map[string]string{"OPENAI_API_KEY": openaitest.Key, "OPENAI_BASE_URL": fk.URL()},
				secret: openaitest.Key,
				sent: func() []sentText {
					var out []sentText
					for _, b := range fk.Bodies() {
						out = append(out, sentText{prompt: str(b["prompt"])})
					}
					return out
				},
				wrongKey: map[string]string{"OPENAI_API_KEY": "sk-wrong-e2e-0000111122223333", "OPENAI_BASE_URL": fk.URL()},
				keyVar:   "OPENAI_API_KEY",
				// A server other than OpenAI's may take no key (LocalAI),
				// so easel asks, and reports the fake's 401.
				noKey: map[string]string{"OPENAI_BASE_URL": fk.URL()},
			}
		},
	},
	{
		name: "a1111", size: "512x384", w: 512, h: 384, model: "v1-5-pruned-emaonly", infotext: true, negative: true,
		start: func(t *testing.T, f enginetest.Fault) fakeEngine {
			fk := a1111test.New(t, f)
			fk.User, fk.Pass = "artist", "s3cret-e2e-pass"
			return fakeEngine{
				env:    map[string]string{"EASEL_A1111_URL": fk.URL()},
				secret: fk.Pass,
				sent: func() []sentText {
					var out []sentText
					for _, b := range fk.Bodies() {
						out = append(out, sentText{str(b["prompt"]), str(b["negative_prompt"])})
					}
					return out
				},
				wrongKey: map[string]string{"EASEL_A1111_URL": fk.URLWith("artist", "wrong-e2e-pass")},
				keyVar:   "EASEL_A1111_URL",
				noKey:    map[string]string{"EASEL_A1111_URL": fk.Addr()},
			}
		},
	},
	{
		name: "comfyui", size: "512x512", w: 512, h: 512, model: "sd_xl_base_1.0.safetensors", negative: true,
		start: func(t *testing.T, f enginetest.Fault) fakeEngine {
			fk := comfyuitest.New(t, f)
			return fakeEngine{
				env: map[string]string{"EASEL_COMFYUI_URL": fk.URL()},
				sent: func() []sentText {
					var out []sentText
					for _, g := range fk.Prompts() {
						pos, neg := comfyuitest.Texts(g)
						out = append(out, sentText{pos, neg})
					}
					return out
				},
			}
		},
	},
	{
		name: "stability", size: "1000x700", w: 1216, h: 832, model: "core", cost: 0.03, negative: true, policy: true,
		start: func(t *testing.T, f enginetest.Fault) fakeEngine {
			fk := stabilitytest.New(t, f)
			return fakeEngine{
				env:    map[string]string{"STABILITY_API_KEY": stabilitytest.Key, "EASEL_STABILITY_URL": fk.URL()},
				secret: stabilitytest.Key,
				sent: func() []sentText {
					var out []sentText
					for _, form := range fk.Forms() {
						out = append(out, sentText{form["prompt"], form["negative_prompt"]})
					}
					return out
				},
				wrongKey: map[string]string{"STABILITY_API_KEY": "sk-wrong-e2e-stab", "EASEL_STABILITY_URL": fk.URL()},
				keyVar:   "STABILITY_API_KEY",
				noKey:    map[string]string{"EASEL_STABILITY_URL": fk.URL()},
			}
		},
	},
	{
		name: "runway", size: "1280x700", w: 1280, h: 720, model: "gen4_image", cost: 0.05, policy: true,
		start: func(t *testing.T, f enginetest.Fault) fakeEngine {
			fk := runwaytest.New(t, f)
			// The client waits 5s between polls, as Runway asks: the task
			// must end at the first one to keep the test quick.
			fk.Instant = true
			return fakeEngine{
				env:    map[string]string{"RUNWAYML_API_SECRET": runwaytest.Key, "EASEL_RUNWAY_URL": fk.URL()},
				secret: runwaytest.Key,
				sent: func() []sentText {
					var out []sentText
					for _, b := range fk.Bodies() {
						out = append(out, sentText{prompt: str(b["promptText"])})
					}
					return out
				},
				wrongKey: map[string]string{"RUNWAYML_API_SECRET": "key_wrong_e2e_0000", "EASEL_RUNWAY_URL": fk.URL()},
				keyVar:   "RUNWAYML_API_SECRET",
				noKey:    map[string]string{"EASEL_RUNWAY_URL": fk.URL()},
			}
		},
	},
}

func str(v any) string { s, _ := v.(string); return s }

// with returns home(t) plus vars.
func with(t *testing.T, vars map[string]string) map[string]string {
	env := home(t)
	for k, v := range vars {
		env[k] = v
	}
	return env
}

func TestImagineOnEachEngine(t *testing.T) {
	for _, tc := range engineCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fk := tc.start(t, enginetest.FaultNone)
			env := with(t, fk.env)
			r := runEasel(t, env, "imagine", "--engine", tc.name, "a beach sunset", "--seed", "7", "--size", tc.size, "--json")
			if r.code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
			}
			objs := ndjson(t, r.stdout)
			if len(objs) != 1 {
				t.Fatalf("%d objects on stdout; want 1:\n%s", len(objs), r.stdout)
			}
			o := objs[0]
			sent := fk.sent()
			if len(sent) != 1 || sent[0].prompt == "" {
				t.Fatalf("the fake received %q; want one prompt", sent)
			}
			prompt, negative := sent[0].prompt, sent[0].negative
			if tc.negative && negative == "" {
				t.Errorf("the fake received no negative prompt")
			}
			if o["prompt"] != prompt || o["engine"] != tc.name {
				t.Errorf("stdout prompt %q, engine %v; want the text the fake received, %q, and %s", o["prompt"], o["engine"], prompt, tc.name)
			}
			if tc.size != fmt.Sprintf("%dx%d", tc.w, tc.h) && !strings.Contains(r.stderr, "easel: note: ") {
				t.Errorf("size %s became %dx%d without a note on stderr:\n%s", tc.size, tc.w, tc.h, r.stderr)
			}

			// The file: a PNG of the size made, with easel's metadata.
			path := str(o["path"])
			if !strings.HasPrefix(path, env["EASEL_HOME"]) {
				t.Errorf("path %s is not in the data dir", path)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("the saved file does not decode: %v", err)
			}
			if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
				t.Errorf("picture is %dx%d; want %dx%d", b.Dx(), b.Dy(), tc.w, tc.h)
			}
			md, err := pngmeta.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			if md.Source != pngmeta.SourceEasel || md.Prompt != prompt || md.Seed != 7 ||
				md.Width != tc.w || md.Height != tc.h || md.Model != tc.model {
				t.Errorf("PNG metadata: source %s, prompt %q, seed %d, size %dx%d, model %q; want easel, %q, 7, %dx%d, %q",
					md.Source, md.Prompt, md.Seed, md.Width, md.Height, md.Model, prompt, tc.w, tc.h, tc.model)
			}
			if tc.negative && md.NegativePrompt != negative {
				t.Errorf("PNG negative prompt %q; want the one sent, %q", md.NegativePrompt, negative)
			}
			var own struct {
				Engine        string `json:"engine"`
				RevisedPrompt string `json:"revised_prompt"`
			}
			if err := json.Unmarshal(md.Easel, &own); err != nil || own.Engine != tc.name || own.RevisedPrompt != tc.revised {
				t.Errorf("PNG easel chunk: engine %q, revised prompt %q (%v); want %s, %q", own.Engine, own.RevisedPrompt, err, tc.name, tc.revised)
			}

			// The gallery row.
			id := str(o["id"])
			r2 := runEasel(t, env, "gallery", "show", id, "--json")
			if r2.code != 0 {
				t.Fatalf("gallery show: exit %d: %s", r2.code, r2.stderr)
			}
			rows := ndjson(t, r2.stdout)
			if len(rows) != 1 {
				t.Fatalf("gallery show printed %d objects", len(rows))
			}
			row := rows[0]
			if row["engine"] != tc.name || row["model"] != tc.model || row["prompt"] != prompt ||
				row["seed"] != 7.0 || row["width"] != float64(tc.w) || row["height"] != float64(tc.h) {
				t.Errorf("gallery row: engine %v, model %v, prompt %q, seed %v, size %vx%v; want %s, %s, %q, 7, %dx%d",
					row["engine"], row["model"], row["prompt"], row["seed"], row["width"], row["height"], tc.name, tc.model, prompt, tc.w, tc.h)
			}
			if tc.negative && row["negative_prompt"] != negative {
				t.Errorf("gallery negative_prompt %q; want the one sent, %q", row["negative_prompt"], negative)
			}
			if got := str(row["revised_prompt"]); got != tc.revised {
				t.Errorf("gallery revised_prompt %q; want %q", got, tc.revised)
			}
			if info := str(row["engine_info"]); tc.infotext {
				if !strings.HasPrefix(info, prompt+"\nNegative prompt: "+negative+"\n") || !strings.Contains(info, "Seed: 7,") || !strings.Contains(info, "Model: "+tc.model) {
					t.Errorf("gallery engine_info %q; want the engine's infotext for %q, seed 7", info, prompt)
				}
			} else if info != "" {
				t.Errorf("gallery engine_info %q; want none", info)
			}
			if cost, _ := row["cost_usd"].(float64); math.Abs(cost-tc.cost) > 1e-9 {
				t.Errorf("gallery cost_usd %v; want %v", row["cost_usd"], tc.cost)
			}

			// Without --json, a person sees the engine's revised prompt
			// and, on a paid engine, the cost.
			r3 := runEasel(t, env, "imagine", "--engine", tc.name, "a beach sunset", "--seed", "8", "--size", tc.size)
			if r3.code != 0 {
				t.Fatalf("imagine without --json: exit %d: %s", r3.code, r3.stderr)
			}
			if has := strings.Contains(r3.stdout, "\nrevised: "+tc.revised+"\n"); has != (tc.revised != "") {
				t.Errorf("imagine printed the revised prompt: %v; want %v:\n%s", has, tc.revised != "", r3.stdout)
			}
			if has := strings.Contains(r3.stdout, ", $0."); has != (tc.cost > 0) {
				t.Errorf("imagine printed a cost: %v; want %v:\n%s", has, tc.cost > 0, r3.stdout)
			}

			// No credential is written anywhere.
			if fk.secret != "" {
				for what, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr, "gallery show": r2.stdout, "text stdout": r3.stdout + r3.stderr} {
					if strings.Contains(s, fk.secret) {
						t.Errorf("the credential is in %s:\n%s", what, s)
					}
				}
				noSecretInFiles(t, env["EASEL_HOME"], fk.secret)
			}
		})
	}
}

// noSecretInFiles fails when any file under dir (the PNGs, the gallery
// database and its journal) holds secret.
func noSecretInFiles(t *testing.T, dir, secret string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the credential is in %s", path)
		}
		// Text chunks may be compressed: read them too.
		if texts, err := pngmeta.ReadTexts(data); err == nil {
			for _, tx := range texts {
				if strings.Contains(tx.Keyword+tx.Value, secret) {
					t.Errorf("the credential is in the %s chunk of %s", tx.Keyword, path)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 {
		t.Fatalf("only %d files under %s: the gallery and the picture should be there", n, dir)
	}
}

func TestImagineEngineFailures(t *testing.T) {
	for _, tc := range engineCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.name == "comfyui" {
				// ComfyUI has no key and no content policy: an unknown
				// checkpoint is its refusal.
				fk := tc.start(t, enginetest.FaultNone)
				env := with(t, fk.env)
				r := runEasel(t, env, "imagine", "--engine", "comfyui:nope.safetensors", "a beach sunset", "--seed", "7", "--size", tc.size)
				wantFailure(t, r, env, 2, "nope.safetensors", "")
				return
			}
			t.Run("missing key", func(t *testing.T) {
				fk := tc.start(t, enginetest.FaultNone)
				env := with(t, fk.noKey)
				r := runEasel(t, env, "imagine", "--engine", tc.name, "a beach sunset", "--seed", "7", "--size", tc.size)
				wantFailure(t, r, env, 3, fk.keyVar, "")
			})
			t.Run("rejected key", func(t *testing.T) {
				fk := tc.start(t, enginetest.FaultNone)
				env := with(t, fk.wrongKey)
				r := runEasel(t, env, "imagine", "--engine", tc.name, "a beach sunset", "--seed", "7", "--size", tc.size)
				wantFailure(t, r, env, 3, fk.keyVar, "")
				for _, v := range fk.wrongKey {
					if secret := secretOf(v); secret != "" && strings.Contains(r.stdout+r.stderr, secret) {
						t.Errorf("the rejected credential %q is shown:\n%s", secret, r.stderr)
					}
				}
			})
			if !tc.policy {
				return
			}
			t.Run("content policy", func(t *testing.T) {
				fk := tc.start(t, enginetest.FaultContentPolicy)
				env := with(t, fk.env)
				r := runEasel(t, env, "imagine", "--engine", tc.name, "a beach sunset", "--seed", "7", "--size", tc.size)
				wantFailure(t, r, env, 1, "content policy", "reword")
				if n := len(fk.sent()); n != 1 {
					t.Errorf("the fake received %d prompts; want 1 (a refusal is not retried)", n)
				}
			})
		})
	}
}

// secretOf returns the credential in an environment value: the password
// of a URL, or the value itself when it is a key.
func secretOf(v string) string {
	if strings.HasPrefix(v, "http://") {
		if at := strings.Index(v, "@"); at > 0 {
			if i := strings.LastIndex(v[:at], ":"); i > len("http:") {
				return v[i+1 : at]
			}
		}
		return ""
	}
	return v
}

// wantFailure checks a failed run: exit code, one easel: line on stderr
// naming want (and also, when set), nothing on stdout, nothing saved.
func wantFailure(t *testing.T, r result, env map[string]string, code int, want, also string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d; want %d (stderr %q)", r.code, code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "easel: ") || !strings.Contains(last, want) || !strings.Contains(last, also) {
		t.Errorf("stderr %q; want an easel: line naming %q and %q", r.stderr, want, also)
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
		t.Errorf("stderr has a stack trace:\n%s", r.stderr)
	}
	if strings.Contains(r.stdout, "saved ") {
		t.Errorf("stdout says something was saved:\n%s", r.stdout)
	}
	if imgs, _ := filepath.Glob(filepath.Join(env["EASEL_HOME"], "images", "*", "*")); len(imgs) > 0 {
		t.Errorf("the failure left pictures behind: %v", imgs)
	}
	g := runEasel(t, env, "gallery", "list", "--json")
	if g.code != 0 || strings.TrimSpace(g.stdout) != "" {
		t.Errorf("gallery after the failure: exit %d, %q", g.code, g.stdout)
	}
}

// TestImagineComfyUIWorkflow runs imagine with a workflow of the person's
// own (EASEL_COMFYUI_WORKFLOW): other node ids, a fixed scheduler.
func TestImagineComfyUIWorkflow(t *testing.T) {
	t.Parallel()
	const workflow = `{
  "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{model}}"}},
  "20": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["1", 1]}},
  "21": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative}}", "clip": ["1", 1]}},
  "30": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{width}}", "height": "{{height}}", "batch_size": 1}},
  "40": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": 12, "cfg": "{{cfg}}",
        "sampler_name": "dpmpp_2m", "scheduler": "karras", "denoise": 1.0,
        "model": ["1", 0], "positive": ["20", 0], "negative": ["21", 0], "latent_image": ["30", 0]}},
  "50": {"class_type": "VAEDecode", "inputs": {"samples": ["40", 0], "vae": ["1", 2]}},
  "60": {"class_type": "SaveImage", "inputs": {"filename_prefix": "mine", "images": ["50", 0]}}
}`
	file := filepath.Join(t.TempDir(), "mine.json")
	if err := os.WriteFile(file, []byte(workflow), 0o644); err != nil {
		t.Fatal(err)
	}
	fk := comfyuitest.New(t, enginetest.FaultNone)
	env := with(t, map[string]string{"EASEL_COMFYUI_URL": fk.URL(), "EASEL_COMFYUI_WORKFLOW": file})
	r := runEasel(t, env, "imagine", "--engine", "comfyui", "a beach sunset", "--seed", "7", "--size", "512x384", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	graphs := fk.Prompts()
	if len(graphs) != 1 {
		t.Fatalf("the fake received %d prompts; want 1", len(graphs))
	}
	k, _ := graphs[0]["40"].(map[string]any)
	in, _ := k["inputs"].(map[string]any)
	if in["scheduler"] != "karras" || in["seed"] != 7.0 {
		t.Errorf("KSampler inputs %v; want the workflow's scheduler and seed 7", in)
	}
	pos, _ := comfyuitest.Texts(graphs[0])
	o := ndjson(t, r.stdout)[0]
	data, err := os.ReadFile(str(o["path"]))
	if err != nil {
		t.Fatal(err)
	}
	md, err := pngmeta.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if pos == "" || o["prompt"] != pos || md.Prompt != pos || md.Seed != 7 || md.Width != 512 || md.Height != 384 {
		t.Errorf("saved prompt %q, metadata %q seed %d size %dx%d; want %q, 7, 512x384", o["prompt"], md.Prompt, md.Seed, md.Width, md.Height, pos)
	}
	// The workflow fixed its steps and sampler: the picture must not claim easel's.
	if md.Steps != 0 || md.Sampler != "" || md.Model != "sd_xl_base_1.0.safetensors" {
		t.Errorf("metadata steps %d, sampler %q, model %q; want no steps or sampler (the workflow's own) and the checkpoint used", md.Steps, md.Sampler, md.Model)
	}

	// A workflow that is not one is refused before anything is sent.
	bad := filepath.Join(t.TempDir(), "ui.json")
	os.WriteFile(bad, []byte(`{"nodes":[],"links":[],"version":0.4}`), 0o644)
	env["EASEL_COMFYUI_WORKFLOW"] = bad
	r = runEasel(t, env, "imagine", "--engine", "comfyui", "a beach sunset", "--seed", "7", "--size", "512x384")
	if r.code != 2 || !strings.Contains(r.stderr, "UI format") {
		t.Errorf("a UI-format workflow: exit %d, stderr %q; want 2 and a message about the format", r.code, r.stderr)
	}
	if n := len(fk.Prompts()); n != 1 {
		t.Errorf("the fake received %d prompts; want no more after the refusal", n)
	}
}

// TestImagineWaitsOutARateLimit: a 429 is retried after the Retry-After
// the service asked for (1s here, to keep the test quick), and said so.
func TestImagineWaitsOutARateLimit(t *testing.T) {
	t.Parallel()
	fk := openaitest.New(t, enginetest.FaultNone)
	fk.RateLimited, fk.RetryAfter = 1, "1"
	// A high image rate, so the retry's turn in the limiter (5 a minute
	// by default) does not add 12s to the Retry-After.
	env := with(t, map[string]string{"OPENAI_API_KEY": openaitest.Key, "OPENAI_BASE_URL": fk.URL(), "EASEL_OPENAI_IPM": "600"})
	r := runEasel(t, env, "imagine", "--engine", "openai", "a beach sunset", "--seed", "7", "--size", "1024x1024", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "easel: OpenAI is rate limiting requests") || !strings.Contains(r.stderr, "trying again in 1s") {
		t.Errorf("stderr %q; want the rate limit and the wait", r.stderr)
	}
	if n := len(fk.Bodies()); n != 2 {
		t.Errorf("the fake received %d requests; want 2", n)
	}
	if objs := ndjson(t, r.stdout); len(objs) != 1 {
		t.Errorf("%d pictures; want 1", len(objs))
	}
}

// TestEnginesCheckNamesTheModel runs `easel engines --check` against each
// engine's fake: the engine must be reachable and the line must name the
// model it renders with.
func TestEnginesCheckNamesTheModel(t *testing.T) {
	for _, tc := range engineCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fk := tc.start(t, enginetest.FaultNone)
			r := runEasel(t, with(t, fk.env), "engines", "--check")
			if r.code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
			}
			var line string
			for _, l := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(l, tc.name+" ") && line == "" {
					line = l // the engine table comes before the writers'
				}
			}
			if !strings.Contains(line, "yes, model "+tc.model) {
				t.Errorf("the %s line is %q; want it reachable and naming %s:\n%s", tc.name, line, tc.model, r.stdout)
			}
		})
	}
}
