package openai

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
)

func TestConformance(t *testing.T) {
	var fakes sync.Map // *Client → *openaitest.Server
	open := func(t *testing.T, f enginetest.Fault) easel.Engine {
		fk := newFake(t, f)
		c := client(t, fk, Config{})
		fakes.Store(c, fk)
		return c
	}
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return open(t, enginetest.FaultNone) },
		enginetest.WithFaults(open),
		enginetest.WithRequests(func(e easel.Engine) int {
			fk, _ := fakes.Load(e)
			return fk.(*openaitest.Server).Requests()
		}),
		enginetest.WithSecret(testKey),
	)
}

func TestRenderSendsWhatTheAPITakes(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Revised = "A calm beach at sunset, painted in warm light."
	c := client(t, fk, Config{Model: "gpt-image-1.5", Quality: "high", Background: "opaque"})
	req := &easel.RenderRequest{Prompt: "a beach sunset", Negative: "blurry", Width: 1920, Height: 1080, N: 3, Seed: 9}
	res, err := c.Render(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	body := fk.Bodies()[0]
	want := map[string]any{"model": "gpt-image-1.5", "prompt": "a beach sunset", "n": 3.0, "size": "1536x1024", "quality": "high", "background": "opaque", "output_format": "png"}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("sent %s = %v; want %v", k, body[k], v)
		}
	}
	if len(body) != len(want) {
		t.Errorf("sent %v; want exactly %v", body, want)
	}
	if res.Width != 1536 || res.Height != 1024 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "1536x1024") {
		t.Errorf("size %dx%d, notes %q; want 1536x1024 and a note", res.Width, res.Height, res.Notes)
	}
	for i, im := range res.Images {
		if im.RevisedPrompt != fk.Revised {
			t.Errorf("image %d revised prompt %q; want %q", i, im.RevisedPrompt, fk.Revised)
		}
		if im.Seed != 9+int64(i) {
			t.Errorf("image %d seed %d", i, im.Seed)
		}
	}
	// usage: 50 text tokens at $5/M + 3×1056 image output tokens at $32/M.
	if want := (50*5.0 + 3*1056*32.0) / 1e6; math.Abs(res.CostUSD-want) > 1e-9 {
		t.Errorf("cost %v; want %v", res.CostUSD, want)
	}
}

func TestFreeSizeModel(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{Model: "gpt-image-2"})
	res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1600, Height: 400, N: 1})
	if err != nil {
		t.Fatal(err)
	}
	// 1600x400 is 4:1; the model takes 3:1 at most, in multiples of 16,
	// and at least 655,360 pixels: 1200x400 enlarged.
	if got := fk.Bodies()[0]["size"]; got != "1408x480" {
		t.Errorf("size %v; want 1408x480", got)
	}
	if res.Width != 1408 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "655,360") {
		t.Errorf("got %dx%d %q", res.Width, res.Height, res.Notes)
	}
}

func TestCompatibleServers(t *testing.T) {
	t.Run("no usage, escaped slashes", func(t *testing.T) {
		fk := newFake(t, enginetest.FaultNone)
		fk.NoUsage, fk.EscapeSlashes = true, true
		c := client(t, fk, Config{Model: "gpt-image-1-mini", Quality: "low"})
		res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.CostUSD != 2*0.005 {
			t.Errorf("cost %v; want the per-image price ×2", res.CostUSD)
		}
	})
	t.Run("url answers", func(t *testing.T) {
		fk := newFake(t, enginetest.FaultNone)
		fk.AsURL = true
		c := client(t, fk, Config{})
		res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 2})
		if err != nil || len(res.Images) != 2 {
			t.Fatalf("%v %v", res, err)
		}
	})
	t.Run("no key for another host", func(t *testing.T) {
		if _, err := New(Config{BaseURL: "http://127.0.0.1:8080/v1"}, nil); err != nil {
			t.Errorf("a LocalAI URL without a key: %v", err)
		}
	})
}

func TestConfigErrors(t *testing.T) {
	_, err := New(ConfigFromEnv(func(string) string { return "" }), nil)
	if easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "OPENAI_API_KEY") {
		t.Errorf("missing key: %v", err)
	}
	if _, err := New(Config{APIKey: "k", Quality: "ultra"}, nil); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("bad quality: %v", err)
	}
	if _, err := New(Config{APIKey: "k", BaseURL: "api.openai.com"}, nil); easel.ErrorCode(err) != easel.ECONFIG {
		t.Errorf("bad URL: %v", err)
	}
}

