package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func TestCheckListen(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		code        string // "" for no error
	}{
		{"127.0.0.1:8420", "", ""},
		{"localhost:8420", "", ""},
		{"[::1]:8420", "", ""},
		{"127.0.0.2:0", "", ""},
		{"0.0.0.0:8420", "", easel.ECONFIG},
		{":8420", "", easel.ECONFIG},
		{"[::]:8420", "", easel.ECONFIG},
		{"192.168.1.5:8420", "", easel.ECONFIG},
		{"example.com:8420", "", easel.ECONFIG},
		{"0.0.0.0:8420", "t0ken", ""},
		{"8420", "", easel.EINVALID},
	} {
		err := CheckListen(tc.addr, tc.token)
		if got := easel.ErrorCode(err); got != tc.code {
			t.Errorf("CheckListen(%q, %q) = %v; want code %q", tc.addr, tc.token, err, tc.code)
		}
	}
}

// TestTokenRequired checks that with a token every API call needs it,
// the studio's own files do not, and image URLs need their signature.
func TestTokenRequired(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret"})
	jv := seedJob(t, e, `{"idea":"a lighthouse","size":"128x128"}`)
	id := jv.Artworks[0].ID
	for _, tc := range []struct {
		method, path, body string
		public             bool
	}{
		{"GET", "/", "", true},
		{"GET", "/assets/app.js", "", true},
		{"GET", "/api/v1/info", "", false},
		{"GET", "/api/v1/openapi.json", "", false},
		{"GET", "/api/v1/artworks", "", false},
		{"GET", "/api/v1/artworks/" + id, "", false},
		{"GET", "/api/v1/artworks/" + id + "/image", "", false},
		{"DELETE", "/api/v1/artworks/" + id, "", false},
		{"POST", "/api/v1/jobs", `{"idea":"a fox","size":"64x64"}`, false},
		{"POST", "/api/v1/prompts", `{"idea":"a fox"}`, false},
		{"POST", "/api/v1/tokens", `{"text":"a fox"}`, false},
		{"GET", "/v1/models", "", false},
		{"POST", "/v1/images/generations", `{"prompt":"a fox","size":"64x64"}`, false},
		{"GET", "/api/v1/nothing-here", "", false},
	} {
		for _, auth := range []string{"", "Bearer wrong", "Basic czNjcmV0", "Bearer s3cret2", "bearer  s3cret"} {
			var body any
			if tc.body != "" {
				body = tc.body
			}
			res, b := e.do(t, tc.method, tc.path, body, "Authorization", auth)
			ok := auth == "bearer  s3cret" // scheme is case-insensitive, spaces trimmed
			switch {
			case tc.public && res.StatusCode != 200:
				t.Errorf("%s %s (%q): %d; the studio's files are public", tc.method, tc.path, auth, res.StatusCode)
			case !tc.public && !ok && res.StatusCode != 401:
				t.Errorf("%s %s (%q): %d %s; want 401", tc.method, tc.path, auth, res.StatusCode, b)
			case !tc.public && ok && res.StatusCode == 401:
				t.Errorf("%s %s with the token: 401", tc.method, tc.path)
			}
		}
	}
	// The view's signed URL works without the header; another id's does not.
	res, _ := e.do(t, "GET", jv.Artworks[0].ImageURL, nil, "Authorization", "")
	if res.StatusCode != 200 && res.StatusCode != 404 { // 404: deleted above
		t.Errorf("signed image URL: %d", res.StatusCode)
	}
	sig := jv.Artworks[0].ImageURL[strings.Index(jv.Artworks[0].ImageURL, "?"):]
	res, _ = e.do(t, "GET", "/api/v1/artworks/0123456789abcdef/image"+sig, nil, "Authorization", "")
	if res.StatusCode != 401 {
		t.Errorf("a signature used for another id: %d; want 401", res.StatusCode)
	}
}

