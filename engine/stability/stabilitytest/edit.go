package stabilitytest

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the service takes PNG, JPEG and WebP
	_ "image/png"
	"io"
	"math"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"sync"

	"github.com/easel-art/easel/engine/enginetest"
	_ "golang.org/x/image/webp"
)

// EditCall is one pictures-in request that passed the key, header and
// field-name checks.
type EditCall struct {
	Path   string
	Fields map[string]string
	Image  []byte
	Mask   []byte
}

var editCalls struct {
	sync.Mutex
	m map[*Server][]EditCall
}

// Edits returns the pictures-in requests the fake read, in order
// (image-to-image on generate/sd3 included).
func (s *Server) Edits() []EditCall {
	editCalls.Lock()
	defer editCalls.Unlock()
	return slices.Clone(editCalls.m[s])
}

// editFields are the fields each pictures-in service takes, beside the
// image and mask files (v2beta API reference).
var editFields = map[string][]string{
	"edit/inpaint":            {"prompt", "negative_prompt", "grow_mask", "seed", "output_format", "style_preset"},
	"edit/outpaint":           {"prompt", "left", "right", "up", "down", "creativity", "seed", "output_format", "style_preset"},
	"upscale/fast":            {"output_format"},
	"edit/search-and-replace": {"prompt", "search_prompt", "negative_prompt", "grow_mask", "seed", "output_format", "style_preset"},
	"edit/erase":              {"grow_mask", "seed", "output_format"},
	"edit/remove-background":  {"output_format"},
	"control/sketch":          {"prompt", "negative_prompt", "control_strength", "seed", "output_format", "style_preset"},
	"control/structure":       {"prompt", "negative_prompt", "control_strength", "seed", "output_format", "style_preset"},
	"control/style":           {"prompt", "negative_prompt", "aspect_ratio", "fidelity", "seed", "output_format", "style_preset"},
	"upscale/conservative":    {"prompt", "negative_prompt", "seed", "creativity", "output_format", "style_preset"},
	"upscale/creative":        {"prompt", "negative_prompt", "seed", "creativity", "output_format", "style_preset"},
}

var results struct {
	sync.Mutex
	m     map[string][3]int // generation id → width, height, polls left before it is ready
	polls int
}

// result is GET /v2beta/results/{id}: 202 {"id","status":"in-progress"}
// for a few polls, then the picture; 404 for an id it never gave.
func (s *Server) result(w http.ResponseWriter, r *http.Request) {
	if !authorized(w, r) {
		return
	}
	if a := r.Header.Get("Accept"); a != "image/*" && a != "application/json" {
		apiError(w, 400, "bad_request", "accept: must be either image/* or application/json")
		return
	}
	id := r.PathValue("id")
	results.Lock()
	res, ok := results.m[id]
	results.polls++
	pending := ok && res[2] > 0
	if pending {
		res[2]--
		results.m[id] = res
	}
	results.Unlock()
	switch {
	case !ok:
		apiError(w, 404, "not_found", "generation "+id+" not found")
	case pending:
		writeJSON(w, 202, map[string]any{"id": id, "status": "in-progress"})
	default:
		w.Header().Set("Content-Type", "image/png")
		w.Header().Set("Finish-Reason", "SUCCESS")
		w.Header().Set("Seed", "424242")
		w.Write(enginetest.PNG(res[0], res[1], 1))
	}
}

// ResultPolls returns how many times GET /v2beta/results was asked.
func ResultPolls() int {
	results.Lock()
	defer results.Unlock()
	return results.polls
}

// fourMP is the size the 4-megapixel upscalers make of a w x h picture.
func fourMP(w, h int) (int, int) {
	k := math.Sqrt(4194304 / float64(w*h))
	return int(float64(w)*k + 0.5), int(float64(h)*k + 0.5)
}

// routeEdits adds the pictures-in services to the fake.
func (s *Server) routeEdits(mux *http.ServeMux) {
	mux.HandleFunc("POST /v2beta/stable-image/edit/{service}", func(w http.ResponseWriter, r *http.Request) { s.edit(w, r, "edit/"+r.PathValue("service")) })
	mux.HandleFunc("POST /v2beta/stable-image/upscale/{service}", func(w http.ResponseWriter, r *http.Request) { s.edit(w, r, "upscale/"+r.PathValue("service")) })
	mux.HandleFunc("GET /v2beta/results/{id}", s.result)
	mux.HandleFunc("POST /v2beta/stable-image/control/{service}", func(w http.ResponseWriter, r *http.Request) { s.edit(w, r, "control/"+r.PathValue("service")) })
}

func fileOf(r *http.Request, field string) []byte {
	fhs := r.MultipartForm.File[field]
	if len(fhs) == 0 {
		return nil
	}
	f, err := fhs[0].Open()
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return b
}

