package a1111

import (
	"strings"
	"sync"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
)

func TestConformance(t *testing.T) {
	var fakes sync.Map
	open := func(t *testing.T, f enginetest.Fault) easel.Engine {
		if f == enginetest.FaultContentPolicy {
			t.Skip("AUTOMATIC1111 has no content policy")
		}
		fk := newFake(t, f)
		fk.User, fk.Pass = "artist", "s3cret-pass"
		c := client(t, fk, Config{})
		fakes.Store(c, fk)
		return c
	}
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return open(t, enginetest.FaultNone) },
		enginetest.WithFaults(open),
		enginetest.WithRequests(func(e easel.Engine) int {
			fk, _ := fakes.Load(e)
			return fk.(*a1111test.Server).Requests()
		}),
		enginetest.WithSecret("s3cret-pass"),
	)
}

func TestRender(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Grid = true
	c := client(t, fk, Config{Model: "sd_xl_base_1.0.safetensors"})
	if c.Capabilities().Dialect != easel.DialectSDXL {
		t.Errorf("dialect %q; want sdxl for an XL checkpoint", c.Capabilities().Dialect)
	}
	var seen []float64
	req := &easel.RenderRequest{
		Prompt: "(a beach:1.2), sunset", Negative: "blurry", Seed: 100, Width: 1000, Height: 700, N: 2,
		Steps: 30, CFGScale: 5.5, Sampler: "Euler a", Progress: func(f float64) { seen = append(seen, f) },
	}
	res, err := c.Render(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	body := fk.Bodies()[0]
	want := map[string]any{
		"prompt": "(a beach:1.2), sunset", "negative_prompt": "blurry", "seed": 100.0, "steps": 30.0,
		"cfg_scale": 5.5, "sampler_name": "Euler a", "scheduler": "Automatic", "width": 1000.0, "height": 704.0,
		"batch_size": 2.0,
	}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("sent %s = %v; want %v", k, body[k], v)
		}
	}
	if o, _ := body["override_settings"].(map[string]any); o["sd_model_checkpoint"] != "sd_xl_base_1.0.safetensors" {
		t.Errorf("override_settings = %v", body["override_settings"])
	}
	if len(res.Images) != 2 {
		t.Fatalf("%d images; want 2 (the grid dropped)", len(res.Images))
	}
	for i, im := range res.Images {
		if im.Seed != 100+int64(i) {
			t.Errorf("image %d seed %d", i, im.Seed)
		}
		if !strings.HasPrefix(im.Info, "(a beach:1.2), sunset\nNegative prompt: blurry\nSteps: 30, Sampler: Euler a") ||
			!strings.Contains(im.Info, "Seed: "+map[int]string{0: "100", 1: "101"}[i]) {
			t.Errorf("image %d infotext %q", i, im.Info)
		}
	}
	if res.Model != "sd_xl_base_1.0" || res.Steps != 30 || res.CFGScale != 5.5 || res.Sampler != "Euler a" {
		t.Errorf("result %+v", res)
	}
	if res.Width != 1000 || res.Height != 704 || len(res.Notes) != 1 {
		t.Errorf("size %dx%d notes %q", res.Width, res.Height, res.Notes)
	}
	if len(seen) < 2 || seen[len(seen)-1] != 1 {
		t.Errorf("progress %v; want some steps, then 1", seen)
	}
}

func TestSetupErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(fk *a1111test.Server)
		url   func(fk *a1111test.Server) string
		req   easel.RenderRequest
		code  string
		msg   string
	}{
		{"no --api", func(fk *a1111test.Server) { fk.NoAPI = true }, nil, easel.RenderRequest{}, easel.ECONFIG, "--api"},
		{"wrong password", func(fk *a1111test.Server) { fk.User, fk.Pass = "u", "right" },
			func(fk *a1111test.Server) string { return fk.URLWith("u", "wrong-pass") },
			easel.RenderRequest{}, easel.ECONFIG, "EASEL_A1111_URL"},
		{"no password", func(fk *a1111test.Server) { fk.User, fk.Pass = "u", "right" },
			func(fk *a1111test.Server) string { return strings.Replace(fk.Addr(), "http://", "http://@", 1) },
			easel.RenderRequest{}, easel.ECONFIG, "EASEL_A1111_URL"},
		{"unknown sampler", nil, nil, easel.RenderRequest{Sampler: "Heun++ 9"}, easel.EINVALID, "Sampler not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fk := newFake(t, enginetest.FaultNone)
			if tt.setup != nil {
				tt.setup(fk)
			}
			cfg := Config{}
			if tt.url != nil {
				cfg.URL = tt.url(fk)
			}
			c, err := New(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.url == nil {
				c = client(t, fk, cfg)
			}
			req := tt.req
			req.Prompt, req.Width, req.Height, req.N = "a fox", 512, 512, 1
			_, err = c.Render(t.Context(), &req)
			if easel.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v (%s); want %s mentioning %q", err, easel.ErrorCode(err), tt.code, tt.msg)
			}
			if err != nil && strings.Contains(err.Error(), "wrong-pass") {
				t.Errorf("password leaked: %v", err)
			}
			if tt.code == easel.ECONFIG {
				if err := c.Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG {
					t.Errorf("Check: %v; want ECONFIG", err)
				}
			}
		})
	}
}

func TestUnreachable(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	url := fk.Addr()
	fk.Close()
	c, _ := New(Config{URL: url}, nil)
	err := c.Check(t.Context())
	if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(err.Error(), "EASEL_A1111_URL") {
		t.Errorf("Check on a closed port: %v", err)
	}
}

func TestParseInfo(t *testing.T) {
	in, err := ParseInfo(`{"prompt":"p","all_seeds":[1,2],"infotexts":["a","b"],"index_of_first_image":1,"sd_model_name":"m","cfg_scale":7.5,"steps":20,"extra_generation_params":{"Schedule type":"Karras"}}`)
	if err != nil || in.Prompt != "p" || len(in.AllSeeds) != 2 || in.IndexOfFirstImage != 1 || in.CFGScale != 7.5 {
		t.Errorf("ParseInfo = %+v, %v", in, err)
	}
	if _, err := ParseInfo(`not json`); err == nil {
		t.Error("bad info accepted")
	}
}

func FuzzParseInfo(f *testing.F) {
	f.Add(`{"prompt":"p","all_seeds":[1,2],"infotexts":["a","b"]}`)
	f.Add(`{"seed":-1,"index_of_first_image":99}`)
	f.Fuzz(func(t *testing.T, s string) {
		ParseInfo(s)
	})
}

func TestErrorMessage(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"error":"HTTPException","detail":"Sampler not found","body":"","errors":""}`, "HTTPException: Sampler not found"},
		{`{"detail":[{"loc":["body","width"],"msg":"value is not a valid integer","type":"type_error.integer"}]}`, "body.width: value is not a valid integer"},
		{`{"error":"OutOfMemoryError","detail":"","body":"","errors":"CUDA out of memory."}`, "OutOfMemoryError: CUDA out of memory."},
		{`<html>`, ""},
	}
	for _, tt := range tests {
		if got := errorMessage([]byte(tt.body)); got != tt.want {
			t.Errorf("errorMessage(%s) = %q; want %q", tt.body, got, tt.want)
		}
	}
}