// TestLocalOnlyHost checks the DNS-rebinding guard: without a token, only
// loopback Host names are served.
func TestLocalOnlyHost(t *testing.T) {
	e := newTestEnv(t, Options{LocalOnly: true})
	for host, want := range map[string]int{
		"127.0.0.1:8420":     200,
		"localhost:8420":     200,
		"LOCALHOST":          200,
		"[::1]:8420":         200,
		"evil.example:8420":  403,
		"127.0.0.1.nip.io":   403,
		"192.168.0.10:8420":  403,
		"localhost.evil.com": 403,
	} {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", e.ts.URL+"/api/v1/info", nil)
		req.Host = host
		res, err := e.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %q: %d; want %d", host, res.StatusCode, want)
		}
	}
}

// TestCrossSite checks that another site's page cannot act through the
// visitor's browser: forms cannot send JSON, and cross-origin fetches are
// refused by origin.
func TestCrossSite(t *testing.T) {
	e := newTestEnv(t, Options{LocalOnly: true})
	for _, tc := range []struct {
		name   string
		ct     string
		header []string
		want   int
	}{
		{"form post", "application/x-www-form-urlencoded", nil, 415},
		{"multipart form", "multipart/form-data; boundary=x", nil, 415},
		{"text/plain form", "text/plain", nil, 415},
		{"no content type", "", nil, 415},
		{"cross-site fetch", "application/json", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"other origin", "application/json", []string{"Origin", "https://evil.example"}, 403},
		{"same origin", "application/json", []string{"Sec-Fetch-Site", "same-origin"}, 200},
		{"no browser", "application/json", nil, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(t.Context(), "POST", e.ts.URL+"/api/v1/tokens", strings.NewReader(`{"text":"a fox"}`))
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			for i := 0; i+1 < len(tc.header); i += 2 {
				req.Header.Set(tc.header[i], tc.header[i+1])
			}
			res, err := e.ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Errorf("%d %s; want %d", res.StatusCode, b, tc.want)
			}
		})
	}
}

