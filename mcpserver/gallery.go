package mcpserver

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
)

// SearchArgs are search_gallery's arguments.
type SearchArgs struct {
	Query    string `json:"query,omitempty" jsonschema:"words to find in the pictures' ideas and prompts, such as 'lighthouse storm'; omit for the newest pictures"`
	Limit    int    `json:"limit,omitempty" jsonschema:"how many to return, 1 to 50 (default 10)"`
	Offset   int    `json:"offset,omitempty" jsonschema:"how many to skip, for the next page"`
	ParentID string `json:"parent_id,omitempty" jsonschema:"only the pictures made from this one (its variations and reproductions)"`
	Previews bool   `json:"previews,omitempty" jsonschema:"also return the first 12 pictures as small (256-pixel) images"`
}

// SearchResult is search_gallery's structured result.
type SearchResult struct {
	Artworks []ArtworkInfo `json:"artworks"`
}

// GetArgs are get_artwork's arguments.
type GetArgs struct {
	ID string `json:"id" jsonschema:"the picture's gallery id (or the first 8 or more characters of it)"`
}

// ArtworkDetail is get_artwork's structured result.
type ArtworkDetail struct {
	ArtworkInfo
	// Lineage is where it came from, oldest first, without itself.
	Lineage []ArtworkInfo `json:"lineage"`
	// Children are the pictures made from it.
	Children []ArtworkInfo `json:"children"`
}

// maxSearch is the most pictures one search returns, maxPreviews the most
// it shows as images.
const (
	maxSearch   = 50
	maxPreviews = 12
)

