package server

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/verb"
)

// maxEditBody bounds a POST /v1/images/edits body: the picture, its
// references and the mask.
const maxEditBody = 64 << 20

// editForm is an OpenAI edits request as easel reads it.
type editForm struct {
	fields map[string]string
	images [][]byte
	mask   []byte
}

// handleOpenAIEdit answers POST /v1/images/edits as OpenAI does, with
// multipart/form-data as the official SDKs send it: the picture as
// "image" (or several as "image[]", the first edited and the others
// references), "mask" (transparent where to edit), "prompt", "model", "n",
// "response_format", "input_fidelity" and "stream". Fields OpenAI defines
// that easel has no use for (quality, background, size, ...) are accepted
// and ignored. The picture is imported into the gallery and every result
// is its child.
func (s *Server) handleOpenAIEdit(w http.ResponseWriter, r *http.Request) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		writeError(w, r, nil, &easel.Error{Code: errUnsupportedType, Message: "send the request body as multipart/form-data, as the OpenAI SDKs do (fields image or image[], mask, prompt)"})
		return
	}
	if r.ContentLength > maxEditBody {
		writeError(w, r, nil, tooLarge(maxEditBody))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEditBody)
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTimeout))
	f, err := readEditForm(r, params["boundary"])
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	prompt := strings.TrimSpace(f.fields["prompt"])
	if prompt == "" {
		writeError(w, r, nil, easel.Errorf(easel.EINVALID, "you must provide a prompt"))
		return
	}
	n := 1
	if v, ok := f.fields["n"]; ok {
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > maxOpenAIN {
			writeError(w, r, nil, easel.Errorf(easel.EINVALID, "n is %q: it must be 1 to %d", v, maxOpenAIN))
			return
		}
	}
	format := f.fields["response_format"]
	switch format {
	case "":
		format = "b64_json"
	case "url", "b64_json":
	default:
		writeError(w, r, nil, easel.Errorf(easel.EINVALID, "response_format %q: use url or b64_json", format))
		return
	}
	if of := strings.ToLower(f.fields["output_format"]); of != "" && of != "png" {
		writeError(w, r, nil, easel.Errorf(easel.EINVALID, "output_format %q: easel makes PNG only; use png", of))
		return
	}
	stream := f.fields["stream"] == "true"
	spec, err := s.modelEngine(f.fields["model"])
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	req := verb.EditRequest{
		Op: easel.OpEdit, Image: "image", ImageData: f.images[0], RefData: f.images[1:], MaskData: f.mask,
		Words: prompt, Engine: spec, N: n, Strength: -1, Seed: -1, Fidelity: f.fields["input_fidelity"],
	}
	if f.mask != nil {
		req.Mask = "mask"
	}
	res, err := verb.Edit(r.Context(), s.core, req)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp, err := s.imagesResponse(r, res.Artworks, format)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if stream {
		s.streamImages(w, r, "image_edit", resp)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// readEditForm reads the multipart form: files image, image[] and mask
// (each through the size limit) and the text fields.
func readEditForm(r *http.Request, boundary string) (*editForm, error) {
	if boundary == "" {
		return nil, easel.Errorf(easel.EINVALID, "the multipart body has no boundary: let the client library set Content-Type")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, easel.Errorf(easel.EINVALID, "the body is not multipart form data: %v", err)
	}
	f := &editForm{fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, tooLarge(maxEditBody)
			}
			return nil, easel.Errorf(easel.EINVALID, "the multipart body is malformed: %v", err)
		}
		name := part.FormName()
		switch {
		case name == "image" || name == "image[]" || name == "mask":
			data, err := imageio.ReadAll(part, maxEditBody)
			if err != nil {
				if errors.Is(err, imageio.ErrTooBig) {
					return nil, tooLarge(maxEditBody)
				}
				return nil, easel.Errorf(easel.EINVALID, "cannot read the %s field: %v", name, err)
			}
			if name == "mask" {
				f.mask = data
			} else {
				f.images = append(f.images, data)
			}
		default:
			b, err := imageio.ReadAll(part, 64<<10)
			if err != nil {
				return nil, easel.Errorf(easel.EINVALID, "the %s field is too long", name)
			}
			f.fields[name] = string(b)
		}
		part.Close()
	}
	if len(f.images) == 0 {
		return nil, easel.Errorf(easel.EINVALID, "no picture: send it in the form field image (or image[] for several)")
	}
	if len(f.images) > 16 {
		return nil, easel.Errorf(easel.EINVALID, "%d pictures: send at most 16", len(f.images))
	}
	return f, nil
}

// imagesResponse is OpenAI's answer for saved artworks.
func (s *Server) imagesResponse(r *http.Request, arts []*easel.Artwork, format string) (ImagesResponse, error) {
	resp := ImagesResponse{Created: time.Now().Unix(), Data: []ImagesData{}, OutputFormat: "png"}
	if len(arts) > 0 {
		resp.Size = easel.Size{Width: arts[0].Width, Height: arts[0].Height}.String()
	}
	for _, a := range arts {
		d := ImagesData{RevisedPrompt: a.Prompt}
		if format == "url" {
			d.URL = absURL(r, s.imageURL(a.ID, ""))
		} else {
			b, err := s.readImage(r.Context(), a)
			if err != nil {
				return resp, err
			}
			d.B64JSON = base64.StdEncoding.EncodeToString(b)
		}
		resp.Data = append(resp.Data, d)
	}
	return resp, nil
}

