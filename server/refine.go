package server

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/refine"
	"github.com/easel-art/easel/verb"
)

// verbRefine is a JobRequest's verb for POST /api/v1/artworks/{id}/refine.
const verbRefine = "refine"

// RefineRequest is the body of POST /api/v1/artworks/{id}/refine.
type RefineRequest struct {
	// Instruction is what to change: "make it night, add a red sailboat".
	Instruction string `json:"instruction"`
	// N is how many pictures of the refined prompt (default 1).
	N        int    `json:"n,omitempty"`
	Engine   string `json:"engine,omitempty"`
	Seed     *int64 `json:"seed,omitempty"`
	Negative string `json:"negative,omitempty"`
	// LLM is a language model (NAME[:MODEL]) to refine with instead of
	// the built-in writer.
	LLM string `json:"llm,omitempty"`
	// PromptOnly answers at once with the refined prompt and what
	// changed, rendering nothing (the studio's preview).
	PromptOnly bool `json:"prompt_only,omitempty"`
}

// RefinePreview answers a prompt-only refine.
type RefinePreview struct {
	Idea        string        `json:"idea"`
	Instruction string        `json:"instruction"`
	Changes     []string      `json:"changes"`
	Prompt      string        `json:"prompt"`
	Negative    string        `json:"negative_prompt"`
	Dialect     easel.Dialect `json:"dialect"`
	Seed        int64         `json:"seed"`
	Width       int           `json:"width"`
	Height      int           `json:"height"`
	ParentID    string        `json:"parent_id"`
}

