package mcpserver

import (
	"context"
	"fmt"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/verb"
)

// The tools that take a picture in: describe and edit.

// DescribeArgs are describe's arguments.
type DescribeArgs struct {
	Image   string `json:"image" jsonschema:"the picture: a gallery id (with easel mcp on this machine also a PNG, JPEG or WebP file path)"`
	N       int    `json:"n,omitempty" jsonschema:"how many prompts, 1 to 20 (default 4)"`
	Dialect string `json:"dialect,omitempty" jsonschema:"the dialect to write them in: natural, gpt-image, flux, sd, sdxl or midjourney (default: the picture's own, else natural)"`
	Render  int    `json:"render,omitempty" jsonschema:"render prompt number K (1 to n) and save it as the picture's child; omit to only write the prompts"`
	Engine  string `json:"engine,omitempty" jsonschema:"the engine NAME[:MODEL] to render on (default builtin)"`
	Seed    *int64 `json:"seed,omitempty" jsonschema:"the seed to render with; omit for a random one"`
}

// DescribeResult is describe's structured result.
type DescribeResult struct {
	Prompts []WrittenPrompt `json:"prompts"`
	// Maker names the tool whose metadata the picture carries, if any.
	Maker string `json:"maker,omitempty"`
	// Artworks is the picture rendered, when asked.
	Artworks []ArtworkInfo `json:"artworks"`
	Notes    []string      `json:"notes,omitempty"`
}

// EditArgs are edit's arguments.
type EditArgs struct {
	Image    string   `json:"image" jsonschema:"the picture: a gallery id (with easel mcp on this machine also a PNG, JPEG or WebP file path)"`
	Op       string   `json:"op,omitempty" jsonschema:"edit (default: change the picture toward the words), outpaint (extend it past its edges) or upscale (enlarge it 2 or 4 times)"`
	Words    string   `json:"words,omitempty" jsonschema:"what to change ('as a watercolor', 'add snow'), or what lies beyond the edges for outpaint; edit needs them"`
	Strength *float64 `json:"strength,omitempty" jsonschema:"how far from the picture, 0 (keep it) to 1 (follow the words only); default 0.5"`
	Aspect   string   `json:"aspect,omitempty" jsonschema:"outpaint to this aspect ratio W:H, such as 16:9"`
	Expand   string   `json:"expand,omitempty" jsonschema:"outpaint by LEFT,TOP,RIGHT,BOTTOM pixels, such as 0,0,512,0 (give aspect or expand)"`
	Scale    int      `json:"scale,omitempty" jsonschema:"upscale factor, 2 (default) or 4"`
	Engine   string   `json:"engine,omitempty" jsonschema:"the engine NAME[:MODEL] (default builtin, the offline canvas)"`
	Style    string   `json:"style,omitempty" jsonschema:"a style preset"`
	Negative string   `json:"negative,omitempty" jsonschema:"things to keep out of the picture"`
	N        int      `json:"n,omitempty" jsonschema:"how many pictures, 1 to 4 (default 1)"`
	Seed     *int64   `json:"seed,omitempty" jsonschema:"a seed, 0 or more; omit for a random one"`
}

func (s *server) addPictureTools(ms *mcp.Server) {
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "describe",
		Title: "Prompts from a picture",
		Description: "Reads a picture and writes prompts that could make it: the recorded prompt first and variations after for a picture with generation metadata (easel, AUTOMATIC1111, ComfyUI, InvokeAI), an offline analysis of colour, light and composition for any other. " +
			"Can render one of them as the picture's child.",
		Annotations: &mcp.ToolAnnotations{OpenWorldHint: ptr(true)},
	}, s.describe)
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "edit",
		Title: "Edit, outpaint or upscale a picture",
		Description: "Takes a picture in: edit changes it toward the words by a strength, outpaint extends it past its edges (to an aspect ratio or by pixels), upscale enlarges it 2 or 4 times. " +
			"Works on every engine that can, the built-in canvas included; each result is saved as the picture's child.",
		Annotations: &mcp.ToolAnnotations{OpenWorldHint: ptr(true)},
	}, s.edit)
}

