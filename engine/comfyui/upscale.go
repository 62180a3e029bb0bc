package comfyui

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/easel-art/easel"
)

// upscaleModelPreference is the order easel picks an upscale model in,
// among the files /object_info/UpscaleModelLoader lists.
var upscaleModelPreference = []string{"4x-UltraSharp", "RealESRGAN_x4plus", "4x_NMKD-Siax", "ESRGAN_4x", "RealESRGAN_x2plus"}

// upscaleModels lists the upscale model files the server has.
func (c *Client) upscaleModels(ctx context.Context) ([]string, error) {
	var info map[string]struct {
		Input struct {
			Required map[string]json.RawMessage `json:"required"`
		} `json:"input"`
	}
	if err := c.getJSON(ctx, "/object_info/UpscaleModelLoader", &info); err != nil {
		return nil, err
	}
	return ComboOptions(info["UpscaleModelLoader"].Input.Required["model_name"]), nil
}

// upscale enlarges the uploaded picture by req.Scale: through an upscale
// model when the server has one (UpscaleModelLoader →
// ImageUpscaleWithModel, then ImageScale to the exact size, as a 4x model
// may be used for 2x), else with ImageScaleBy's Lanczos, and says so.
func (c *Client) upscale(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.N > 1 {
		return nil, easel.Errorf(easel.EINVALID, "comfyui upscales one picture a call; -n %d was asked", req.N)
	}
	scale := max(req.Scale, 2)
	models, err := c.upscaleModels(ctx)
	if err != nil {
		return nil, err
	}
	model := ""
	switch {
	case req.Upscaler != "":
		if !slices.Contains(models, req.Upscaler) {
			return nil, easel.Errorf(easel.EINVALID, "ComfyUI has no upscale model %q; it has: %s", req.Upscaler, strings.Join(append([]string{"(none)"}, models...)[min(len(models), 1):], ", "))
		}
		model = req.Upscaler
	case len(models) > 0:
		model = models[0]
		for _, want := range upscaleModelPreference {
			if i := slices.IndexFunc(models, func(m string) bool { return strings.HasPrefix(m, want) }); i >= 0 {
				model = models[i]
				break
			}
		}
	}
	name, err := c.upload(ctx, req.Image.PNG)
	if err != nil {
		return nil, err
	}
	b := req.Image.Image.Bounds()
	graph := map[string]any{
		"10": map[string]any{"class_type": "LoadImage", "inputs": map[string]any{"image": name}},
		"9":  map[string]any{"class_type": "SaveImage", "inputs": map[string]any{"filename_prefix": "easel", "images": []any{"22", 0}}},
	}
	res := &easel.RenderResult{}
	if model != "" {
		graph["20"] = map[string]any{"class_type": "UpscaleModelLoader", "inputs": map[string]any{"model_name": model}}
		graph["21"] = map[string]any{"class_type": "ImageUpscaleWithModel", "inputs": map[string]any{"upscale_model": []any{"20", 0}, "image": []any{"10", 0}}}
		graph["22"] = map[string]any{"class_type": "ImageScale", "inputs": map[string]any{"image": []any{"21", 0}, "upscale_method": "lanczos",
			"width": b.Dx() * scale, "height": b.Dy() * scale, "crop": "disabled"}}
		res.Model = model
	} else {
		graph["22"] = map[string]any{"class_type": "ImageScaleBy", "inputs": map[string]any{"image": []any{"10", 0}, "upscale_method": "lanczos", "scale_by": float64(scale)}}
		res.Model = "lanczos"
		res.Notes = append(res.Notes, "ComfyUI lists no upscale model (models/upscale_models): resampled with Lanczos; the built-in upscaler is as good for that")
	}
	ws := c.watch(ctx)
	defer ws.close()
	id, err := c.queue(ctx, graph)
	if err != nil {
		return nil, err
	}
	res, err = c.collect(ctx, ws, []string{id}, req.Seed, req.Progress, "", res)
	if err != nil {
		return nil, err
	}
	res.Images[0].Info = fmt.Sprintf("Postprocess upscale by: %d, Postprocess upscaler: %s", scale, res.Model)
	return res, nil
}
