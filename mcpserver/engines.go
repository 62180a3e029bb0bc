package mcpserver

import (
	"context"
	"fmt"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
)

// EngineInfo is one image engine as list_engines reports it: whether it
// can be used now, what it costs and what it can do. It carries no
// credential, only whether one is set.
type EngineInfo struct {
	Name    string `json:"name"`
	Summary string `json:"summary"`
	// Configured reports that it has what it needs (a key, a URL) to be
	// used; Set names the variable to set when it has not. State says
	// more: ready, configured, default URL (a local server expected at
	// its usual address), not configured or misconfigured.
	Configured bool   `json:"configured"`
	State      string `json:"state"`
	Set        string `json:"set,omitempty"`
	Local      bool   `json:"local"`
	// PricePerImage is in US dollars (0 for free engines).
	PricePerImage float64       `json:"price_per_image"`
	Dialect       easel.Dialect `json:"dialect,omitempty"`
	DefaultModel  string        `json:"default_model,omitempty"`
	Models        []string      `json:"models,omitempty"`
	// Ops are what it does with a picture in (edit, inpaint, outpaint, upscale).
	Ops []easel.Op `json:"ops,omitempty"`
}

// EnginesResult is list_engines' structured result.
type EnginesResult struct {
	Default string       `json:"default"`
	Engines []EngineInfo `json:"engines"`
}

func (s *server) addEngineTool(ms *mcp.Server) {
	if s.engines == nil {
		return
	}
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "list_engines",
		Title: "List the image engines",
		Description: "Lists the image engines easel knows: which are configured on this machine and can be used now, the default, what each costs a picture, its models and what it can do with a picture in (edit, outpaint, upscale). " +
			"Call it before choosing an engine other than the default; never ask for a key's value.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, s.listEngines)
}

func (s *server) listEngines(ctx context.Context, req *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, *EnginesResult, error) {
	out := &EnginesResult{Default: s.opts.Engine, Engines: s.engines(ctx)}
	var b strings.Builder
	for _, e := range out.Engines {
		state := e.State
		if !e.Configured && e.Set != "" {
			state += ": set " + e.Set
		}
		if e.Configured {
			state += "; free"
			if e.PricePerImage > 0 {
				state = fmt.Sprintf("%s; $%.3g a picture", e.State, e.PricePerImage)
			}
		}
		def := ""
		if strings.EqualFold(e.Name, s.opts.Engine) || strings.HasPrefix(strings.ToLower(s.opts.Engine), strings.ToLower(e.Name)+":") {
			def = " (default)"
		}
		fmt.Fprintf(&b, "%s%s — %s", e.Name, def, state)
		if e.Configured && len(e.Ops) > 0 {
			ops := make([]string, len(e.Ops))
			for i, o := range e.Ops {
				ops[i] = string(o)
			}
			fmt.Fprintf(&b, "; pictures in: %s", strings.Join(ops, ", "))
		}
		fmt.Fprintf(&b, "\n  %s\n", e.Summary)
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: strings.TrimSpace(b.String())}}}, out, nil
}