// pictureRef returns how a verb is given the picture image names: a
// gallery id, or, for a client on this machine, a file path. Over HTTP a
// path would read the server's files, so only ids are taken.
func (s *server) pictureRef(ctx context.Context, image string) (string, error) {
	image = strings.TrimSpace(image)
	if image == "" {
		return "", easel.Errorf(easel.EINVALID, "no picture given: pass a gallery id from imagine or search_gallery")
	}
	if validID(image) {
		a, err := s.gallery.Get(ctx, image)
		if err == nil {
			return a.ID, nil
		}
		if easel.ErrorCode(err) != easel.ENOTFOUND || !s.opts.FileLinks {
			return "", err
		}
	}
	if !s.opts.FileLinks {
		return "", easel.Errorf(easel.EINVALID, "%q is not a gallery id: give the id of a picture (search_gallery finds them); files are read only by easel mcp on the same machine", oneLine(image, 60))
	}
	return image, nil
}

func (s *server) describe(ctx context.Context, req *mcp.CallToolRequest, in DescribeArgs) (*mcp.CallToolResult, *DescribeResult, error) {
	ref, err := s.pictureRef(ctx, in.Image)
	if err != nil {
		return nil, nil, fail(err)
	}
	r := verb.DescribeRequest{Image: ref, N: in.N, Imagine: in.Render, Engine: or(in.Engine, "builtin")}
	if in.N < 0 || in.N > describe.MaxPrompts {
		return nil, nil, fail(easel.Errorf(easel.EINVALID, "n %d is out of range: ask for 1 to %d prompts", in.N, describe.MaxPrompts))
	}
	if in.Dialect != "" {
		if r.Dialect, err = dialect.Parse(in.Dialect); err != nil {
			return nil, nil, fail(err)
		}
	}
	if r.Seed, err = seedArg(in.Seed); err != nil {
		return nil, nil, fail(err)
	}
	var got *verb.Result
	r.OnDescribed = func(res *verb.Result) { got = res }
	renders := 0
	if in.Render > 0 {
		renders = 1
	}
	res, pics, err := s.run(ctx, req, max(renders, 1), false, "", func(h verb.Hooks) (*verb.Result, error) {
		r.Hooks = h
		return verb.Describe(ctx, s.core, r)
	})
	if err != nil || got == nil {
		return res, nil, err
	}
	out := &DescribeResult{Artworks: pics.Artworks, Notes: pics.Notes}
	if got.Described != nil {
		out.Maker = got.Described.Maker
	}
	var b strings.Builder
	if out.Maker != "" {
		fmt.Fprintf(&b, "made by %s: its recorded prompt first\n\n", out.Maker)
	}
	for i, v := range got.Variations {
		out.Prompts = append(out.Prompts, WrittenPrompt{Prompt: v.Text, Negative: v.Negative, Dialect: v.Dialect, Seed: v.Prompt.Seed, Writer: v.Prompt.Writer})
		fmt.Fprintf(&b, "%d. %s\n", i+1, v.Text)
		if v.Negative != "" {
			fmt.Fprintf(&b, "   negative: %s\n", v.Negative)
		}
	}
	// The prompts first, then what was rendered (with its notes).
	res.Content = append([]mcp.Content{&mcp.TextContent{Text: strings.TrimSpace(b.String())}}, res.Content...)
	return res, out, nil
}

func (s *server) edit(ctx context.Context, req *mcp.CallToolRequest, in EditArgs) (*mcp.CallToolResult, *Pictures, error) {
	ref, err := s.pictureRef(ctx, in.Image)
	if err != nil {
		return nil, nil, fail(err)
	}
	r := verb.EditRequest{
		Op: easel.Op(or(in.Op, string(easel.OpEdit))), Image: ref, Words: in.Words, Engine: or(in.Engine, "builtin"),
		Style: in.Style, Negative: in.Negative, Strength: -1, Aspect: in.Aspect, Expand: in.Expand, Scale: in.Scale,
	}
	if in.Strength != nil {
		if *in.Strength < 0 {
			return nil, nil, fail(easel.Errorf(easel.EINVALID, "strength %g is out of range: give 0 (keep the picture) to 1 (follow the words only)", *in.Strength))
		}
		r.Strength = *in.Strength
	}
	if r.N, err = countArg(in.N, 1); err != nil {
		return nil, nil, fail(err)
	}
	if r.Seed, err = seedArg(in.Seed); err != nil {
		return nil, nil, fail(err)
	}
	return s.run(ctx, req, 1, false, "", func(h verb.Hooks) (*verb.Result, error) {
		r.Hooks = h
		return verb.Edit(ctx, s.core, r)
	})
}
