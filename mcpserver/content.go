package mcpserver

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"golang.org/x/image/draw"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// ArtworkInfo is a gallery picture as the tools report it: what a model
// needs to talk about it, vary it or find it again.
type ArtworkInfo struct {
	ID             string  `json:"id"`
	Idea           string  `json:"idea"`
	Prompt         string  `json:"prompt"`
	NegativePrompt string  `json:"negative_prompt,omitempty"`
	RevisedPrompt  string  `json:"revised_prompt,omitempty"`
	Engine         string  `json:"engine"`
	Model          string  `json:"model,omitempty"`
	Seed           int64   `json:"seed"`
	Width          int     `json:"width"`
	Height         int     `json:"height"`
	Style          string  `json:"style,omitempty"`
	Method         string  `json:"method"`
	ParentID       string  `json:"parent_id,omitempty"`
	CostUSD        float64 `json:"cost_usd,omitempty"`
	SHA256         string  `json:"sha256"`
	CreatedAt      string  `json:"created_at"`
	// URI is the artwork's MCP resource; File is its full-size PNG
	// (a file:// URI when the client is on this machine, else the
	// easel://artwork/{id}/image resource).
	URI  string `json:"uri"`
	File string `json:"file"`
}

// artworkURI is the resource of an artwork's record.
func artworkURI(id string) string { return "easel://artwork/" + id }

// imageURI is the resource of an artwork's full-size PNG.
func imageURI(id string) string { return "easel://artwork/" + id + "/image" }

func (s *server) info(a *easel.Artwork) ArtworkInfo {
	return ArtworkInfo{
		ID: a.ID, Idea: a.Idea, Prompt: a.Prompt, NegativePrompt: a.NegativePrompt, RevisedPrompt: a.RevisedPrompt,
		Engine: a.Engine, Model: a.Model, Seed: a.Seed, Width: a.Width, Height: a.Height, Style: a.Style,
		Method: a.Method, ParentID: a.ParentID, CostUSD: a.CostUSD, SHA256: a.SHA256,
		CreatedAt: a.CreatedAt.UTC().Format(time.RFC3339),
		URI:       artworkURI(a.ID), File: s.fileURI(a),
	}
}

// fileURI is where the full-size picture is: its file on this machine for
// a local client (when the gallery keeps files on this disk), else its
// MCP resource.
func (s *server) fileURI(a *easel.Artwork) string {
	if s.opts.FileLinks && a.Path != "" {
		if abs, err := filepath.Abs(a.Path); err == nil {
			if st, err := os.Stat(abs); err == nil && st.Mode().IsRegular() {
				return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
			}
		}
	}
	return imageURI(a.ID)
}

// picture returns an artwork's PNG from the gallery's image store.
func (s *server) picture(ctx context.Context, a *easel.Artwork) ([]byte, error) {
	rc, err := s.gallery.Images().Open(ctx, a.SHA256)
	if err != nil {
		if easel.ErrorCode(err) == easel.ENOTFOUND {
			return nil, easel.Errorf(easel.ENOTFOUND, "the image file of artwork %s is missing", a.ID)
		}
		return nil, err
	}
	defer rc.Close()
	return imageio.ReadAll(rc, imageio.DefaultMaxFile)
}

// summary is the text a model reads about a picture.
func summary(a *easel.Artwork) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id %s (%s, seed %d, %dx%d, %s", a.ID, a.Method, a.Seed, a.Width, a.Height, engineName(a))
	if a.ParentID != "" {
		fmt.Fprintf(&b, ", from %s", a.ParentID)
	}
	if a.CostUSD > 0 {
		fmt.Fprintf(&b, ", $%.4g", a.CostUSD)
	}
	b.WriteString(")\n")
	if a.Idea != "" {
		fmt.Fprintf(&b, "idea: %s\n", a.Idea)
	}
	fmt.Fprintf(&b, "prompt: %s\n", a.Prompt)
	if a.NegativePrompt != "" {
		fmt.Fprintf(&b, "negative: %s\n", a.NegativePrompt)
	}
	if rp := strings.TrimSpace(a.RevisedPrompt); rp != "" && rp != strings.TrimSpace(a.Prompt) {
		fmt.Fprintf(&b, "revised by the engine: %s\n", rp)
	}
	return strings.TrimSpace(b.String())
}

