package a1111test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // the web UI's PIL opens these
	_ "image/png"
	"mime"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel/engine/enginetest"
	_ "golang.org/x/image/webp"
)

// img2imgKinds are StableDiffusionImg2ImgProcessingAPI's fields: the
// txt2img ones without the hires-fix and first-phase fields, and the
// img2img ones (modules/api/models.py, v1.10).
var img2imgKinds = func() map[string]string {
	m := map[string]string{}
	for k, v := range fieldKinds {
		if strings.HasPrefix(k, "hr_") || k == "enable_hr" || strings.HasPrefix(k, "firstphase_") {
			continue
		}
		m[k] = v
	}
	for k, v := range map[string]string{
		"init_images": "array", "resize_mode": "int", "image_cfg_scale": "number", "mask": "string",
		"mask_blur_x": "int", "mask_blur_y": "int", "mask_blur": "int", "mask_round": "bool",
		"inpainting_fill": "int", "inpaint_full_res": "bool", "inpaint_full_res_padding": "int",
		"inpainting_mask_invert": "int", "initial_noise_multiplier": "number", "latent_mask": "string",
		"include_init_images": "bool",
	} {
		m[k] = v
	}
	return m
}()

// extrasKinds are ExtrasSingleImageRequest's fields.
var extrasKinds = map[string]string{
	"resize_mode": "int", "show_extras_results": "bool", "gfpgan_visibility": "number",
	"codeformer_visibility": "number", "codeformer_weight": "number", "upscaling_resize": "number",
	"upscaling_resize_w": "int", "upscaling_resize_h": "int", "upscaling_crop": "bool",
	"upscaler_1": "string", "upscaler_2": "string", "extras_upscaler_2_visibility": "number",
	"upscale_first": "bool", "image": "string",
}

// Upscalers are what GET /sdapi/v1/upscalers lists on a stock install.
var Upscalers = []string{"None", "Lanczos", "Nearest", "DAT x2", "ESRGAN_4x", "LDSR", "R-ESRGAN 4x+", "R-ESRGAN 4x+ Anime6B", "ScuNET GAN", "SwinIR 4x"}

var editBodies struct {
	sync.Mutex
	m map[*Server][]map[string]any
}

// EditBodies returns the img2img and extra-single-image bodies that passed
// the field checks, in order, each with "_path" set to the endpoint.
func (s *Server) EditBodies() []map[string]any {
	editBodies.Lock()
	defer editBodies.Unlock()
	return slices.Clone(editBodies.m[s])
}

// routeEdits adds the pictures-in endpoints to the fake's mux.
func (s *Server) routeEdits(mux *http.ServeMux) {
	mux.HandleFunc("POST /sdapi/v1/img2img", s.img2img)
	mux.HandleFunc("POST /sdapi/v1/extra-single-image", s.extras)
	mux.HandleFunc("GET /sdapi/v1/upscalers", func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r) {
			return
		}
		var list []map[string]any
		for _, n := range Upscalers {
			list = append(list, map[string]any{"name": n, "model_name": nil, "model_path": nil, "model_url": nil, "scale": 4})
		}
		writeJSON(w, 200, list)
	})
}

// readBody decodes a JSON body and checks its fields against kinds, as
// FastAPI does (422), recording it.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, kinds map[string]string) (map[string]any, bool) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if !s.authorized(w, r) {
		return nil, false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		validation(w, []any{"body"}, "value is not a valid dict")
		return nil, false
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		validation(w, []any{"body"}, "value is not a valid dict")
		return nil, false
	}
	for k, v := range body {
		kind, known := kinds[k]
		if !known {
			validation(w, []any{"body", k}, "extra fields not permitted")
			return nil, false
		}
		if !kindOK(kind, v) {
			validation(w, []any{"body", k}, "value is not a valid "+kind)
			return nil, false
		}
	}
	rec := map[string]any{"_path": r.URL.Path}
	for k, v := range body {
		rec[k] = v
	}
	editBodies.Lock()
	if editBodies.m == nil {
		editBodies.m = map[*Server][]map[string]any{}
	}
	editBodies.m[s] = append(editBodies.m[s], rec)
	editBodies.Unlock()
	return body, true
}