// readPicture checks a picture file as the service does.
func readPicture(w http.ResponseWriter, field string, data []byte) (image.Config, bool) {
	if data == nil {
		apiError(w, 400, "bad_request", field+": required")
		return image.Config{}, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err == nil && !slices.Contains([]string{"png", "jpeg", "webp"}, format) {
		err = fmt.Errorf("format %s", format)
	}
	if err == nil {
		_, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		apiError(w, 400, "bad_request", field+": is not a valid image (png, jpeg or webp) or is damaged")
		return cfg, false
	}
	return cfg, true
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request, service string) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	allowed, ok := editFields[service]
	if !ok {
		apiError(w, 404, "not_found", "no such endpoint")
		return
	}
	if !authorized(w, r) {
		return
	}
	if a := r.Header.Get("Accept"); a != "image/*" && a != "application/json" {
		apiError(w, 400, "bad_request", "accept: must be either image/* or application/json")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		apiError(w, 400, "bad_request", "content-type: must be multipart/form-data")
		return
	}
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		apiError(w, 400, "bad_request", "body: "+err.Error())
		return
	}
	call := EditCall{Path: service, Fields: map[string]string{}}
	for k, v := range r.MultipartForm.Value {
		if !slices.Contains(allowed, k) {
			apiError(w, 400, "bad_request", k+": unknown field")
			return
		}
		call.Fields[k] = v[0]
	}
	for k := range r.MultipartForm.File {
		if k != "image" && !(k == "mask" && (service == "edit/inpaint" || service == "edit/erase")) {
			apiError(w, 400, "bad_request", k+": unknown field")
			return
		}
	}
	call.Image, call.Mask = fileOf(r, "image"), fileOf(r, "mask")
	editCalls.Lock()
	if editCalls.m == nil {
		editCalls.m = map[*Server][]EditCall{}
	}
	editCalls.m[s] = append(editCalls.m[s], call)
	editCalls.Unlock()
	cfg, ok := readPicture(w, "image", call.Image)
	if !ok {
		return
	}
	px := cfg.Width * cfg.Height
	f := call.Fields
	num := func(k string, lo, hi float64) (float64, bool) {
		v, present := f[k]
		if !present {
			return 0, true
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < lo || x > hi {
			apiError(w, 400, "bad_request", fmt.Sprintf("%s: must be a number between %g and %g", k, lo, hi))
			return 0, false
		}
		return x, true
	}
	outW, outH := cfg.Width, cfg.Height
	switch service {
	case "upscale/fast":
		if cfg.Width < 32 || cfg.Height < 32 || cfg.Width > 1536 || cfg.Height > 1536 || px < 1024 || px > 1048576 {
			apiError(w, 400, "bad_request", fmt.Sprintf("image: is %dx%d; the fast upscaler takes 32 to 1536 pixels a side and 1,024 to 1,048,576 pixels", cfg.Width, cfg.Height))
			return
		}
		outW, outH = cfg.Width*4, cfg.Height*4
	case "upscale/creative":
		if cfg.Width < 64 || cfg.Height < 64 || px > 1048576 {
			apiError(w, 400, "bad_request", fmt.Sprintf("image: is %dx%d; the creative upscaler takes at least 64 pixels a side and at most 1,048,576 pixels", cfg.Width, cfg.Height))
			return
		}
		outW, outH = fourMP(cfg.Width, cfg.Height)
	default:
		if cfg.Width < 64 || cfg.Height < 64 || px < 4096 || px > 9437184 || float64(cfg.Width) > 2.5*float64(cfg.Height) || float64(cfg.Height) > 2.5*float64(cfg.Width) {
			apiError(w, 400, "bad_request", fmt.Sprintf("image: is %dx%d; it must be at least 64 pixels a side, 4,096 to 9,437,184 pixels, aspect 1:2.5 to 2.5:1", cfg.Width, cfg.Height))
			return
		}
	}
	if _, ok := num("seed", 0, 4294967294); !ok {
		return
	}
	if service == "upscale/conservative" {
		outW, outH = fourMP(cfg.Width, cfg.Height)
	}
	switch service {
	case "upscale/conservative", "upscale/creative":
		if f["prompt"] == "" {
			apiError(w, 400, "bad_request", "prompt: cannot be empty")
			return
		}
		if _, ok := num("creativity", 0.1, 0.5); !ok {
			return
		}
	case "control/sketch", "control/structure", "control/style":
		if f["prompt"] == "" {
			apiError(w, 400, "bad_request", "prompt: cannot be empty")
			return
		}
		if _, ok := num("control_strength", 0, 1); !ok {
			return
		}
		if _, ok := num("fidelity", 0, 1); !ok {
			return
		}
	case "edit/search-and-replace":
		if f["prompt"] == "" || f["search_prompt"] == "" {
			apiError(w, 400, "bad_request", "prompt, search_prompt: cannot be empty")
			return
		}
	case "edit/erase":
		if call.Mask == nil && !hasAlpha(call.Image) {
			apiError(w, 400, "bad_request", "mask: required when the image has no alpha channel")
			return
		}
		if call.Mask != nil {
			if _, ok := readPicture(w, "mask", call.Mask); !ok {
				return
			}
		}
	case "edit/inpaint":
		if f["prompt"] == "" {
			apiError(w, 400, "bad_request", "prompt: cannot be empty")
			return
		}
		if _, ok := num("grow_mask", 0, 100); !ok {
			return
		}
		if call.Mask == nil {
			if cfg.ColorModel != nil && !hasAlpha(call.Image) {
				apiError(w, 400, "bad_request", "mask: required when the image has no alpha channel")
				return
			}
		} else if _, ok := readPicture(w, "mask", call.Mask); !ok {
			return
		}
	case "edit/outpaint":
		total := 0.0
		for _, k := range []string{"left", "right", "up", "down"} {
			v, ok := num(k, 0, 2000)
			if !ok {
				return
			}
			total += v
		}
		if total == 0 {
			apiError(w, 400, "bad_request", "left, right, up, down: at least one must be greater than 0")
			return
		}
		if _, ok := num("creativity", 0, 1); !ok {
			return
		}
		atoi := func(k string) int { v, _ := strconv.Atoi(f[k]); return v }
		outW, outH = cfg.Width+atoi("left")+atoi("right"), cfg.Height+atoi("up")+atoi("down")
	}
	if !s.answer(w) {
		return
	}
	if service == "upscale/creative" {
		results.Lock()
		if results.m == nil {
			results.m = map[string][3]int{}
		}
		id := fmt.Sprintf("%064x", len(results.m)+1)
		results.m[id] = [3]int{outW, outH, 2}
		results.Unlock()
		writeJSON(w, 200, map[string]any{"id": id})
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Finish-Reason", "SUCCESS")
	w.Header().Set("Seed", "424242")
	w.Write(enginetest.PNG(outW, outH, 1))
}

// answer fails the call as s.Fault says, reporting whether to go on.
func (s *Server) answer(w http.ResponseWriter) bool {
	switch s.Fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		apiError(w, 429, "rate_limit_exceeded", "You have exceeded the rate limit of 150 requests within a 10 second period.")
		return false
	case enginetest.FaultUnavailable:
		apiError(w, 500, "internal_error", "An unexpected server error has occurred, please try again later.")
		return false
	case enginetest.FaultContentPolicy:
		apiError(w, 403, "content_moderation", "Your request was flagged by our content moderation system, as a result your request was denied and you were not charged.")
		return false
	}
	return true
}