func engineName(a *easel.Artwork) string {
	if a.Model != "" && a.Model != a.Engine {
		return a.Engine + ":" + a.Model
	}
	return a.Engine
}

// pictureContent is one picture as MCP content: its summary, a preview
// image and a link to the full-size file.
func (s *server) pictureContent(ctx context.Context, a *easel.Artwork, side, budget int) []mcp.Content {
	out := []mcp.Content{&mcp.TextContent{Text: summary(a)}}
	data, err := s.picture(ctx, a)
	if err != nil {
		s.log.Warn("read artwork", easel.LogKeyArtworkID, a.ID, "err", err)
		return append(out, &mcp.TextContent{Text: "the picture's file cannot be read: " + easel.ErrorMessage(err)})
	}
	size := int64(len(data))
	if prev, err := preview(data, side, budget); err != nil {
		out = append(out, &mcp.TextContent{Text: "no preview: " + easel.ErrorMessage(err)})
	} else {
		out = append(out, &mcp.ImageContent{Data: prev, MIMEType: "image/png"})
	}
	return append(out, &mcp.ResourceLink{
		URI: s.fileURI(a), Name: a.ID + ".png", Title: "full-size picture " + a.ID,
		Description: fmt.Sprintf("%dx%d PNG with its generation metadata", a.Width, a.Height),
		MIMEType:    "image/png", Size: &size,
	})
}

// preview returns the PNG scaled so its longer side is at most side and
// the file at most budget bytes (the file itself when it fits already):
// a detailed 1024-pixel picture can be 1.6 MB, and clients cap a whole
// tool result (Claude Desktop at 1 MiB of JSON, so base64 included).
func preview(data []byte, side, budget int) ([]byte, error) {
	// Imports come from anywhere: the pixel budget holds before decoding.
	cfg, format, err := imageio.Config(data)
	if err != nil {
		return nil, err
	}
	if format != "png" {
		return nil, easel.Errorf(easel.EINVALID, "the picture is a %s file, not a PNG", format)
	}
	if cfg.Width <= side && cfg.Height <= side && len(data) <= budget {
		return data, nil
	}
	img, _, err := imageio.Decode(data)
	if err != nil {
		return nil, err
	}
	side = min(side, max(cfg.Width, cfg.Height))
	if len(data) > budget {
		// The bytes go with the area: start where the file says it fits.
		side = max(minPreviewSide, int(float64(side)*math.Sqrt(float64(budget)/float64(len(data)))*0.95))
	}
	for {
		out, err := scaled(img, side)
		if err != nil || len(out) <= budget || side <= minPreviewSide {
			return out, err
		}
		side = max(minPreviewSide, int(float64(side)*math.Sqrt(float64(budget)/float64(len(out)))*0.95))
	}
}

// minPreviewSide is the smallest preview: below it a picture says little.
const minPreviewSide = 128

// scaled encodes img with its longer side at side pixels.
func scaled(img image.Image, side int) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w >= h {
		w, h = side, max(1, h*side/w)
	} else {
		w, h = max(1, w*side/h), side
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// picturesResult is the result of a tool that made pictures.
func (s *server) picturesResult(ctx context.Context, arts []*easel.Artwork, notes []string, partial bool) (*mcp.CallToolResult, *Pictures, error) {
	res := &mcp.CallToolResult{}
	out := &Pictures{Artworks: []ArtworkInfo{}, Notes: notes}
	for _, n := range notes {
		res.Content = append(res.Content, &mcp.TextContent{Text: "note: " + n})
	}
	for _, a := range arts {
		out.Artworks = append(out.Artworks, s.info(a))
		res.Content = append(res.Content, s.pictureContent(ctx, a, s.opts.PreviewSide, s.opts.PreviewBytes/max(len(arts), 1))...)
	}
	res.IsError = partial
	return res, out, nil
}
