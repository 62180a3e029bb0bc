package comfyui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
)

// checkpoints returns the checkpoint files the server has: GET
// /models/checkpoints (server.py's plain list), or, on a server too old
// for that route, the ckpt_name choices of CheckpointLoaderSimple in
// /object_info, in either of its formats.
func (c *Client) checkpoints(ctx context.Context) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/models/checkpoints"), nil)
	if err != nil {
		return nil, fmt.Errorf("comfyui /models/checkpoints: %w", err)
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.svc.Transport(ctx, "comfyui /models/checkpoints", err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		var names []string
		body, err := httpx.ReadAll(resp.Body, 16<<20)
		if err != nil {
			return nil, c.svc.Transport(ctx, "comfyui /models/checkpoints", err)
		}
		if json.Unmarshal(body, &names) != nil {
			return nil, c.svc.BadAnswer("sent a checkpoint list easel cannot read: try again")
		}
		return names, nil
	case http.StatusNotFound: // a server from before the route
	default:
		return nil, c.failure(resp)
	}
	var info map[string]struct {
		Input struct {
			Required map[string]json.RawMessage `json:"required"`
		} `json:"input"`
	}
	if err := c.getJSON(ctx, "/object_info/CheckpointLoaderSimple", &info); err != nil {
		return nil, err
	}
	return ComboOptions(info["CheckpointLoaderSimple"].Input.Required["ckpt_name"]), nil
}

// ComboOptions reads the choices of a combo input spec from /object_info:
// the old format [["a", "b"], {...}] or the newer ["COMBO", {"options":
// ["a", "b"], ...}]. Anything else has none.
func ComboOptions(spec json.RawMessage) []string {
	var parts []json.RawMessage
	if json.Unmarshal(spec, &parts) != nil || len(parts) == 0 {
		return nil
	}
	var list []string
	if json.Unmarshal(parts[0], &list) == nil {
		return list
	}
	var kind string
	if json.Unmarshal(parts[0], &kind) == nil && kind == "COMBO" && len(parts) > 1 {
		var opts struct {
			Options []string `json:"options"`
		}
		json.Unmarshal(parts[1], &opts)
		return opts.Options
	}
	return nil
}

// pickCheckpoint returns model when the server has it, or its first
// checkpoint when model is "". A model it does not have is EINVALID
// naming those it has: ComfyUI would refuse the prompt anyway, in terms
// of node ids.
func (c *Client) pickCheckpoint(ctx context.Context, model string) (string, error) {
	names, err := c.checkpoints(ctx)
	if err != nil {
		return "", err
	}
	if len(names) == 0 {
		return "", easel.Errorf(easel.ECONFIG, "ComfyUI at %s has no checkpoints: put one in its models/checkpoints folder", c.base)
	}
	if model == "" {
		return names[0], nil
	}
	if !slices.Contains(names, model) {
		return "", easel.Errorf(easel.EINVALID, "ComfyUI has no checkpoint %q; it has: %s: use --engine comfyui:FILE", model, strings.Join(names, ", "))
	}
	return model, nil
}

// Model returns the checkpoint this client renders with: the configured
// one, else the server's first (known after Check); "" when the workflow
// fixes its own.
func (c *Client) Model() string {
	if !c.workflow.Uses("model") {
		return ""
	}
	if c.cfg.Model != "" {
		return c.cfg.Model
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.first
}
