package server

import (
	"io"
	"net/http"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pngmeta"
	"github.com/easel-art/easel/verb"
)

// ImagesRequest is OpenAI's image generation request, as easel reads it.
// Fields OpenAI defines that easel has no use for (quality, style,
// background, moderation, user, ...) are accepted and ignored, so any
// client works.
type ImagesRequest struct {
	Prompt string `json:"prompt"`
	// Model is "easel" (or empty) for the server's default engine, or an
	// engine spec listed by GET /v1/models. OpenAI's own image models
	// (gpt-image-1, dall-e-3) also mean the default engine.
	Model string `json:"model"`
	N     *int   `json:"n"`
	// Size is WIDTHxHEIGHT or "auto".
	Size           string `json:"size"`
	ResponseFormat string `json:"response_format"`
	OutputFormat   string `json:"output_format"`
	// EaselWrite overrides whether the prompt goes through easel's writer.
	EaselWrite *bool `json:"easel_write"`
	// Stream asks for OpenAI's server-sent events instead of one JSON answer.
	Stream bool `json:"stream"`
}

// ImagesResponse is OpenAI's image generation response.
type ImagesResponse struct {
	Created      int64        `json:"created"`
	Data         []ImagesData `json:"data"`
	Size         string       `json:"size,omitempty"`
	OutputFormat string       `json:"output_format"`
}

// ImagesData is one picture: a URL or base64 PNG, and the prompt easel wrote.
type ImagesData struct {
	URL           string `json:"url,omitempty"`
	B64JSON       string `json:"b64_json,omitempty"`
	RevisedPrompt string `json:"revised_prompt,omitempty"`
}

// maxOpenAIN is OpenAI's own limit on n.
const maxOpenAIN = 10

// modelEasel is the model name that means the server's default engine.
const modelEasel = "easel"

