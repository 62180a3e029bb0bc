package httpx

import (
	"bytes"
	"context"
	"errors"
	"github.com/easel-art/easel/imageio/imageiotest"
	"github.com/easel-art/easel/internal/proctest"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
)

var svc = Service{Name: "OpenAI", KeyVar: "OPENAI_API_KEY", URLVar: "OPENAI_BASE_URL", Endpoint: "http://x", Secrets: []string{"sk-secret-123"}}

func TestErrorClassification(t *testing.T) {
	h := func(kv ...string) http.Header {
		hd := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			hd.Set(kv[i], kv[i+1])
		}
		return hd
	}
	tests := []struct {
		name      string
		f         Failure
		code      string
		retry     time.Duration
		msgSubstr string
	}{
		{"bad request", Failure{Status: 400, Message: "Invalid size"}, easel.EINVALID, 0, "Invalid size"},
		{"validation", Failure{Status: 422}, easel.EINVALID, 0, "Unprocessable Entity"},
		{"unauthorized", Failure{Status: 401, Message: "Incorrect API key provided: sk-secret-123"}, easel.ECONFIG, 0, "check OPENAI_API_KEY"},
		{"forbidden", Failure{Status: 403}, easel.ECONFIG, 0, "OPENAI_API_KEY"},
		{"content policy", Failure{Status: 400, Code: "moderation_blocked", ContentPolicy: true}, easel.EPERMANENT, 0, "reword"},
		{"quota", Failure{Status: 429, Code: "insufficient_quota", Quota: true}, easel.EPERMANENT, 0, "credit"},
		{"rate limit seconds", Failure{Status: 429, Header: h("Retry-After", "7")}, easel.ERATELIMIT, 7 * time.Second, "wait 7s"},
		{"rate limit reset", Failure{Status: 429, Header: h("x-ratelimit-reset-requests", "1m30s", "x-ratelimit-reset-tokens", "12ms")}, easel.ERATELIMIT, 90 * time.Second, "1m30s"},
		{"rate limit ms", Failure{Status: 429, Header: h("Retry-After-Ms", "250", "Retry-After", "9")}, easel.ERATELIMIT, 250 * time.Millisecond, "rate limiting"},
		{"server", Failure{Status: 503, Header: h("Retry-After", "3")}, easel.EUNAVAILABLE, 3 * time.Second, "try again later"},
		{"timeout", Failure{Status: 408}, easel.EUNAVAILABLE, 0, "unavailable"},
		{"other", Failure{Status: 409}, easel.EPERMANENT, 0, "409"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := svc.Error(tt.f)
			if e.Code != tt.code {
				t.Errorf("code = %q; want %q", e.Code, tt.code)
			}
			if e.RetryAfter != tt.retry {
				t.Errorf("RetryAfter = %v; want %v", e.RetryAfter, tt.retry)
			}
			if !strings.Contains(e.Message, tt.msgSubstr) {
				t.Errorf("message %q does not contain %q", e.Message, tt.msgSubstr)
			}
			if strings.Contains(e.Message, "sk-secret-123") || strings.Contains(e.Err.Error(), "sk-secret-123") {
				t.Errorf("message leaks the key: %q", e.Message)
			}
		})
	}
}

func TestTransport(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := easel.ErrorCode(svc.Transport(ctx, "op", context.Canceled)); got != easel.ECANCELED {
		t.Errorf("cancelled: code %q; want %q", got, easel.ECANCELED)
	}
	dctx, dcancel := context.WithTimeout(context.Background(), 0)
	defer dcancel()
	err := svc.Transport(dctx, "op", context.DeadlineExceeded)
	if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(err.Error(), "in time") {
		t.Errorf("deadline: %v (%s)", err, easel.ErrorCode(err))
	}
	err = svc.Transport(context.Background(), "op", &net.OpError{Op: "dial", Err: errors.New("connection refused")})
	if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(err.Error(), "OPENAI_BASE_URL") {
		t.Errorf("dial: %v", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"7", 7 * time.Second, true},
		{"1.5", 1500 * time.Millisecond, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"Wed, 25 Nov 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Wed, 25 Nov 2026 11:00:00 GMT", 0, true},
		{"99999999999", 7 * 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"7", "1.5", "Wed, 25 Nov 2026 12:00:30 GMT", "NaN", "1e400", "-0"} {
		f.Add(s)
	}
	now := time.Unix(0, 0)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseRetryAfter(s, now)
		if d < 0 || (!ok && d != 0) {
			t.Fatalf("ParseRetryAfter(%q) = %v, %v", s, d, ok)
		}
	})
}

func TestToPNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 32, 16))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var p, j bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	got, size, err := svc.ToPNG(p.Bytes())
	if err != nil || !bytes.Equal(got, p.Bytes()) || size != image.Pt(32, 16) {
		t.Errorf("png: %v %v", size, err)
	}
	got, size, err = svc.ToPNG(j.Bytes())
	if err != nil || !bytes.HasPrefix(got, pngMagic) || size != image.Pt(32, 16) {
		t.Errorf("jpeg: %v %v", size, err)
	}
	for name, bad := range map[string][]byte{
		"truncated": p.Bytes()[:p.Len()/2],
		"garbage":   []byte("<html>oops</html>"),
		"empty":     nil,
	} {
		_, _, err := svc.ToPNG(bad)
		if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(err.Error(), "malformed image") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestBaseURL(t *testing.T) {
	u, user, pass, err := BaseURL("http://me:pw@127.0.0.1:7860/sd/", "EASEL_A1111_URL")
	if err != nil || user != "me" || pass != "pw" || u.String() != "http://127.0.0.1:7860/sd" {
		t.Fatalf("got %v %q %q %v", u, user, pass, err)
	}
	if got := Join(u, "/sdapi/v1/progress?skip_current_image=true"); got != "http://127.0.0.1:7860/sd/sdapi/v1/progress?skip_current_image=true" {
		t.Errorf("Join = %s", got)
	}
	for _, bad := range []string{"", "127.0.0.1:7860", "ftp://x", "http://"} {
		if _, _, _, err := BaseURL(bad, "V"); easel.ErrorCode(err) != easel.ECONFIG {
			t.Errorf("BaseURL(%q) err = %v; want ECONFIG", bad, err)
		}
	}
	if got := Redact("http://me:pw@h:1/"); strings.Contains(got, "pw") {
		t.Errorf("Redact leaks: %s", got)
	}
}

// TestToPNGPixelBomb: a service answering with a tiny PNG or JPEG that
// declares billions of pixels is refused before decoding, permanently (a
// retry would bring the same), in bounded memory.
func TestToPNGPixelBomb(t *testing.T) {
	rss := proctest.InChild(t, func(t *testing.T) {
		for name, bomb := range map[string][]byte{
			"png":  imageiotest.PNGBomb(100000, 100000),
			"jpeg": imageiotest.JPEGBomb(65535, 65535),
		} {
			_, _, err := svc.ToPNG(bomb)
			if easel.ErrorCode(err) != easel.EPERMANENT || !strings.Contains(err.Error(), "too large") {
				t.Errorf("%s bomb: %v (code %s)", name, err, easel.ErrorCode(err))
			}
		}
	})
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB refusing the bombs; want under 200", rss>>20)
	}
	t.Logf("peak RSS %d MB", rss>>20)
}