// streamEvent is one of OpenAI's image stream events
// (image_generation.completed, image_edit.completed).
type streamEvent struct {
	Type         string      `json:"type"`
	B64JSON      string      `json:"b64_json"`
	URL          string      `json:"url,omitempty"`
	CreatedAt    int64       `json:"created_at"`
	Size         string      `json:"size"`
	Quality      string      `json:"quality"`
	Background   string      `json:"background"`
	OutputFormat string      `json:"output_format"`
	Usage        streamUsage `json:"usage"`
}

type streamUsage struct {
	InputTokens        int `json:"input_tokens"`
	InputTokensDetails struct {
		ImageTokens int `json:"image_tokens"`
		TextTokens  int `json:"text_tokens"`
	} `json:"input_tokens_details"`
	OutputTokens int `json:"output_tokens"`
	TotalTokens  int `json:"total_tokens"`
}

// streamImages answers stream: true with OpenAI's server-sent events: a
// completed event (kind + ".completed") for each picture. easel sends no
// partial_image events: its pictures are not made in passes, and OpenAI
// allows the final picture to come before any partial one.
func (s *Server) streamImages(w http.ResponseWriter, r *http.Request, kind string, resp ImagesResponse) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	for _, d := range resp.Data {
		ev := streamEvent{Type: kind + ".completed", B64JSON: d.B64JSON, URL: d.URL, CreatedAt: resp.Created,
			Size: resp.Size, Quality: "auto", Background: "opaque", OutputFormat: resp.OutputFormat}
		b, err := json.Marshal(ev)
		if err != nil {
			return
		}
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Type, b)
		rc.Flush()
	}
}

// EditRequest is the body of POST /api/v1/edit: a picture in (a gallery
// artwork or an uploaded picture), what to do with it, and the results
// as its children.
type EditRequest struct {
	// ArtworkID names a gallery picture; Image is an uploaded one instead
	// (PNG, JPEG or WebP, base64, a data: URL allowed).
	ArtworkID string `json:"artwork_id,omitempty"`
	Image     string `json:"image,omitempty"`
	// Op is edit (the default), outpaint or upscale.
	Op string `json:"op,omitempty"`
	// Words say what to change (edit) or what lies beyond (outpaint).
	Words string `json:"words,omitempty"`
	// Mask is a PNG of the picture's size, base64: white (or transparent)
	// where to repaint.
	Mask string `json:"mask,omitempty"`
	// Strength is 0..1 (default 0.5, 0.85 with a mask).
	Strength *float64 `json:"strength,omitempty"`
	// Aspect ("16:9") or Expand ("LEFT,TOP,RIGHT,BOTTOM") for outpaint.
	Aspect string `json:"aspect,omitempty"`
	Expand string `json:"expand,omitempty"`
	// Scale is 2 or 4 for upscale.
	Scale  int    `json:"scale,omitempty"`
	Engine string `json:"engine,omitempty"`
	Style  string `json:"style,omitempty"`
	N      int    `json:"n,omitempty"`
	Seed   *int64 `json:"seed,omitempty"`
}

// EditResponse answers POST /api/v1/edit.
type EditResponse struct {
	ParentID string        `json:"parent_id"`
	Artworks []ArtworkView `json:"artworks"`
	Notes    []string      `json:"notes"`
}

// handleEdit runs an edit, outpaint or upscale and answers when it is
// done (it is stopped when the client leaves).
func (s *Server) handleEdit(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, r, nil, &easel.Error{Code: errUnsupportedType, Message: "send the request body as application/json (Content-Type: application/json)"})
		return
	}
	if r.ContentLength > maxEditBody {
		writeError(w, r, nil, tooLarge(maxEditBody))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEditBody)
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTimeout))
	var er EditRequest
	if err := decodeJSON(r, &er, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	req := verb.EditRequest{Op: easel.Op(er.Op), Words: er.Words, Aspect: er.Aspect, Expand: er.Expand, Scale: er.Scale,
		Engine: er.Engine, Style: er.Style, N: er.N, Strength: -1, Seed: -1}
	if req.Op == "" {
		req.Op = easel.OpEdit
	}
	if er.Strength != nil {
		req.Strength = *er.Strength
		if req.Strength < 0 {
			writeError(w, r, nil, easel.Errorf(easel.EINVALID, "strength %g is out of range: give 0 to 1", req.Strength))
			return
		}
	}
	if er.Seed != nil {
		req.Seed = *er.Seed
	}
	switch {
	case (er.ArtworkID == "") == (er.Image == ""):
		writeError(w, r, nil, easel.Errorf(easel.EINVALID, "give artwork_id (a gallery picture) or image (an uploaded one, base64), one of them"))
		return
	case er.ArtworkID != "":
		a, err := s.getArtwork(r.Context(), er.ArtworkID)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		req.Image = a.ID
	default:
		data, err := decodeBase64Image(er.Image)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		req.Image, req.ImageData = "the uploaded picture", data
	}
	if er.Mask != "" {
		data, err := decodeBase64Image(er.Mask)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		req.Mask, req.MaskData = "the mask", data
	}
	res, err := verb.Edit(r.Context(), s.core, req)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	out := EditResponse{ParentID: res.Parent.ID, Artworks: []ArtworkView{}, Notes: res.Notes}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	for _, a := range res.Artworks {
		out.Artworks = append(out.Artworks, s.artworkView(a))
	}
	writeJSON(w, http.StatusOK, out)
}
