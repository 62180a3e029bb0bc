package server

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// nodeOpenAI returns node and the official OpenAI Node SDK's directory:
// $EASEL_NODE_MODULES/openai, else the repository's .ci/node/node_modules.
// Under CI=true a missing one fails the test; otherwise it skips.
func nodeOpenAI(t *testing.T) (node, sdk string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s: .ci/run must install it (npm install --prefix .ci/node)", what)
		}
		t.Skipf("%s, so the Node SDK test is skipped: run npm install --prefix .ci/node (CI does)", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	dir := os.Getenv("EASEL_NODE_MODULES")
	if dir == "" {
		dir = filepath.Join("..", ".ci", "node", "node_modules")
	}
	sdk, _ = filepath.Abs(filepath.Join(dir, "openai"))
	if _, err := os.Stat(filepath.Join(sdk, "package.json")); err != nil {
		missing("the npm package openai is not in " + dir)
	}
	return node, sdk
}

// nodeScript uses the official OpenAI Node SDK as a person's script would:
// generate, edit with a mask, edit with several pictures (image[]), and
// stream a generation and an edit. It prints one JSON object.
const nodeScript = `
const fs = require('fs');
const OpenAI = require(process.env.SDK);
const { toFile } = require(process.env.SDK);
(async () => {
  const out = {};
  const client = new OpenAI({ apiKey: process.env.TOKEN, baseURL: process.env.BASE, maxRetries: 0 });
  const pic = fs.readFileSync(process.env.PIC), mask = fs.readFileSync(process.env.MASK);
  const gen = await client.images.generate({ model: 'easel', prompt: 'a beach sunset', size: '128x96' });
  out.generate = { n: gen.data.length, size: gen.size, b64: gen.data[0].b64_json.length };
  const ed = await client.images.edit({
    model: 'easel', prompt: 'a stormy sky', n: 2,
    image: await toFile(pic, 'photo.png', { type: 'image/png' }),
    mask: await toFile(mask, 'mask.png', { type: 'image/png' }),
  });
  out.edit = { n: ed.data.length, size: ed.size, b64: ed.data[0].b64_json };
  try {
    await client.images.edit({ prompt: 'as a watercolor', image: [await toFile(pic, 'a.png'), await toFile(pic, 'b.png')] });
    out.several = 'accepted';
  } catch (e) { out.several = e.status + ' ' + e.message; }
  out.genStream = [];
  const gs = await client.images.generate({ model: 'easel', prompt: 'a fox in snow', size: '96x64', stream: true });
  for await (const ev of gs) out.genStream.push({ type: ev.type, size: ev.size, b64: (ev.b64_json || '').length });
  out.editStream = [];
  const es = await client.images.edit({ prompt: 'as a pencil sketch', stream: true, image: await toFile(pic, 'photo.png', { type: 'image/png' }) });
  for await (const ev of es) out.editStream.push({ type: ev.type, size: ev.size, b64: (ev.b64_json || '').length });
  console.log(JSON.stringify(out));
})().catch(e => { console.log(JSON.stringify({ error: String(e && e.stack || e) })); process.exit(1); });
`

// TestNodeOpenAISDK runs the official OpenAI SDK for Node (npm openai,
// installed by .ci/run) against easel's OpenAI-compatible API: images
// generate and edit (multipart as the SDK builds it), and streaming.
func TestNodeOpenAISDK(t *testing.T) {
	node, sdk := nodeOpenAI(t)
	e := newTestEnv(t, Options{Token: "s3cret"})
	dir := t.TempDir()
	script := filepath.Join(dir, "client.cjs")
	pic, mask := filepath.Join(dir, "photo.png"), filepath.Join(dir, "mask.png")
	os.WriteFile(script, []byte(nodeScript), 0o644)
	os.WriteFile(pic, testPNG(t, 160, 120), 0o644)
	os.WriteFile(mask, alphaMaskPNG(t, 160, 120, 40), 0o644)
	cmd := exec.CommandContext(t.Context(), node, script)
	cmd.Env = append(os.Environ(), "SDK="+sdk, "TOKEN=s3cret", "BASE="+e.ts.URL+"/v1", "PIC="+pic, "MASK="+mask)
	b, err := cmd.Output()
	var out struct {
		Error    string
		Generate struct {
			N    int
			Size string
			B64  int
		}
		Edit struct {
			N    int
			Size string
			B64  string
		}
		Several               string
		GenStream, EditStream []struct {
			Type string
			Size string
			B64  int
		}
	}
	if jerr := json.Unmarshal(b, &out); jerr != nil || err != nil || out.Error != "" {
		t.Fatalf("node: %v %v\n%s%s", err, jerr, b, out.Error)
	}
	if out.Generate.N != 1 || out.Generate.Size != "128x96" || out.Generate.B64 < 100 {
		t.Errorf("generate: %+v", out.Generate)
	}
	if out.Edit.N != 2 || out.Edit.Size != "160x120" || len(out.Edit.B64) < 100 {
		t.Errorf("edit: n %d size %s", out.Edit.N, out.Edit.Size)
	}
	if out.Several == "accepted" || out.Several[:3] != "400" {
		t.Errorf("two pictures on the built-in engine: %q; want a 400 naming the limit", out.Several)
	}
	if len(out.GenStream) != 1 || out.GenStream[0].Type != "image_generation.completed" || out.GenStream[0].Size != "96x64" || out.GenStream[0].B64 < 100 {
		t.Errorf("generation stream: %+v", out.GenStream)
	}
	if len(out.EditStream) != 1 || out.EditStream[0].Type != "image_edit.completed" || out.EditStream[0].Size != "160x120" {
		t.Errorf("edit stream: %+v", out.EditStream)
	}
}
