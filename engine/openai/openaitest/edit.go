package openaitest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	_ "image/jpeg" // pictures the service takes
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/easel-art/easel/engine/enginetest"
	_ "golang.org/x/image/webp" // pictures the service takes
)

// EditCall is one request to POST /v1/images/edits that passed the key,
// content-type and field-name checks, as the fake read it.
type EditCall struct {
	// Fields are the text fields.
	Fields map[string]string
	// ImageField is "image" or "image[]", as sent; Images the files.
	ImageField string
	Images     [][]byte
	// Mask is the mask file, nil when none was sent.
	Mask []byte
}

var editCalls struct {
	sync.Mutex
	m map[*Server][]EditCall
}

// Edits returns the edit requests the fake read, in order.
func (s *Server) Edits() []EditCall {
	editCalls.Lock()
	defer editCalls.Unlock()
	return slices.Clone(editCalls.m[s])
}

// edit is a strict stand-in for POST /v1/images/edits (openai-go
// v3.98.0's ImageEditParams): multipart/form-data only; the fields the
// SDKs send and no others; "image" (one file) or "image[]" (each file)
// required, 1 to 16 pictures, each PNG, JPEG or WebP; "mask" a PNG with an
// alpha channel, of the first picture's size; prompt, model, n, size,
// quality, background and output format checked as for generations;
// input_fidelity high or low; moderation and style refused as unknown.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if !authorized(w, r) {
		return
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" || params["boundary"] == "" {
		apiError(w, 400, "invalid_request_error", "", "", "Invalid Content-Type header ("+r.Header.Get("Content-Type")+"), expected multipart/form-data.")
		return
	}
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		apiError(w, 400, "invalid_request_error", "", "", "Could not parse multipart form.")
		return
	}
	allowed := []string{"prompt", "model", "n", "size", "quality", "background", "output_format", "output_compression",
		"input_fidelity", "user", "safety_identifier", "stream", "partial_images", "response_format"}
	call := EditCall{Fields: map[string]string{}}
	for k, v := range r.MultipartForm.Value {
		if !slices.Contains(allowed, k) {
			apiError(w, 400, "invalid_request_error", "unknown_parameter", k, fmt.Sprintf("Unknown parameter: '%s'.", k))
			return
		}
		call.Fields[k] = v[0]
	}
	for k, files := range r.MultipartForm.File {
		switch k {
		case "image", "image[]":
			if call.ImageField != "" && call.ImageField != k {
				apiError(w, 400, "invalid_request_error", "invalid_value", "image", "Send the images as 'image' or as 'image[]', not both.")
				return
			}
			call.ImageField = k
			for _, fh := range files {
				call.Images = append(call.Images, readPart(fh))
			}
		case "mask":
			call.Mask = readPart(files[0])
		default:
			apiError(w, 400, "invalid_request_error", "unknown_parameter", k, fmt.Sprintf("Unknown parameter: '%s'.", k))
			return
		}
	}
	editCalls.Lock()
	if editCalls.m == nil {
		editCalls.m = map[*Server][]EditCall{}
	}
	editCalls.m[s] = append(editCalls.m[s], call)
	editCalls.Unlock()
	f := call.Fields
	if len(call.Images) == 0 {
		apiError(w, 400, "invalid_request_error", "missing_required_parameter", "image", "Missing required parameter: 'image'.")
		return
	}
	if len(call.Images) > 16 {
		apiError(w, 400, "invalid_request_error", "invalid_value", "image", fmt.Sprintf("Invalid 'image': too many images (%d); up to 16 are accepted.", len(call.Images)))
		return
	}
	var first image.Config
	for i, data := range call.Images {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || !slices.Contains([]string{"png", "jpeg", "webp"}, format) || len(data) > 50<<20 {
			apiError(w, 400, "invalid_request_error", "invalid_image_format", "image", fmt.Sprintf("Invalid image file or mode for image %d, please check your image file.", i+1))
			return
		}
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			apiError(w, 400, "invalid_request_error", "invalid_image", "image", fmt.Sprintf("Invalid image file for image %d: the file is damaged or truncated.", i+1))
			return
		}
		if i == 0 {
			first = cfg
		}
	}
	if call.Mask != nil {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(call.Mask))
		if err != nil || format != "png" || len(call.Mask) > 4<<20 {
			apiError(w, 400, "invalid_request_error", "invalid_image_format", "mask", "Invalid mask image format: the mask must be a PNG file under 4 MB.")
			return
		}
		if cfg.Width != first.Width || cfg.Height != first.Height {
			apiError(w, 400, "invalid_request_error", "invalid_value", "mask", fmt.Sprintf("Invalid mask image: mask size %dx%d does not match image size %dx%d.", cfg.Width, cfg.Height, first.Width, first.Height))
			return
		}
		if !hasAlpha(call.Mask) {
			apiError(w, 400, "invalid_request_error", "invalid_value", "mask", "Invalid mask image: the mask must have an alpha channel (transparent areas mark where to edit).")
			return
		}
	}
	model := f["model"]
	if model == "" {
		model = "dall-e-2"
	}
	if day, gone := shutDown[model]; gone {
		apiError(w, 404, "invalid_request_error", "model_not_found", "model", fmt.Sprintf("The model `%s` was shut down on %s and is no longer available.", model, day))
		return
	}
	m, ok := models[model]
	if !ok {
		apiError(w, 404, "invalid_request_error", "model_not_found", "model", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", model))
		return
	}
	if _, ok := f["response_format"]; ok {
		apiError(w, 400, "invalid_request_error", "unsupported_parameter", "response_format", "Unsupported parameter: 'response_format' is not supported with the GPT image models.")
		return
	}
	if f["prompt"] == "" || len([]rune(f["prompt"])) > 32000 {
		apiError(w, 400, "invalid_request_error", "invalid_value", "prompt", "Invalid 'prompt': string must be 1 to 32000 characters.")
		return
	}
	n := 1
	if v, ok := f["n"]; ok {
		x, err := strconv.Atoi(v)
		if err != nil || x < 1 || x > 10 {
			apiError(w, 400, "invalid_request_error", "invalid_value", "n", "Invalid 'n': integer must be between 1 and 10.")
			return
		}
		n = x
	}
	for k, vals := range map[string][]string{
		"quality": m.qualities, "background": {"transparent", "opaque", "auto"},
		"output_format": {"png", "jpeg", "webp"}, "input_fidelity": {"high", "low"},
	} {
		if v, ok := f[k]; ok && !slices.Contains(vals, v) {
			apiError(w, 400, "invalid_request_error", "invalid_value", k, fmt.Sprintf("Invalid value: '%v'. Supported values are: %s.", v, strings.Join(vals, ", ")))
			return
		}
	}
	size := f["size"]
	if !SizeOK(model, size) {
		apiError(w, 400, "invalid_request_error", "invalid_value", "size", fmt.Sprintf("Invalid size '%s'.", size))
		return
	}
	wd, ht := 1024, 1024
	if size != "" && size != "auto" {
		a, b, _ := strings.Cut(size, "x")
		wd, _ = strconv.Atoi(a)
		ht, _ = strconv.Atoi(b)
	}
	switch s.Fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		apiError(w, 429, "requests", "rate_limit_exceeded", "", "Rate limit reached on images per minute.")
		return
	case enginetest.FaultUnavailable:
		apiError(w, 503, "server_error", "", "", "The server is overloaded or not ready yet.")
		return
	case enginetest.FaultContentPolicy:
		apiError(w, 400, "image_generation_user_error", "moderation_blocked", "", "Your request was rejected as a result of our safety system.")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	var buf bytes.Buffer
	buf.WriteString(`{"created":1764000000,"data":[`)
	for i := range n {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(&buf, `{"b64_json":"%s"}`, base64.StdEncoding.EncodeToString(enginetest.PNG(wd, ht, int64(i+1))))
	}
	img := 1056 * n
	in := 50 + 323*len(call.Images)
	fmt.Fprintf(&buf, `],"size":"%dx%d","usage":{"input_tokens":%d,"input_tokens_details":{"image_tokens":%d,"text_tokens":50},"output_tokens":%d,"output_tokens_details":{"image_tokens":%d,"text_tokens":0},"total_tokens":%d}}`,
		wd, ht, in, in-50, img, img, in+img)
	w.Write(buf.Bytes())
}

func readPart(fh *multipart.FileHeader) []byte {
	f, err := fh.Open()
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return b
}

// hasAlpha reports whether a PNG's colour type carries alpha (or it has a
// tRNS chunk), as OpenAI requires of a mask.
func hasAlpha(p []byte) bool {
	if len(p) < 26 {
		return false
	}
	ct := p[25] // IHDR colour type
	if ct == 4 || ct == 6 {
		return true
	}
	return bytes.Contains(p, []byte("tRNS"))
}