func (s *server) addGalleryTools(ms *mcp.Server) {
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "search_gallery",
		Title: "Search the gallery",
		Description: "Finds pictures in the person's easel gallery by words in their ideas and prompts, newest first without words. " +
			"Returns their ids, prompts and settings (and small previews when asked); show one with get_artwork.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, s.search)
	mcp.AddTool(ms, &mcp.Tool{
		Name:        "get_artwork",
		Title:       "Show a picture",
		Description: "Shows one gallery picture: the image, its prompt, negative prompt, seed, size and engine, where it came from and what was made from it.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, s.getArtwork)
}

func (s *server) search(ctx context.Context, req *mcp.CallToolRequest, in SearchArgs) (*mcp.CallToolResult, *SearchResult, error) {
	limit := in.Limit
	if limit == 0 {
		limit = 10
	}
	if limit < 1 || limit > maxSearch {
		return nil, nil, fail(easel.Errorf(easel.EINVALID, "limit %d is out of range: use 1 to %d", limit, maxSearch))
	}
	if in.Offset < 0 {
		return nil, nil, fail(easel.Errorf(easel.EINVALID, "offset %d is negative: use 0 or more", in.Offset))
	}
	f := easel.ArtworkFilter{Limit: limit, Offset: in.Offset}
	if in.ParentID != "" {
		p, err := s.artwork(ctx, in.ParentID)
		if err != nil {
			return nil, nil, fail(err)
		}
		f.ParentID = p.ID
	}
	var arts []*easel.Artwork
	var err error
	if strings.TrimSpace(in.Query) == "" {
		arts, err = s.gallery.List(ctx, f)
	} else {
		arts, err = s.gallery.Search(ctx, in.Query, f)
	}
	if err != nil {
		return nil, nil, fail(err)
	}
	out := &SearchResult{Artworks: []ArtworkInfo{}}
	res := &mcp.CallToolResult{}
	if len(arts) == 0 {
		what := "the gallery is empty: make a picture with imagine"
		if strings.TrimSpace(in.Query) != "" {
			what = fmt.Sprintf("no picture matches %q: try fewer or other words", in.Query)
		} else if in.Offset > 0 || in.ParentID != "" {
			what = "no more pictures"
		}
		res.Content = []mcp.Content{&mcp.TextContent{Text: what}}
		return res, out, nil
	}
	var b strings.Builder
	for _, a := range arts {
		out.Artworks = append(out.Artworks, s.info(a))
		fmt.Fprintf(&b, "%s  %s  %dx%d %s  %s\n", a.ID, a.CreatedAt.UTC().Format("2006-01-02 15:04"), a.Width, a.Height, engineName(a), oneLine(a.Prompt, 160))
	}
	if len(arts) == limit {
		fmt.Fprintf(&b, "(more with offset %d)\n", in.Offset+limit)
	}
	res.Content = append(res.Content, &mcp.TextContent{Text: strings.TrimSpace(b.String())})
	if in.Previews {
		// At most maxPreviews of them: every one takes room in the result.
		shown := arts[:min(len(arts), maxPreviews)]
		for _, a := range shown {
			if data, err := s.picture(ctx, a); err == nil {
				if prev, err := preview(data, 256, s.opts.PreviewBytes/len(shown)); err == nil {
					res.Content = append(res.Content, &mcp.TextContent{Text: a.ID}, &mcp.ImageContent{Data: prev, MIMEType: "image/png"})
				}
			}
		}
	}
	return res, out, nil
}

func (s *server) getArtwork(ctx context.Context, req *mcp.CallToolRequest, in GetArgs) (*mcp.CallToolResult, *ArtworkDetail, error) {
	a, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	det, err := s.detail(ctx, a)
	if err != nil {
		return nil, nil, fail(err)
	}
	res := &mcp.CallToolResult{Content: s.pictureContent(ctx, a, s.opts.PreviewSide, s.opts.PreviewBytes)}
	var b strings.Builder
	for _, l := range det.Lineage {
		fmt.Fprintf(&b, "made from %s (%s): %s\n", l.ID, l.Method, oneLine(l.Prompt, 120))
	}
	for _, c := range det.Children {
		fmt.Fprintf(&b, "made from it: %s (%s)\n", c.ID, c.Method)
	}
	if b.Len() > 0 {
		res.Content = append(res.Content, &mcp.TextContent{Text: strings.TrimSpace(b.String())})
	}
	return res, det, nil
}

// detail is an artwork with its lineage and children.
func (s *server) detail(ctx context.Context, a *easel.Artwork) (*ArtworkDetail, error) {
	det := &ArtworkDetail{ArtworkInfo: s.info(a), Lineage: []ArtworkInfo{}, Children: []ArtworkInfo{}}
	chain, err := lineage.Chain(ctx, s.gallery, a)
	if err != nil {
		return nil, err
	}
	for _, l := range chain[:len(chain)-1] {
		if l.Art != nil {
			det.Lineage = append(det.Lineage, s.info(l.Art))
		}
	}
	kids, err := s.gallery.List(ctx, easel.ArtworkFilter{ParentID: a.ID, Limit: 50})
	if err != nil {
		return nil, err
	}
	for _, k := range kids {
		det.Children = append(det.Children, s.info(k))
	}
	return det, nil
}

// artwork returns the gallery picture id names (a full id or a unique
// prefix); anything but hex never reaches the gallery.
func (s *server) artwork(ctx context.Context, id string) (*easel.Artwork, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, easel.Errorf(easel.EINVALID, "no id given: pass a picture's id from imagine or search_gallery")
	}
	if !validID(id) {
		return nil, easel.Errorf(easel.ENOTFOUND, "no picture %q in the gallery: ids are hex, such as 3f2a9c1d (find one with search_gallery)", oneLine(id, 40))
	}
	return s.gallery.Get(ctx, id)
}

// validID accepts what an artwork id can be: 1 to 64 hex digits.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// addResources makes the gallery's pictures resources: easel://artwork/{id}
// is the record (JSON) and easel://artwork/{id}/image the full-size PNG.
// resources/list lists the newest pictures, page by page.
func (s *server) addResources(ms *mcp.Server) {
	ms.AddResourceTemplate(&mcp.ResourceTemplate{
		Name: "artwork", Title: "easel gallery picture",
		Description: "A picture's record in the easel gallery: idea, prompt, negative prompt, seed, size, engine, lineage.",
		URITemplate: "easel://artwork/{id}", MIMEType: "application/json",
	}, s.readArtwork)
	ms.AddResourceTemplate(&mcp.ResourceTemplate{
		Name: "artwork-image", Title: "easel gallery picture (PNG)",
		Description: "A picture's full-size PNG file, with its generation metadata.",
		URITemplate: "easel://artwork/{id}/image", MIMEType: "image/png",
	}, s.readImage)
	ms.AddReceivingMiddleware(s.listResources)
}

// resourceID returns the id in uri, easel://artwork/{id}[suffix].
func resourceID(uri, suffix string) (string, bool) {
	rest, ok := strings.CutPrefix(uri, "easel://artwork/")
	if !ok {
		return "", false
	}
	id, ok := strings.CutSuffix(rest, suffix)
	return id, ok && validID(id)
}

func (s *server) readArtwork(ctx context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
	id, ok := resourceID(req.Params.URI, "")
	if !ok {
		return nil, mcp.ResourceNotFoundError(req.Params.URI)
	}
	a, err := s.gallery.Get(ctx, id)
	if err != nil {
		return nil, resourceError(req.Params.URI, err)
	}
	det, err := s.detail(ctx, a)
	if err != nil {
		return nil, resourceError(req.Params.URI, err)
	}
	js, err := json.MarshalIndent(det, "", "  ")
	if err != nil {
		return nil, err
	}
	return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{
		{URI: req.Params.URI, MIMEType: "application/json", Text: string(js)},
	}}, nil
}