func (s *Server) handleRefine(w http.ResponseWriter, r *http.Request) {
	var rr RefineRequest
	if err := decodeJSON(r, &rr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if !rr.PromptOnly {
		s.startJob(w, r, JobRequest{Verb: verbRefine, ParentID: a.ID, Instruction: rr.Instruction, N: rr.N,
			Engine: rr.Engine, Seed: rr.Seed, Negative: rr.Negative, LLM: rr.LLM})
		return
	}
	seed := int64(-1)
	if rr.Seed != nil {
		seed = *rr.Seed
	}
	res, err := verb.Refine(r.Context(), s.core, verb.RefineRequest{
		Ref: a.ID, Instruction: rr.Instruction, Engine: rr.Engine, Seed: seed, Negative: rr.Negative, PromptOnly: true, LLM: rr.LLM,
	})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	v := res.Variations[0]
	writeJSON(w, http.StatusOK, RefinePreview{
		Idea: res.Refine.Idea, Instruction: strings.TrimSpace(rr.Instruction), Changes: res.Refine.Changes,
		Prompt: v.Text, Negative: v.Negative, Dialect: v.Dialect, Seed: v.Prompt.Seed,
		Width: res.Size.Width, Height: res.Size.Height, ParentID: a.ID,
	})
}

// refinePlan plans a refine of the artwork jr.ParentID.
func (s *Server) refinePlan(ctx context.Context, jr JobRequest) (*plan, error) {
	if jr.LLM == "" || jr.LLM == "builtin" {
		if _, err := refine.Parse(jr.Instruction); err != nil {
			return nil, err
		}
	} else if err := refine.ValidateInstruction(jr.Instruction); err != nil {
		return nil, err
	}
	parent, err := s.getArtwork(ctx, jr.ParentID)
	if err != nil {
		return nil, err
	}
	if jr.Engine != "" {
		if _, _, err := s.openEngine(jr.Engine); err != nil {
			return nil, err
		}
	}
	if jr.N < 0 || jr.N > 100 {
		return nil, easel.Errorf(easel.EINVALID, "n must be 1 to 100")
	}
	seed := parent.Seed
	if jr.Seed != nil && *jr.Seed >= 0 {
		seed = *jr.Seed
	}
	jr.Seed = &seed
	pl := &plan{prompts: 1, jr: jr}
	pl.run = func(ctx context.Context, h verb.Hooks, gal easel.Gallery, eng func(easel.Engine) easel.Engine) (*verb.Result, error) {
		return verb.Refine(ctx, s.coreFor(gal, eng), verb.RefineRequest{
			Ref: parent.ID, Instruction: jr.Instruction, N: jr.N, Engine: jr.Engine, Seed: seed, Negative: jr.Negative, LLM: jr.LLM, Hooks: h,
		})
	}
	return pl, nil
}

// DescribeJSON is the JSON body of POST /api/v1/describe.
type DescribeJSON struct {
	// Image is the picture, base64 (standard encoding; a data: URL prefix
	// is accepted).
	Image   string `json:"image"`
	N       int    `json:"n,omitempty"`
	Dialect string `json:"dialect,omitempty"`
	// LLM is a vision model (NAME[:MODEL]) to describe with.
	LLM string `json:"llm,omitempty"`
}

// DescribedPrompt is one prompt of a DescribeResponse.
type DescribedPrompt struct {
	N        int    `json:"n"`
	Prompt   string `json:"prompt"`
	Negative string `json:"negative_prompt,omitempty"`
	// Source is metadata (the recorded prompt), variation or analysis.
	Source string `json:"source"`
	// Canonical is the prompt to send back in JobRequest.prompts to
	// render it.
	Canonical *easel.Prompt `json:"canonical"`
}

// DescribeResponse answers POST /api/v1/describe.
type DescribeResponse struct {
	Prompts []DescribedPrompt `json:"prompts"`
	Dialect easel.Dialect     `json:"dialect"`
	Format  string            `json:"format"`
	Width   int               `json:"width"`
	Height  int               `json:"height"`
	// MadeBy names the tool whose metadata was read, if any.
	MadeBy string `json:"made_by,omitempty"`
	// ArtworkID is the gallery artwork with these exact bytes, if any.
	ArtworkID string             `json:"artwork_id,omitempty"`
	Analysis  *describe.Analysis `json:"analysis,omitempty"`
	Note      string             `json:"note,omitempty"`
}

// maxDescribeJSON bounds a base64 JSON describe body: the picture limit
// grown by base64's third, and room for the other fields.
const maxDescribeJSON = maxPNGBody/3*4 + 4<<10

// handleDescribe answers POST /api/v1/describe: a picture as multipart
// form data (field "image", with "n" and "dialect") or JSON with base64.
// It saves nothing and costs nothing, so a cross-site form reaching it
// (multipart is a form type) can do no harm and cannot read the answer.
func (s *Server) handleDescribe(w http.ResponseWriter, r *http.Request) {
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTimeout))
	var data []byte
	var n int
	var dialectName, model string
	var err error
	switch ct {
	case "application/json":
		if r.ContentLength > maxDescribeJSON {
			writeError(w, r, nil, tooLarge(maxDescribeJSON))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxDescribeJSON)
		var dj DescribeJSON
		if err := decodeJSON(r, &dj, true); err != nil {
			writeError(w, r, s.log, err)
			return
		}
		n, dialectName, model = dj.N, dj.Dialect, dj.LLM
		data, err = decodeBase64Image(dj.Image)
	case "multipart/form-data":
		if r.ContentLength > maxPNGBody+1<<20 {
			writeError(w, r, nil, tooLarge(maxPNGBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxPNGBody+1<<20)
		data, n, dialectName, model, err = readDescribeForm(r, params["boundary"])
	default:
		writeError(w, r, nil, &easel.Error{Code: errUnsupportedType, Message: "send the picture as multipart/form-data (field image) or as application/json with the picture in base64 (field image)"})
		return
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	var d easel.Dialect
	if dialectName != "" {
		if d, err = dialect.Parse(dialectName); err != nil {
			writeError(w, r, s.log, err)
			return
		}
	}
	res, err := verb.Describe(r.Context(), s.core, verb.DescribeRequest{Data: data, N: n, Dialect: d, LLM: model})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	got := res.Described
	out := DescribeResponse{Format: got.Format, Width: got.Width, Height: got.Height, MadeBy: got.Maker,
		Analysis: got.Analysis, Note: got.Note, Prompts: []DescribedPrompt{}}
	if res.Parent != nil {
		out.ArtworkID = res.Parent.ID
	}
	for i, v := range res.Variations {
		out.Dialect = v.Dialect
		out.Prompts = append(out.Prompts, DescribedPrompt{N: i + 1, Prompt: v.Text, Negative: v.Negative,
			Source: got.Prompts[i].Source, Canonical: v.Prompt})
	}
	writeJSON(w, http.StatusOK, out)
}

// decodeBase64Image decodes the JSON body's picture.
func decodeBase64Image(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "data:") {
		if _, after, ok := strings.Cut(s, ","); ok {
			s = after
		}
	}
	if s == "" {
		return nil, easel.Errorf(easel.EINVALID, "no picture: send it in the image field, base64-encoded")
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, easel.Errorf(easel.EINVALID, "the image field is not base64: encode the picture's bytes with standard base64")
	}
	return b, nil
}

// readDescribeForm reads the multipart form: the picture (field image,
// through the size limit) and the optional n and dialect fields.
func readDescribeForm(r *http.Request, boundary string) (data []byte, n int, dialectName, model string, err error) {
	if boundary == "" {
		return nil, 0, "", "", easel.Errorf(easel.EINVALID, "the multipart body has no boundary: let the client library set Content-Type")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, 0, "", "", easel.Errorf(easel.EINVALID, "the body is not multipart form data: %v", err)
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, 0, "", "", tooLarge(maxPNGBody)
			}
			return nil, 0, "", "", easel.Errorf(easel.EINVALID, "the multipart body is malformed: %v", err)
		}
		switch part.FormName() {
		case "image", "file":
			if data, err = imageio.ReadAll(part, maxPNGBody); err != nil {
				if errors.Is(err, imageio.ErrTooBig) {
					return nil, 0, "", "", tooLarge(maxPNGBody)
				}
				return nil, 0, "", "", easel.Errorf(easel.EINVALID, "cannot read the image field: %v", err)
			}
		case "n":
			b, _ := imageio.ReadAll(part, 16)
			if n, err = strconv.Atoi(strings.TrimSpace(string(b))); err != nil {
				return nil, 0, "", "", easel.Errorf(easel.EINVALID, "n must be a whole number of prompts, 1 to %d", describe.MaxPrompts)
			}
		case "dialect":
			b, _ := imageio.ReadAll(part, 64)
			dialectName = strings.TrimSpace(string(b))
		case "llm":
			b, _ := imageio.ReadAll(part, 200)
			model = strings.TrimSpace(string(b))
		}
		part.Close()
	}
	if len(data) == 0 {
		return nil, 0, "", "", easel.Errorf(easel.EINVALID, "no picture: send it in the form field image")
	}
	return data, n, dialectName, model, nil
}
