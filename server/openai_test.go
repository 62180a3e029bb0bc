package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/easel-art/easel/pngmeta"
)

// openaiClient is the official client pointed at e, with token as its key.
func openaiClient(e *testEnv, token string) openai.Client {
	return openai.NewClient(
		option.WithBaseURL(e.ts.URL+"/v1/"),
		option.WithAPIKey(token),
		option.WithHTTPClient(e.ts.Client()),
		option.WithMaxRetries(0),
	)
}

// TestOpenAIClientB64 generates through the official openai-go client and
// decodes the pictures it gets back.
func TestOpenAIClientB64(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret", Rewrite: true})
	c := openaiClient(e, "s3cret")
	const idea = "a castle on a hill under a full moon"
	resp, err := c.Images.Generate(t.Context(), openai.ImageGenerateParams{
		Prompt:         idea,
		Model:          "easel",
		N:              openai.Int(2),
		Size:           "320x192",
		ResponseFormat: openai.ImageGenerateParamsResponseFormatB64JSON,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 2 {
		t.Fatalf("got %d images; want 2", len(resp.Data))
	}
	if resp.Size != "320x192" || resp.OutputFormat != "png" {
		t.Errorf("size %q, output_format %q; want 320x192, png", resp.Size, resp.OutputFormat)
	}
	for i, d := range resp.Data {
		b, err := base64.StdEncoding.DecodeString(d.B64JSON)
		if err != nil {
			t.Fatalf("image %d: %v", i, err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("image %d is not a PNG: %v", i, err)
		}
		if cfg.Width != 320 || cfg.Height != 192 {
			t.Errorf("image %d is %dx%d; want 320x192", i, cfg.Width, cfg.Height)
		}
		// revised_prompt is what easel's writer made of the idea: longer
		// than the idea and recorded in the PNG's own metadata.
		if d.RevisedPrompt == idea || !strings.Contains(strings.ToLower(d.RevisedPrompt), "castle") {
			t.Errorf("image %d revised_prompt = %q; want the written prompt", i, d.RevisedPrompt)
		}
		m, err := pngmeta.Read(b)
		if err != nil || m.Source != pngmeta.SourceEasel || m.Prompt != d.RevisedPrompt {
			t.Errorf("image %d metadata = %+v, %v; want easel's, with the revised prompt", i, m, err)
		}
		if d.URL != "" {
			t.Errorf("image %d has a url with b64_json asked", i)
		}
	}
}

// TestOpenAIClientURL asks for URLs and fetches them without the token:
// they are signed.
func TestOpenAIClientURL(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret"})
	c := openaiClient(e, "s3cret")
	resp, err := c.Images.Generate(t.Context(), openai.ImageGenerateParams{
		Prompt:         "a fox in autumn leaves",
		Size:           "256x256",
		ResponseFormat: openai.ImageGenerateParamsResponseFormatURL,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 1 || !strings.HasPrefix(resp.Data[0].URL, e.ts.URL+"/api/v1/artworks/") {
		t.Fatalf("data = %+v; want one URL on the server", resp.Data)
	}
	// Rewrite is off: the prompt went to the engine as it was.
	if resp.Data[0].RevisedPrompt != "a fox in autumn leaves" {
		t.Errorf("revised_prompt = %q; want the prompt unchanged (rewrite off)", resp.Data[0].RevisedPrompt)
	}
	res, err := e.ts.Client().Get(resp.Data[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("GET url: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	// The same URL with its signature tampered with is refused.
	bad := strings.Replace(resp.Data[0].URL, "sig=", "sig=00", 1)
	res2, err := e.ts.Client().Get(bad)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusUnauthorized {
		t.Errorf("tampered signature: %d; want 401", res2.StatusCode)
	}
}

// TestOpenAIErrors checks that bad requests fail as OpenAI's do, and that
// the official client reads easel's errors.
func TestOpenAIErrors(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret"})
	c := openaiClient(e, "wrong")
	_, err := c.Images.Generate(t.Context(), openai.ImageGenerateParams{Prompt: "a fox"})
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 {
		t.Fatalf("wrong key: %v; want a 401 openai.Error", err)
	}
	if apiErr.Type != "authentication_error" {
		t.Errorf("error type = %q; want authentication_error", apiErr.Type)
	}

	auth := []string{"Authorization", "Bearer s3cret"}
	for _, tc := range []struct {
		name, body string
		status     int
	}{
		{"no prompt", `{"prompt":""}`, 400},
		{"n too big", `{"prompt":"a fox","n":11}`, 400},
		{"n zero", `{"prompt":"a fox","n":0}`, 400},
		{"bad format", `{"prompt":"a fox","response_format":"jpeg"}`, 400},
		{"jpeg output", `{"prompt":"a fox","output_format":"jpeg"}`, 400},
		{"bad size", `{"prompt":"a fox","size":"huge"}`, 400},
		{"size too big", `{"prompt":"a fox","size":"4096x4096"}`, 400},
		{"unknown model", `{"prompt":"a fox","model":"midjourney-v7"}`, 404},
		{"not json", `prompt=a fox`, 400},
		{"two objects", `{"prompt":"a fox"}{"prompt":"a fox"}`, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, b := e.do(t, "POST", "/v1/images/generations", tc.body, auth...)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d %s; want %d", tc.body, res.StatusCode, b, tc.status)
			}
			var eb ErrorBody
			if err := json.Unmarshal(b, &eb); err != nil || eb.Error.Message == "" || eb.Error.Type != "invalid_request_error" {
				t.Errorf("error body %s; want an OpenAI error with a message", b)
			}
		})
	}
	// Fields easel does not use are accepted, as OpenAI clients send them.
	res, b := e.do(t, "POST", "/v1/images/generations",
		`{"prompt":"a fox","size":"128x128","quality":"high","background":"auto","moderation":"low","user":"u1","style":"vivid"}`, auth...)
	if res.StatusCode != 200 {
		t.Errorf("extra OpenAI fields: %d %s", res.StatusCode, b)
	}
}

// TestOpenAIModelNames checks that a script written for OpenAI works by
// changing only its base URL: OpenAI's own image models mean easel's
// default engine.
func TestOpenAIModelNames(t *testing.T) {
	e := newTestEnv(t, Options{})
	c := openaiClient(e, "unused")
	for _, model := range []string{"gpt-image-1", "dall-e-3", "gpt-image-1.5"} {
		resp, err := c.Images.Generate(t.Context(), openai.ImageGenerateParams{Prompt: "a fox in the snow", Model: model, Size: "128x128"})
		if err != nil {
			t.Fatalf("model %s: %v", model, err)
		}
		if len(resp.Data) != 1 || resp.Data[0].B64JSON == "" {
			t.Fatalf("model %s: %d images", model, len(resp.Data))
		}
		m, err := pngmeta.Read(mustB64(t, resp.Data[0].B64JSON))
		if err != nil || m.Model != "canvas" {
			t.Errorf("model %s drew with %q (%v); want the default engine, the canvas", model, m.Model, err)
		}
	}
	s := &Server{opts: Options{Engine: "openai"}}
	if spec, err := s.modelEngine("gpt-image-1-mini"); err != nil || spec != "openai:gpt-image-1-mini" {
		t.Errorf("on an openai server, gpt-image-1-mini = %q, %v; want that model", spec, err)
	}
}

func mustB64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenAIModels(t *testing.T) {
	e := newTestEnv(t, Options{})
	c := openaiClient(e, "unused")
	page, err := c.Models.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range page.Data {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "easel,builtin" {
		t.Errorf("models = %v; want easel, builtin", ids)
	}
}