// hasAlpha reports whether a PNG's colour type carries alpha.
func hasAlpha(p []byte) bool {
	return len(p) > 25 && bytes.HasPrefix(p, []byte("\x89PNG")) && (p[25] == 4 || p[25] == 6)
}

// checkImageToImage holds generate's image-to-image mode to the API: the
// image file and a strength with mode image-to-image, and no aspect ratio
// (the picture's own is used); an image without that mode is refused.
func (s *Server) checkImageToImage(w http.ResponseWriter, r *http.Request, endpoint string, form map[string]string) bool {
	img := fileOf(r, "image")
	for k := range r.MultipartForm.File {
		if k != "image" || endpoint == "core" {
			apiError(w, 400, "bad_request", k+": unknown field")
			return false
		}
	}
	i2i := form["mode"] == "image-to-image" || (endpoint == "ultra" && img != nil)
	if !i2i {
		if img != nil {
			apiError(w, 400, "bad_request", "image: only allowed with mode image-to-image")
			return false
		}
		return true
	}
	editCalls.Lock()
	if editCalls.m == nil {
		editCalls.m = map[*Server][]EditCall{}
	}
	editCalls.m[s] = append(editCalls.m[s], EditCall{Path: "generate/" + endpoint, Fields: form, Image: img})
	editCalls.Unlock()
	if _, ok := readPicture(w, "image", img); !ok {
		return false
	}
	if _, ok := form["aspect_ratio"]; ok {
		apiError(w, 400, "bad_request", "aspect_ratio: not allowed with mode image-to-image")
		return false
	}
	st, err := strconv.ParseFloat(form["strength"], 64)
	if err != nil || st < 0 || st > 1 {
		apiError(w, 400, "bad_request", "strength: required with mode image-to-image, a number between 0 and 1")
		return false
	}
	return true
}