func (s *server) readImage(ctx context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
	id, ok := resourceID(req.Params.URI, "/image")
	if !ok {
		return nil, mcp.ResourceNotFoundError(req.Params.URI)
	}
	a, err := s.gallery.Get(ctx, id)
	if err != nil {
		return nil, resourceError(req.Params.URI, err)
	}
	data, err := s.picture(ctx, a)
	if err != nil {
		return nil, resourceError(req.Params.URI, err)
	}
	return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{
		{URI: req.Params.URI, MIMEType: "image/png", Blob: data},
	}}, nil
}

// resourceError is a missing picture as the protocol's "not found", and
// anything else with easel's message.
func resourceError(uri string, err error) error {
	if easel.ErrorCode(err) == easel.ENOTFOUND {
		return mcp.ResourceNotFoundError(uri)
	}
	return fmt.Errorf("easel: %s", safeMessage(err))
}

// resourcePage is how many pictures one resources/list page holds.
const resourcePage = 50

// listResources answers resources/list with the gallery's newest
// pictures (the SDK lists only fixed resources); the cursor is the
// offset of the next page.
func (s *server) listResources(next mcp.MethodHandler) mcp.MethodHandler {
	return func(ctx context.Context, method string, req mcp.Request) (mcp.Result, error) {
		if method != "resources/list" {
			return next(ctx, method, req)
		}
		offset := 0
		if p, ok := req.GetParams().(*mcp.ListResourcesParams); ok && p != nil && p.Cursor != "" {
			n, err := strconv.Atoi(p.Cursor)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("easel: invalid cursor %q: pass the nextCursor of the previous page", p.Cursor)
			}
			offset = n
		}
		arts, err := s.gallery.List(ctx, easel.ArtworkFilter{Limit: resourcePage, Offset: offset})
		if err != nil {
			return nil, fmt.Errorf("easel: %s", safeMessage(err))
		}
		res := &mcp.ListResourcesResult{Resources: []*mcp.Resource{}}
		for _, a := range arts {
			res.Resources = append(res.Resources, &mcp.Resource{
				URI: artworkURI(a.ID), Name: a.ID, Title: oneLine(a.Idea, 80),
				Description: oneLine(a.Prompt, 200), MIMEType: "application/json",
			})
		}
		if len(arts) == resourcePage {
			res.NextCursor = strconv.Itoa(offset + resourcePage)
		}
		return res, nil
	}
}