// decodeImage is the web UI's decode_base64_to_image: a data URL or plain
// base64 of a picture PIL opens, else 500 "Invalid encoded image".
func decodeImage(w http.ResponseWriter, v any) (image.Image, bool) {
	s, _ := v.(string)
	if i := strings.Index(s, ";base64,"); strings.HasPrefix(s, "data:image/") && i > 0 {
		s = s[i+len(";base64,"):]
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	var img image.Image
	if err == nil {
		img, _, err = image.Decode(bytes.NewReader(raw))
	}
	if err != nil {
		writeJSON(w, 500, map[string]any{"error": "HTTPException", "detail": "Invalid encoded image", "body": "", "errors": ""})
		return nil, false
	}
	return img, true
}

func (s *Server) img2img(w http.ResponseWriter, r *http.Request) {
	body, ok := s.readBody(w, r, img2imgKinds)
	if !ok {
		return
	}
	inits, _ := body["init_images"].([]any)
	if len(inits) == 0 {
		writeJSON(w, 404, map[string]any{"error": "HTTPException", "detail": "Init image not found", "body": "", "errors": ""})
		return
	}
	for _, v := range inits {
		if _, ok := decodeImage(w, v); !ok {
			return
		}
	}
	if m, ok := body["mask"]; ok {
		if _, ok := decodeImage(w, m); !ok {
			return
		}
	}
	if d, ok := body["denoising_strength"].(float64); ok && (d < 0 || d > 1) {
		writeJSON(w, 500, map[string]any{"error": "AssertionError", "detail": "", "body": "", "errors": "denoising_strength must be between 0 and 1"})
		return
	}
	if f, ok := body["inpainting_fill"].(float64); ok && (f < 0 || f > 3) {
		writeJSON(w, 500, map[string]any{"error": "IndexError", "detail": "", "body": "", "errors": "list index out of range"})
		return
	}
	// Render as txt2img would, with the img2img infotext's extra keys.
	s.renderAs(w, body, func(text string) string {
		extra := fmt.Sprintf(", Denoising strength: %v", body["denoising_strength"])
		if _, ok := body["mask"]; ok {
			extra += fmt.Sprintf(", Mask blur: %v", body["mask_blur"])
		}
		return strings.Replace(text, ", Version:", extra+", Version:", 1)
	})
}

func (s *Server) extras(w http.ResponseWriter, r *http.Request) {
	body, ok := s.readBody(w, r, extrasKinds)
	if !ok {
		return
	}
	img, ok := decodeImage(w, body["image"])
	if !ok {
		return
	}
	name, _ := body["upscaler_1"].(string)
	if name != "" && !slices.Contains(Upscalers, name) {
		writeJSON(w, 500, map[string]any{"error": "AssertionError", "detail": "", "body": "", "errors": "could not find upscaler named " + name})
		return
	}
	scale := 2.0
	if f, ok := body["upscaling_resize"].(float64); ok {
		scale = f
	}
	b := img.Bounds()
	out := enginetest.PNG(int(float64(b.Dx())*scale), int(float64(b.Dy())*scale), 1)
	writeJSON(w, 200, map[string]any{"html_info": "<p>Postprocess upscale by: " + fmt.Sprint(scale) + ", Postprocess upscaler: " + name + "</p>", "image": base64.StdEncoding.EncodeToString(out)})
}

// renderAs answers like txt2img: batch_size pictures of width x height
// with seeds from seed, and an info string whose infotexts pass through
// infotext.
func (s *Server) renderAs(w http.ResponseWriter, body map[string]any, infotext func(string) string) {
	num := func(k string, def float64) float64 {
		if f, ok := body[k].(float64); ok {
			return f
		}
		return def
	}
	if name, ok := body["sampler_name"].(string); ok && !slices.Contains(samplers, name) {
		writeJSON(w, 404, map[string]any{"error": "HTTPException", "detail": "Sampler not found", "body": "", "errors": ""})
		return
	}
	switch s.Fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		http.Error(w, "Too Many Requests", 429)
		return
	case enginetest.FaultUnavailable:
		writeJSON(w, 500, map[string]any{"error": "OutOfMemoryError", "detail": "", "body": "", "errors": "CUDA out of memory."})
		return
	}
	width, height := int(num("width", 512)), int(num("height", 512))
	batch, seed := int(num("batch_size", 1)), int64(num("seed", -1))
	if seed == -1 {
		seed = 1234
	}
	if width < 64 || height < 64 || width > 2048 || height > 2048 || batch < 1 {
		writeJSON(w, 500, map[string]any{"error": "RuntimeError", "detail": "", "body": "", "errors": "bad size"})
		return
	}
	prompt, _ := body["prompt"].(string)
	sampler, _ := body["sampler_name"].(string)
	if sampler == "" {
		sampler = "Euler"
	}
	model := s.Checkpoints[0].ModelName
	if o, ok := body["override_settings"].(map[string]any); ok {
		if m, ok := o["sd_model_checkpoint"].(string); ok {
			if k, found := s.resolve(m); found {
				model = k.ModelName
			}
		}
	}
	var images, infotexts []string
	var seeds []int64
	for i := range batch {
		sd := seed + int64(i)
		images = append(images, base64.StdEncoding.EncodeToString(enginetest.PNG(width, height, sd)))
		seeds = append(seeds, sd)
		infotexts = append(infotexts, infotext(fmt.Sprintf("%s\nSteps: %d, Sampler: %s, CFG scale: %v, Seed: %d, Size: %dx%d, Model: %s, Version: v1.10.1",
			prompt, int(num("steps", 50)), sampler, num("cfg_scale", 7), sd, width, height, model)))
	}
	info, _ := json.Marshal(map[string]any{
		"prompt": prompt, "seed": seed, "all_seeds": seeds, "width": width, "height": height,
		"sampler_name": sampler, "cfg_scale": num("cfg_scale", 7), "steps": int(num("steps", 50)),
		"sd_model_name": model, "index_of_first_image": 0, "infotexts": infotexts, "version": "v1.10.1",
		"denoising_strength": body["denoising_strength"],
	})
	writeJSON(w, 200, map[string]any{"images": images, "parameters": body, "info": string(info)})
}
