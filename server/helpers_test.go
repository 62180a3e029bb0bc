package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/store/sqlite"
)

// testEnv is a server on the real gallery, built-in writer and canvas.
type testEnv struct {
	srv *Server
	ts  *httptest.Server
	gal *sqlite.DB
	// auth is sent by do unless a test gives its own Authorization.
	auth string
}

// newTestEnv starts a server; deps and opts may adjust the defaults.
func newTestEnv(t testing.TB, opts Options, adjust ...func(*Deps)) *testEnv {
	t.Helper()
	gal, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { gal.Close() })
	deps := Deps{
		Gallery: gal,
		Writer: func(spec string) (easel.PromptWriter, error) {
			if spec != "builtin" {
				return nil, easel.Errorf(easel.EINVALID, "unknown prompt writer %q", spec)
			}
			return builtin.New(), nil
		},
		Engine: func(spec string) (easel.Engine, string, error) {
			name, model, _ := strings.Cut(spec, ":")
			if name != "builtin" {
				return nil, "", easel.Errorf(easel.EINVALID, "unknown engine %q", name)
			}
			return canvas.New(), model, nil
		},
		Engines: []string{"builtin"},
		LLMs:    []string{"builtin"},
	}
	for _, f := range adjust {
		f(&deps)
	}
	srv, err := New(deps, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		srv.Close()
	})
	e := &testEnv{srv: srv, ts: ts, gal: gal}
	if opts.Token != "" {
		e.auth = "Bearer " + opts.Token
	}
	return e
}

// do sends a request with a JSON body (v may be a string of raw JSON or
// nil) and returns the response and its body.
func (e *testEnv) do(t testing.TB, method, path string, v any, header ...string) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	switch b := v.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		js, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(js)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, e.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if e.auth != "" {
		req.Header.Set("Authorization", e.auth)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// errorCode decodes an error body's code.
func errorCode(t testing.TB, b []byte) string {
	t.Helper()
	var eb ErrorBody
	if err := json.Unmarshal(b, &eb); err != nil {
		t.Fatalf("error body %q: %v", b, err)
	}
	return eb.Error.Code
}

// seedJob runs a job to its end and returns it; it must succeed.
func seedJob(t testing.TB, e *testEnv, body string) JobView {
	t.Helper()
	res, b := e.do(t, "POST", "/api/v1/jobs", body)
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("POST /api/v1/jobs %s: %d %s", body, res.StatusCode, b)
	}
	var jv JobView
	if err := json.Unmarshal(b, &jv); err != nil {
		t.Fatal(err)
	}
	jv = waitJob(t, e, jv.ID)
	if jv.State != StateDone {
		t.Fatalf("job %s ended %s: %+v", body, jv.State, jv.Error)
	}
	return jv
}

// waitJob follows a job's event stream to its end and returns the job.
func waitJob(t testing.TB, e *testEnv, id string) JobView {
	t.Helper()
	e.do(t, "GET", "/api/v1/jobs/"+id+"/events", nil) // returns after "done"
	_, b := e.do(t, "GET", "/api/v1/jobs/"+id, nil)
	var jv JobView
	if err := json.Unmarshal(b, &jv); err != nil {
		t.Fatal(err)
	}
	return jv
}