// TestBodyLimits checks that JSON bodies over 1 MiB and PNGs over 32 MiB
// are refused with 413, whether or not they announce their length.
func TestBodyLimits(t *testing.T) {
	e := newTestEnv(t, Options{})
	bigJSON := `{"text":"` + strings.Repeat("a", maxJSONBody) + `"}`
	for _, tc := range []struct {
		name, path, ct string
		body           func() io.Reader
		chunked        bool
		want           int
	}{
		{"json with length", "/api/v1/tokens", "application/json", func() io.Reader { return strings.NewReader(bigJSON) }, false, 413},
		{"json chunked", "/api/v1/tokens", "application/json", func() io.Reader { return strings.NewReader(bigJSON) }, true, 413},
		{"json job", "/api/v1/jobs", "application/json", func() io.Reader { return strings.NewReader(`{"idea":"` + strings.Repeat("b", maxJSONBody) + `"}`) }, true, 413},
		{"openai", "/v1/images/generations", "application/json", func() io.Reader { return strings.NewReader(`{"prompt":"` + strings.Repeat("c", maxJSONBody) + `"}`) }, true, 413},
		{"png chunked", "/api/v1/inspect", "image/png", func() io.Reader { return io.LimitReader(zeros{}, maxPNGBody+1) }, true, 413},
		{"png with length", "/api/v1/inspect", "image/png", func() io.Reader { return bytes.NewReader(make([]byte, maxPNGBody+1)) }, false, 413},
		{"json at the limit is read", "/api/v1/tokens", "application/json", func() io.Reader {
			return strings.NewReader(`{"text":"` + strings.Repeat("d ", (maxJSONBody-20)/2) + `"}`)
		}, false, 400}, // under the byte limit, over the text limit: a 400 shows it was read
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body()
			if tc.chunked {
				body = io.MultiReader(body) // hides the length: sent chunked
			}
			req, _ := http.NewRequestWithContext(t.Context(), "POST", e.ts.URL+tc.path, body)
			req.Header.Set("Content-Type", tc.ct)
			res, err := e.ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Fatalf("%d %.200s; want %d", res.StatusCode, b, tc.want)
			}
			if tc.want == 413 && errorCode(t, b) != errTooLarge {
				t.Errorf("code %q; want %q", errorCode(t, b), errTooLarge)
			}
		})
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestTraversal tries to reach files outside the gallery and the studio
// through every route that names one.
func TestTraversal(t *testing.T) {
	e := newTestEnv(t, Options{LocalOnly: true})
	// A secret beside the gallery, and one at a known absolute path.
	secret := filepath.Join(filepath.Dir(e.gal.Dir()), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP-SECRET"), 0o600); err != nil {
		t.Fatal(err)
	}
	jv := seedJob(t, e, `{"idea":"a lighthouse","size":"128x128"}`)
	id := jv.Artworks[0].ID
	paths := []string{
		"/api/v1/artworks/../../../../etc/passwd/image",
		"/api/v1/artworks/..%2f..%2f..%2fetc%2fpasswd/image",
		"/api/v1/artworks/%2e%2e%2fsecret.txt/image",
		"/api/v1/artworks/" + id + "%2f..%2f..%2fsecret.txt/image",
		"/api/v1/artworks/" + id + "/..%2f..%2fsecret.txt",
		"/api/v1/artworks/%2fetc%2fpasswd/image",
		"/api/v1/artworks/" + id + "%00/image",
		"/api/v1/artworks/" + strings.Repeat("a", 65) + "/image",
		"/assets/../../server/server.go",
		"/assets/..%2f..%2fserver%2fserver.go",
		"/assets/%2e%2e/web.go",
		"/assets/.hidden",
		"/assets//etc/passwd",
		"/assets/static/index.html",
		"/assets/../web.go",
		"/..%2fgo.mod",
		"/static/index.html",
		"/web.go",
	}
	for _, p := range paths {
		req, err := http.NewRequestWithContext(t.Context(), "GET", e.ts.URL+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = p // send the path exactly, without client-side cleaning
		res, err := e.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if bytes.Contains(b, []byte("TOP-SECRET")) || bytes.Contains(b, []byte("root:")) || bytes.Contains(b, []byte("package ")) || bytes.Contains(b, []byte("module ")) {
			t.Errorf("GET %s leaked a file: %d %.80q", p, res.StatusCode, b)
		}
		if res.StatusCode == 200 && res.Header.Get("Content-Type") == "image/png" {
			t.Errorf("GET %s served an image", p)
		}
	}
	// A tampered gallery record is not served either: its path is never
	// opened, and a digest that is not one never becomes a path.
	a, err := e.gal.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	a.Path = secret
	a.SHA256 = "../../../../../../../../etc/passwd"
	e.srv.deps.Gallery = pathGallery{Gallery: e.gal, art: a}
	res, b := e.do(t, "GET", "/api/v1/artworks/"+id+"/image", nil)
	if res.StatusCode != 404 || bytes.Contains(b, []byte("TOP-SECRET")) {
		t.Errorf("record pointing outside the gallery: %d %q; want 404", res.StatusCode, b)
	}
}

// pathGallery returns art for its id, with whatever Path it was given.
type pathGallery struct {
	easel.Gallery
	art *easel.Artwork
}

func (g pathGallery) Get(ctx context.Context, id string) (*easel.Artwork, error) {
	if id == g.art.ID {
		c := *g.art
		return &c, nil
	}
	return g.Gallery.Get(ctx, id)
}

// TestNoSecretsInErrors checks that an unexpected error (which may hold a
// key, a URL with credentials or a path) never reaches the response.
func TestNoSecretsInErrors(t *testing.T) {
	const key = "sk-live-DO-NOT-LEAK"
	e := newTestEnv(t, Options{}, func(d *Deps) {
		next := d.Engine
		d.Engines = []string{"builtin", "leaky"}
		d.Engine = func(spec string) (easel.Engine, string, error) {
			if spec == "leaky" {
				return leakyEngine{}, "", nil
			}
			return next(spec)
		}
	})
	for _, path := range []string{"/api/v1/jobs", "/v1/images/generations"} {
		body := `{"idea":"a fox","engine":"leaky","size":"64x64"}`
		if strings.HasPrefix(path, "/v1/") {
			body = `{"prompt":"a fox","model":"leaky","size":"64x64"}`
		}
		res, b := e.do(t, "POST", path, body)
		if strings.HasPrefix(path, "/api/") {
			var jv JobView
			json.Unmarshal(b, &jv)
			waitJob(t, e, jv.ID)
			res, b = e.do(t, "GET", "/api/v1/jobs/"+jv.ID, nil)
			_, events := e.do(t, "GET", "/api/v1/jobs/"+jv.ID+"/events", nil)
			b = append(b, events...)
		}
		if bytes.Contains(b, []byte(key)) || bytes.Contains(b, []byte("user:pass")) {
			t.Errorf("%s: %d: the response holds the secret: %s", path, res.StatusCode, b)
		}
		if !bytes.Contains(b, []byte("internal error")) {
			t.Errorf("%s: %s; want a generic internal error", path, b)
		}
	}
	_, info := e.do(t, "GET", "/api/v1/info", nil)
	if bytes.Contains(info, []byte(key)) {
		t.Errorf("info holds the key: %s", info)
	}
}

// leakyEngine fails with an error that carries secrets, as a careless
// HTTP client's error might.
type leakyEngine struct{}

func (leakyEngine) Name() string { return "leaky" }
func (leakyEngine) Capabilities() easel.Capabilities {
	return easel.Capabilities{Dialect: easel.DialectNatural, MaxN: 1}
}
func (leakyEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	return nil, fmt.Errorf("post https://user:pass@api.example/v1 with key sk-live-DO-NOT-LEAK: %w", net.ErrClosed)
}

// TestSSEFormat reads a job's stream as a browser would: every event has
// an id, a type and one line of JSON; "done" comes last; a reconnect
// with Last-Event-ID resumes after it.
func TestSSEFormat(t *testing.T) {
	e := newTestEnv(t, Options{})
	// A fixed seed: the event list holds no note, so the pictures must not
	// depend on a random draw of the variations.
	res, b := e.do(t, "POST", "/api/v1/jobs", `{"idea":"a beach sunset","size":"96x96","n":2,"variations":2,"seed":1}`)
	if res.StatusCode != 202 {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	var jv JobView
	json.Unmarshal(b, &jv)
	res, b = e.do(t, "GET", jv.EventsURL, nil)
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	type ev struct{ id, typ, data string }
	var evs []ev
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	var cur ev
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			evs = append(evs, cur)
			cur = ev{}
		case strings.HasPrefix(line, "id: "):
			cur.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			cur.typ = line[7:]
		case strings.HasPrefix(line, "data: "):
			if cur.data != "" {
				t.Errorf("event %s has two data lines", cur.id)
			}
			cur.data = line[6:]
		}
	}
	var types []string
	for i, e := range evs {
		if e.id != fmt.Sprint(i) || !json.Valid([]byte(e.data)) {
			t.Errorf("event %d = %+v", i, e)
		}
		types = append(types, e.typ)
	}
	got := strings.Join(types, ",")
	want := "state,prompt,progress,progress,artwork,artwork,prompt,progress,progress,artwork,artwork,done"
	if got != want {
		t.Errorf("events:\n got %s\nwant %s", got, want)
	}
	var done JobView
	json.Unmarshal([]byte(evs[len(evs)-1].data), &done)
	if done.State != StateDone || len(done.Artworks) != 4 {
		t.Errorf("done = %+v; want done with 4 artworks", done)
	}
	// Resuming after the 10th event gives the last two.
	_, b = e.do(t, "GET", jv.EventsURL, nil, "Last-Event-ID", "9")
	if n := strings.Count(string(b), "\nevent: "); n != 2 || !strings.HasPrefix(string(b), "id: 10\n") {
		t.Errorf("resume after 9: %d events, %.40q", n, b)
	}
}