func TestServiceErrors(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	tests := []struct {
		name string
		cfg  Config
		req  easel.RenderRequest
		code string
		msg  string
	}{
		{"wrong key", Config{APIKey: "sk-wrong-key-987654"}, easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1}, easel.ECONFIG, "OPENAI_API_KEY"},
		{"unknown model", Config{Model: "gpt-image-9"}, easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1}, easel.EINVALID, "gpt-image-9"},
		{"prompt too long", Config{}, easel.RenderRequest{Prompt: strings.Repeat("a", 32001), Width: 1024, Height: 1024, N: 1}, easel.EINVALID, "32000"},
		{"n over", Config{}, easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 11}, easel.EINVALID, "at most 10"},
		{"other model asked", Config{}, easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1, Model: "gpt-image-2"}, easel.EINVALID, "openai:gpt-image-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := client(t, fk, tt.cfg).Render(t.Context(), &tt.req)
			if easel.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v (%s); want %s mentioning %q", err, easel.ErrorCode(err), tt.code, tt.msg)
			}
			if err != nil && strings.Contains(err.Error(), "sk-wrong-key-987654") {
				t.Errorf("the key leaked: %v", err)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	if err := client(t, fk, Config{}).Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := client(t, fk, Config{APIKey: "sk-bad-bad-bad"}).Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG {
		t.Errorf("Check with a bad key: %v", err)
	}
}

func TestDecodeImages(t *testing.T) {
	a, b := []byte("first image \x00\xff bytes"), bytes.Repeat([]byte{1, 2, 3, 250}, 40000)
	enc := base64.StdEncoding.EncodeToString
	tests := []struct {
		name    string
		in      string
		want    [][]byte
		wantErr bool
	}{
		{"two", fmt.Sprintf(`{"data":[{"b64_json":"%s"},{"b64_json":"%s"}]}`, enc(a), enc(b)), [][]byte{a, b}, false},
		{"decoy strings", fmt.Sprintf(`{"note":"\"b64_json\": \"x\"","data":[{"revised_prompt":"b64_json","b64_json":"%s"}]}`, enc(a)), [][]byte{a}, false},
		{"wrapped lines", fmt.Sprintf(`{"data":[{"b64_json":"%s\n%s"}]}`, enc(b)[:76], enc(b)[76:]), [][]byte{b}, false},
		{"null", `{"data":[{"b64_json":null,"url":"http://x/y.png"}]}`, nil, false},
		{"truncated", fmt.Sprintf(`{"data":[{"b64_json":"%s`, enc(b)[:1000]), nil, true},
		{"bad base64", `{"data":[{"b64_json":"!!!!"}]}`, nil, true},
		{"bad escape", `{"data":[{"b64_json":"ab\u0041"}]}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A reader that hands out a few bytes at a time exercises the
			// filter's boundaries.
			_, imgs, err := decodeImages(&trickle{r: strings.NewReader(tt.in), n: 7})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v; wantErr %v", err, tt.wantErr)
			}
			if len(imgs) != len(tt.want) {
				t.Fatalf("got %d images; want %d", len(imgs), len(tt.want))
			}
			for i := range imgs {
				if !bytes.Equal(imgs[i], tt.want[i]) {
					t.Errorf("image %d differs", i)
				}
			}
		})
	}
}

type trickle struct {
	r io.Reader
	n int
}

func (t *trickle) Read(p []byte) (int, error) { return t.r.Read(p[:min(len(p), t.n)]) }

func FuzzDecodeImages(f *testing.F) {
	f.Add(`{"data":[{"b64_json":"aGVsbG8="}],"usage":{"output_tokens":1}}`)
	f.Add(`{"data":[{"b64_json":"aGVs\/bG8="},{"url":"u"}]}`)
	f.Add(`{"b64_json":{"b64_json":"b64_json"}}`)
	f.Fuzz(func(t *testing.T, in string) {
		out, imgs, err := decodeImages(strings.NewReader(in))
		if err != nil {
			return
		}
		n := 0
		for _, d := range out.Data {
			if d.B64JSON != nil {
				n++
			}
		}
		if n != len(imgs) {
			t.Fatalf("%d images for %d b64_json values", len(imgs), n)
		}
	})
}

// BenchmarkDecodeImages measures the streaming decoder on a 4-image answer
// of about 1.5 MB each.
func BenchmarkDecodeImages(b *testing.B) {
	img := bytes.Repeat([]byte("0123456789abcdefghij"), 75000)
	var buf bytes.Buffer
	buf.WriteString(`{"data":[`)
	for i := range 4 {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(&buf, `{"b64_json":"%s","revised_prompt":"x"}`, base64.StdEncoding.EncodeToString(img))
	}
	buf.WriteString(`],"usage":{"total_tokens":1}}`)
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := decodeImages(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRateLimitedThenServed checks the fake's switch that the CLI's
// end-to-end tests rely on: a 429 with the Retry-After asked for, then a
// picture.
func TestRateLimitedThenServed(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.RateLimited, fk.RetryAfter = 1, "2"
	c := client(t, fk, Config{})
	req := &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1}
	_, err := c.Render(t.Context(), req)
	if easel.ErrorCode(err) != easel.ERATELIMIT || easel.RetryAfter(err) != 2*time.Second {
		t.Fatalf("first call: %v (%s, retry after %v); want a rate limit of 2s", err, easel.ErrorCode(err), easel.RetryAfter(err))
	}
	if res, err := c.Render(t.Context(), req); err != nil || len(res.Images) != 1 {
		t.Fatalf("second call: %v", err)
	}
}
