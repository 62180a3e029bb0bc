package llmtest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"
)

// recorder stands in for the test a fake reports to, so a test can send
// requests the fake must reject and check that it did.
type recorder struct {
	testing.TB
	rejected []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.rejected = append(r.rejected, fmt.Sprintf(format, args...))
}
func (r *recorder) Helper() {}

func tinyPNG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func postJSON(t *testing.T, url string, body any, header ...string) (int, string) {
	t.Helper()
	js, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(js))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestFakesCheckImages sends each fake a good picture and malformed ones
// (wrong media type, missing base64, too large, bytes that are not the
// type declared): the good one reaches the reply script with its bytes,
// the others get the service's 400 and count as rejected requests.
func TestFakesCheckImages(t *testing.T) {
	good := tinyPNG(t)
	b64 := base64.StdEncoding.EncodeToString(good)
	big := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0}, AnthropicMaxImage))
	bigOpenAI := base64.StdEncoding.EncodeToString(append(append([]byte{}, good...), bytes.Repeat([]byte{0}, OpenAIMaxImage)...))

	t.Run("Anthropic", func(t *testing.T) {
		rec := &recorder{TB: t}
		a := NewAnthropic(rec, "k")
		h := []string{"anthropic-version", AnthropicVersion, "Authorization", "Bearer k"}
		msg := func(src map[string]any) map[string]any {
			return map[string]any{"model": "claude-x", "max_tokens": 100, "messages": []any{map[string]any{"role": "user", "content": []any{
				map[string]any{"type": "image", "source": src}, map[string]any{"type": "text", "text": "describe"}}}}}
		}
		st, body := postJSON(t, a.BaseURL()+"/v1/messages", msg(map[string]any{"type": "base64", "media_type": "image/png", "data": b64}), h...)
		if st != 200 || len(rec.rejected) != 0 {
			t.Fatalf("good image: %d %s %v", st, body, rec.rejected)
		}
		if imgs := a.LastCall().Messages[0].Images; len(imgs) != 1 || !bytes.Equal(imgs[0].Data, good) {
			t.Errorf("the fake recorded %d images", len(imgs))
		}
		for _, c := range []struct {
			src  map[string]any
			want string
		}{
			{map[string]any{"type": "base64", "media_type": "image/bmp", "data": b64}, "media_type: Input should be"},
			{map[string]any{"type": "base64", "media_type": "image/png"}, "data: Field required"},
			{map[string]any{"type": "base64", "media_type": "image/png", "data": big}, "image exceeds 5 MB maximum"},
			{map[string]any{"type": "base64", "media_type": "image/jpeg", "data": b64}, "appears to be a image/png image"},
			{map[string]any{"type": "base64", "media_type": "image/png", "data": "%%%"}, "invalid base64"},
		} {
			n := len(rec.rejected)
			st, body := postJSON(t, a.BaseURL()+"/v1/messages", msg(c.src), h...)
			if st != 400 || !strings.Contains(body, c.want) || len(rec.rejected) != n+1 {
				t.Errorf("%v: %d %s; want 400 naming %q, counted as rejected", c.src["media_type"], st, body, c.want)
			}
		}
	})
	t.Run("OpenAI", func(t *testing.T) {
		rec := &recorder{TB: t}
		o := NewOpenAI(rec, "k")
		o.Models = append(o.Models, "gpt-x")
		msg := func(part map[string]any) map[string]any {
			return map[string]any{"model": "gpt-x", "messages": []any{map[string]any{"role": "user", "content": []any{
				map[string]any{"type": "text", "text": "describe"}, part}}}}
		}
		img := func(url string) map[string]any {
			return map[string]any{"type": "image_url", "image_url": map[string]any{"url": url}}
		}
		st, body := postJSON(t, o.BaseURL()+"/chat/completions", msg(img("data:image/png;base64,"+b64)), "Authorization", "Bearer k")
		if st != 200 || len(rec.rejected) != 0 {
			t.Fatalf("good image: %d %s %v", st, body, rec.rejected)
		}
		if imgs := o.LastCall().Messages[0].Images; len(imgs) != 1 || !bytes.Equal(imgs[0].Data, good) {
			t.Errorf("the fake recorded %d images", len(imgs))
		}
		for _, c := range []struct {
			part map[string]any
			want string
		}{
			{img("data:text/plain;base64," + b64), "Only image types"},
			{img("data:image/png;base64,"), "Invalid base64"},
			{map[string]any{"type": "image_url", "image_url": map[string]any{}}, "image_url.url"},
			{img("data:image/png;base64," + bigOpenAI), "too large"},
			{img("data:image/png;base64,not-base64!"), "Invalid base64"},
		} {
			n := len(rec.rejected)
			st, body := postJSON(t, o.BaseURL()+"/chat/completions", msg(c.part), "Authorization", "Bearer k")
			if st != 400 || !strings.Contains(body, c.want) || len(rec.rejected) != n+1 {
				t.Errorf("%.60v: %d %.200s; want 400 naming %q, counted as rejected", c.part, st, body, c.want)
			}
		}
	})
	t.Run("Ollama", func(t *testing.T) {
		rec := &recorder{TB: t}
		o := NewOllama(rec)
		msg := func(images []any) map[string]any {
			return map[string]any{"model": "llava", "stream": false, "messages": []any{map[string]any{"role": "user", "content": "describe", "images": images}}}
		}
		st, body := postJSON(t, o.BaseURL()+"/api/chat", msg([]any{b64}))
		if st != 200 || len(rec.rejected) != 0 {
			t.Fatalf("good image: %d %s %v", st, body, rec.rejected)
		}
		for _, c := range []struct {
			images []any
			want   string
		}{
			{[]any{"data:image/png;base64," + b64}, "illegal base64 data at input byte 4"},
			{[]any{base64.StdEncoding.EncodeToString([]byte("not a picture"))}, "unsupported image format"},
		} {
			n := len(rec.rejected)
			st, body := postJSON(t, o.BaseURL()+"/api/chat", msg(c.images))
			if st != 400 || !strings.Contains(body, c.want) || len(rec.rejected) != n+1 {
				t.Errorf("%.40v: %d %s; want 400 naming %q, counted as rejected", c.images, st, body, c.want)
			}
		}
	})
}
