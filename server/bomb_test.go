package server

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/a1111"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/imageio/imageiotest"
	"github.com/easel-art/easel/internal/proctest"
)

// The pixel bomb (a 193-byte PNG declaring 100000×100000 pixels) through
// the server's two decode paths: a gallery file asked for as a thumbnail,
// and an engine's reply. Each runs in a child process whose peak memory is
// measured; the server must refuse the picture and go on answering.

func TestThumbnailPixelBomb(t *testing.T) {
	rss := proctest.InChild(t, func(t *testing.T) {
		e := newTestEnv(t, Options{})
		art := seedJob(t, e, `{"idea":"a beach sunset","size":"640x320"}`).Artworks[0]
		a, err := e.gal.Get(t.Context(), art.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(a.Path, imageiotest.PNGBomb(100000, 100000), 0o644); err != nil {
			t.Fatal(err)
		}
		res, b := e.do(t, "GET", art.ThumbURL, nil)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "megapixel budget") {
			t.Errorf("thumbnail of the bomb: %d %s", res.StatusCode, b)
		}
		if res, b := e.do(t, "GET", "/api/v1/artworks", nil); res.StatusCode != http.StatusOK {
			t.Errorf("after the bomb, the gallery: %d %s", res.StatusCode, b)
		}
	})
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB; want under 200", rss>>20)
	}
	t.Logf("peak RSS %d MB", rss>>20)
}

// fakeA1111Bomb answers txt2img with the bomb, as a hostile or broken
// AUTOMATIC1111 could.
func fakeA1111Bomb(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /sdapi/v1/txt2img", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{
			"images":     []string{base64.StdEncoding.EncodeToString(imageiotest.PNGBomb(100000, 100000))},
			"parameters": map[string]any{},
			"info":       `{"seed":1,"all_seeds":[1]}`,
		})
	})
	mux.HandleFunc("GET /sdapi/v1/progress", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"progress":0,"eta_relative":0,"state":{}}`))
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func TestEngineReplyPixelBomb(t *testing.T) {
	rss := proctest.InChild(t, func(t *testing.T) {
		fake := fakeA1111Bomb(t)
		e := newTestEnv(t, Options{}, func(d *Deps) {
			d.Engines = []string{"builtin", "a1111"}
			d.Engine = func(spec string) (easel.Engine, string, error) {
				name, model, _ := strings.Cut(spec, ":")
				if name == "a1111" {
					c, err := a1111.New(a1111.Config{URL: fake.URL}, fake.Client())
					return c, model, err
				}
				return canvas.New(), model, nil
			}
		})
		res, b := e.do(t, "POST", "/api/v1/jobs", `{"idea":"a fox","engine":"a1111","size":"512x512"}`)
		if res.StatusCode != http.StatusAccepted {
			t.Fatalf("POST: %d %s", res.StatusCode, b)
		}
		var jv JobView
		json.Unmarshal(b, &jv)
		jv = waitJob(t, e, jv.ID)
		if jv.State != StateFailed || jv.Error == nil || !strings.Contains(jv.Error.Message, "too large") {
			t.Errorf("job on the bomb: %s %+v", jv.State, jv.Error)
		}
		seedJob(t, e, `{"idea":"a beach sunset","size":"256x256"}`) // still working
	})
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB; want under 200", rss>>20)
	}
	t.Logf("peak RSS %d MB", rss>>20)
}
