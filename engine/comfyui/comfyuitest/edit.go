package comfyuitest

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/jpeg" // what LoadImage opens
	_ "image/png"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"

	_ "golang.org/x/image/webp"
)

// The nodes of the pictures-in workflows, from nodes.py: LoadImage's
// image and LoadImageMask's are combos of the files in the input folder,
// so a workflow naming a file that was never uploaded fails validation.
func init() {
	nodeSpecs["LoadImage"] = nodeSpec{map[string]string{"image": "input_files"}, []string{"IMAGE", "MASK"}, false}
	nodeSpecs["LoadImageMask"] = nodeSpec{map[string]string{"image": "input_files", "channel": "mask_channels"}, []string{"MASK"}, false}
	nodeSpecs["VAEEncode"] = nodeSpec{map[string]string{"pixels": "IMAGE", "vae": "VAE"}, []string{"LATENT"}, false}
	nodeSpecs["SetLatentNoiseMask"] = nodeSpec{map[string]string{"samples": "LATENT", "mask": "MASK"}, []string{"LATENT"}, false}
	choices["mask_channels"] = []string{"alpha", "red", "green", "blue"}
}

var uploads struct {
	sync.Mutex
	m map[*Server]map[string][]byte // input file name → bytes
}

// Uploads returns the files POST /upload/image stored, by name.
func (s *Server) Uploads() map[string][]byte {
	uploads.Lock()
	defer uploads.Unlock()
	out := map[string][]byte{}
	for k, v := range uploads.m[s] {
		out[k] = v
	}
	return out
}

// inputFiles lists the input folder, as LoadImage's combo does.
func (s *Server) inputFiles() []string {
	uploads.Lock()
	defer uploads.Unlock()
	var names []string
	for k := range uploads.m[s] {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// inputSize is the size of an uploaded picture, for what LoadImage passes on.
func (s *Server) inputSize(name any) (float64, float64, bool) {
	n, _ := name.(string)
	uploads.Lock()
	data := uploads.m[s][n]
	uploads.Unlock()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, false
	}
	return float64(cfg.Width), float64(cfg.Height), true
}

// upload is server.py's POST /upload/image: multipart with the file in
// "image" (400 without it), "type" input, temp or output (400 otherwise),
// "subfolder" without "..", "overwrite"; it answers name, subfolder, type.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		w.WriteHeader(400)
		return
	}
	fhs := r.MultipartForm.File["image"]
	if len(fhs) == 0 {
		w.WriteHeader(400)
		return
	}
	typ := r.FormValue("type")
	if typ == "" {
		typ = "input"
	}
	sub := r.FormValue("subfolder")
	if !slices.Contains([]string{"input", "temp", "output"}, typ) || strings.Contains(sub, "..") {
		w.WriteHeader(400)
		return
	}
	f, err := fhs[0].Open()
	if err != nil {
		w.WriteHeader(400)
		return
	}
	data, _ := io.ReadAll(f)
	f.Close()
	name := fhs[0].Filename
	uploads.Lock()
	if uploads.m == nil {
		uploads.m = map[*Server]map[string][]byte{}
	}
	if uploads.m[s] == nil {
		uploads.m[s] = map[string][]byte{}
	}
	if _, exists := uploads.m[s][name]; exists && r.FormValue("overwrite") != "true" && r.FormValue("overwrite") != "1" {
		// server.py numbers the name: "x (1).png".
		dot := strings.LastIndex(name, ".")
		name = name[:dot] + " (1)" + name[dot:]
	}
	full := name
	if sub != "" {
		full = sub + "/" + name
	}
	if typ == "input" {
		uploads.m[s][full] = data
	}
	uploads.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"name": name, "subfolder": sub, "type": typ})
}

// The upscale nodes, from nodes.py and comfy_extras/nodes_upscale_model.py.
func init() {
	nodeSpecs["UpscaleModelLoader"] = nodeSpec{map[string]string{"model_name": "upscale_models"}, []string{"UPSCALE_MODEL"}, false}
	nodeSpecs["ImageUpscaleWithModel"] = nodeSpec{map[string]string{"upscale_model": "UPSCALE_MODEL", "image": "IMAGE"}, []string{"IMAGE"}, false}
	nodeSpecs["ImageScale"] = nodeSpec{map[string]string{"image": "IMAGE", "upscale_method": "upscale_methods", "width": "INT", "height": "INT", "crop": "crop_methods"}, []string{"IMAGE"}, false}
	nodeSpecs["ImageScaleBy"] = nodeSpec{map[string]string{"image": "IMAGE", "upscale_method": "upscale_methods", "scale_by": "FLOAT"}, []string{"IMAGE"}, false}
	choices["upscale_methods"] = []string{"nearest-exact", "bilinear", "area", "bicubic", "lanczos"}
	choices["crop_methods"] = []string{"disabled", "center"}
	bounds["scale_by"] = [2]float64{0.01, 8}
}

var upscaleModels struct {
	sync.Mutex
	m map[*Server][]string
}

// SetUpscaleModels sets what the server's models/upscale_models folder
// holds (none from New).
func (s *Server) SetUpscaleModels(names ...string) {
	upscaleModels.Lock()
	defer upscaleModels.Unlock()
	if upscaleModels.m == nil {
		upscaleModels.m = map[*Server][]string{}
	}
	upscaleModels.m[s] = names
}

func (s *Server) upscaleModelNames() []string {
	upscaleModels.Lock()
	defer upscaleModels.Unlock()
	return slices.Clone(upscaleModels.m[s])
}

// scaledSize is what a graph's scale nodes make of the picture.
func scaledSize(graph map[string]any, w, h float64) (float64, float64) {
	for _, n := range graph {
		node := n.(map[string]any)
		in := node["inputs"].(map[string]any)
		switch node["class_type"] {
		case "ImageScale":
			return in["width"].(float64), in["height"].(float64)
		case "ImageScaleBy":
			k := in["scale_by"].(float64)
			return float64(int(w*k + 0.5)), float64(int(h*k + 0.5))
		}
	}
	return w, h
}