func (s *Server) handleOpenAIGenerate(w http.ResponseWriter, r *http.Request) {
	var ir ImagesRequest
	if err := decodeJSON(r, &ir, false); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	jr, format, err := s.imagesJob(ir)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	pl, err := s.newPlan(r.Context(), jr)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	j, err := s.submitPlan(pl, false)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	select {
	case <-j.done:
	case <-r.Context().Done():
		j.cancel() // the client left: stop paying for its pictures
		<-j.done
		return
	}
	j.mu.Lock()
	arts, jerr := j.artworks, j.err
	j.mu.Unlock()
	if jerr != nil {
		writeError(w, r, s.log, jerr)
		return
	}
	resp, err := s.imagesResponse(r, arts, format)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if ir.Stream {
		s.streamImages(w, r, "image_generation", resp)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// imagesJob turns an OpenAI request into a job, checking it as OpenAI does.
func (s *Server) imagesJob(ir ImagesRequest) (JobRequest, string, error) {
	var jr JobRequest
	if strings.TrimSpace(ir.Prompt) == "" {
		return jr, "", easel.Errorf(easel.EINVALID, "you must provide a prompt")
	}
	n := 1
	if ir.N != nil {
		n = *ir.N
	}
	if n < 1 || n > maxOpenAIN {
		return jr, "", easel.Errorf(easel.EINVALID, "n is %d: it must be 1 to %d", n, maxOpenAIN)
	}
	format := ir.ResponseFormat
	switch format {
	case "":
		// gpt-image models always answer in base64; so does easel unless
		// asked for a URL.
		format = "b64_json"
	case "url", "b64_json":
	default:
		return jr, "", easel.Errorf(easel.EINVALID, "response_format %q: use url or b64_json", ir.ResponseFormat)
	}
	if of := strings.ToLower(ir.OutputFormat); of != "" && of != "png" {
		return jr, "", easel.Errorf(easel.EINVALID, "output_format %q: easel makes PNG only; use png", ir.OutputFormat)
	}
	if ir.Size != "" && ir.Size != "auto" {
		jr.Size = ir.Size
	}
	spec, err := s.modelEngine(ir.Model)
	if err != nil {
		return jr, "", err
	}
	jr.Idea, jr.Engine, jr.N = ir.Prompt, spec, n
	write := s.opts.Rewrite
	if ir.EaselWrite != nil {
		write = *ir.EaselWrite
	}
	if !write {
		// The prompt goes to the engine as it is; an idea parsed from it
		// still tells the built-in canvas what to draw.
		jr.Prompts = []PreparedPrompt{{Text: ir.Prompt}}
	}
	return jr, format, nil
}

// modelEngine maps an OpenAI model name to an engine spec. OpenAI's own
// image models (gpt-image-1, dall-e-3, ...) mean the server's default
// engine too, so a script written for OpenAI works by changing only its
// base URL; when that engine is OpenAI's, the model asked for is used.
func (s *Server) modelEngine(model string) (string, error) {
	if model == "" || model == modelEasel {
		return s.opts.Engine, nil
	}
	if isOpenAIImageModel(model) {
		if name, _, _ := strings.Cut(s.opts.Engine, ":"); name == "openai" {
			return "openai:" + model, nil
		}
		return s.opts.Engine, nil
	}
	name, _, _ := strings.Cut(model, ":")
	for _, e := range s.deps.Engines {
		if strings.EqualFold(e, name) {
			return model, nil
		}
	}
	return "", easel.Errorf(easel.ENOTFOUND, "the model %q does not exist here: use %q or one listed by GET /v1/models", model, modelEasel)
}

// isOpenAIImageModel reports whether model names one of OpenAI's image
// models, which scripts written for OpenAI send.
func isOpenAIImageModel(model string) bool {
	m := strings.ToLower(model)
	return strings.HasPrefix(m, "gpt-image-") || strings.HasPrefix(m, "dall-e-") || strings.HasPrefix(m, "chatgpt-image")
}

func absURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

// Model is one entry of GET /v1/models.
type Model struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

func (s *Server) handleOpenAIModels(w http.ResponseWriter, r *http.Request) {
	ms := []Model{{ID: modelEasel, Object: "model", OwnedBy: "easel"}}
	for _, e := range s.deps.Engines {
		ms = append(ms, Model{ID: e, Object: "model", OwnedBy: "easel"})
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": ms})
}

// InspectResponse answers POST /api/v1/inspect: what a dropped PNG says
// about how it was made, and a job that makes it again when it says enough.
type InspectResponse struct {
	Metadata  *pngmeta.Metadata `json:"metadata"`
	Reproduce *JobRequest       `json:"reproduce,omitempty"`
}

func (s *Server) handleInspect(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	m, err := pngmeta.Read(b)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, InspectResponse{Metadata: m, Reproduce: reproduceSuggestion(b)})
}

// reproduceSuggestion suggests the job that remakes a dropped PNG, read
// as easel vary and reproduce read one (lineage.FromPNG, lineage.FitSize):
// easel's own record gives everything (scene, engine, seed); an A1111 or
// ComfyUI record gives the prompt, negative, seed and size, to render on
// the engine the person picks. Nil when the PNG says too little.
func reproduceSuggestion(png []byte) *JobRequest {
	pic, err := lineage.FromPNG(png)
	if err != nil {
		return nil
	}
	a := pic.Art
	seed := a.Seed
	size, _ := lineage.FitSize(a.Width, a.Height)
	jr := &JobRequest{
		Idea: verb.IdeaFromPrompt(a.Prompt), Seed: &seed, N: 1, Method: easel.MethodReproduce, Size: size.String(),
		Prompts: []PreparedPrompt{{Text: a.Prompt, Negative: a.NegativePrompt}},
	}
	if !pic.Foreign() {
		if strings.TrimSpace(a.Idea) != "" {
			jr.Idea = a.Idea
		}
		jr.Engine, jr.Dialect = engineSpec(a.Engine, a.Model), string(a.Dialect)
		jr.Prompts[0].Prompt = &easel.Prompt{Idea: a.Idea, Template: a.Template, Text: a.Prompt, Style: a.Style, Seed: a.Seed, Writer: a.Writer, Scene: a.Scene}
	}
	return jr
}

func engineSpec(name, model string) string {
	if model == "" {
		return name
	}
	return name + ":" + model
}
