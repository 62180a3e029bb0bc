package runway

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// maxDataURI bounds one reference image sent inline as a data URI.
const maxDataURI = 5 << 20

// Ops is an edit through referenceImages, on the models that take them:
// the picture (and each reference) goes as a data URI with a tag, and the
// words name it as @image, as Runway's prompts do.
func (c *Client) Ops() []easel.OpSupport {
	if c.model.MaxReferences == 0 {
		return nil
	}
	return []easel.OpSupport{{Op: easel.OpEdit, MaxImages: c.model.MaxReferences, MaxBytes: maxDataURI * 3 / 4,
		Formats: []string{"png", "jpeg", "webp"}, PricePerImage: c.model.Price1080p}}
}

type reference struct {
	URI string `json:"uri"`
	Tag string `json:"tag"`
}

type editCreate struct {
	createRequest
	ReferenceImages []reference `json:"referenceImages"`
}

// Edit makes req.N pictures from the words and the reference pictures:
// the picture is tagged image, further ones ref1, ref2…; words that name
// no tag get "@image" in front, so the model knows what they are about.
func (c *Client) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.Op != easel.OpEdit || req.Mask != nil {
		return nil, easel.Errorf(easel.EINVALID, "runway takes reference pictures, not masks or %s: edit without --mask, or use --engine builtin", req.Op)
	}
	b := req.Image.Image.Bounds()
	prompt := req.Prompt
	if !strings.Contains(prompt, "@") {
		prompt = "@image " + prompt
	}
	rr := &easel.RenderRequest{Prompt: prompt, Width: b.Dx(), Height: b.Dy(), N: max(req.N, 1), Seed: req.Seed, Model: req.Model}
	if c.model.MaxPromptUTF16 > 0 && utf16Len(prompt) > c.model.MaxPromptUTF16 {
		return nil, easel.Errorf(easel.EINVALID, "runway %s takes prompts of at most %d characters: shorten the words", c.cfg.Model, c.model.MaxPromptUTF16)
	}
	ratio, err := sizes.NearestRatio(c.model.Ratios, b.Dx(), b.Dy(), true)
	if err != nil {
		return nil, fmt.Errorf("runway: %w", err)
	}
	refs := []reference{{URI: dataURI(req.Image.PNG), Tag: "image"}}
	for i, p := range req.Refs {
		refs = append(refs, reference{URI: dataURI(p.PNG), Tag: "ref" + strconv.Itoa(i+1)})
	}
	for _, r := range refs {
		if len(r.URI) > maxDataURI {
			return nil, easel.Errorf(easel.EINVALID, "runway takes reference pictures up to %d MB as data URIs; %s is larger: make it smaller first", maxDataURI>>20, r.Tag)
		}
	}
	r, _ := sizes.ParseRatio(ratio)
	res := &easel.RenderResult{Model: c.cfg.Model}
	for i := range rr.N {
		seed := (req.Seed + int64(i)) % (data.MaxSeed + 1)
		if seed < 0 {
			seed += data.MaxSeed + 1
		}
		cr := editCreate{createRequest: createRequest{Model: c.cfg.Model, PromptText: prompt, Ratio: ratio}, ReferenceImages: refs}
		if c.model.Seed {
			cr.Seed = &seed
		}
		if c.cfg.PublicFigures == "low" {
			cr.ContentModeration = &moderation{PublicFigureThreshold: "low"}
		}
		var created task
		if err := c.call(ctx, http.MethodPost, "/v1/text_to_image", cr, &created); err != nil {
			return nil, err
		}
		if created.ID == "" {
			return nil, c.svc.BadAnswer("created a task without an id: try again")
		}
		t, err := c.wait(ctx, created.ID, func(f float64) {
			if req.Progress != nil {
				req.Progress((float64(i) + min(f, 1)) / float64(rr.N))
			}
		})
		if err != nil {
			if ctx.Err() != nil {
				c.cancel(ctx, created.ID)
			}
			return nil, err
		}
		if len(t.Output) == 0 {
			return nil, c.svc.BadAnswer("finished task %s without an output: try again", t.ID)
		}
		raw, err := c.download(ctx, t.Output[0])
		if err != nil {
			return nil, err
		}
		pngData, got, err := c.svc.ToPNG(raw)
		if err != nil {
			return nil, err
		}
		res.Width, res.Height = got.X, got.Y
		res.Images = append(res.Images, easel.RenderedImage{PNG: pngData, Seed: seed})
		res.CostUSD += c.price(r)
	}
	return res, nil
}

func dataURI(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}

var _ easel.Editor = (*Client)(nil)
