package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/verb"
)

// JobRequest asks for prompts (POST /api/v1/prompts) or pictures (POST
// /api/v1/jobs). Every field but Idea is optional.
type JobRequest struct {
	Idea     string `json:"idea"`
	LLM      string `json:"llm,omitempty"`
	Engine   string `json:"engine,omitempty"`
	Style    string `json:"style,omitempty"`
	Negative string `json:"negative,omitempty"`
	Dialect  string `json:"dialect,omitempty"`
	// Size is WIDTHxHEIGHT; or Aspect W:H with Long the longer side
	// (default 1024). Neither means 1024x1024.
	Size   string `json:"size,omitempty"`
	Aspect string `json:"aspect,omitempty"`
	Long   int    `json:"long,omitempty"`
	// Seed nil or negative picks one at random (and reports it).
	Seed *int64 `json:"seed,omitempty"`
	// N is pictures per prompt; Variations is how many prompts to write.
	N          int  `json:"n,omitempty"`
	Variations int  `json:"variations,omitempty"`
	Chaos      *int `json:"chaos,omitempty"`
	// Prompts, when set, are rendered as they are instead of writing new
	// ones: the studio sends the prompts a person edited.
	Prompts  []PreparedPrompt `json:"prompts,omitempty"`
	ParentID string           `json:"parent_id,omitempty"`
	Method   string           `json:"method,omitempty"`
	// Verb is "vary" or "reproduce" to run that verb on the artwork
	// ParentID (as POST /api/v1/artworks/{id}/vary and /reproduce do),
	// with Engine, LLM, Seed, Chaos, Variations, Negative and Strength;
	// "" (imagine) renders Idea or Prompts.
	Verb string `json:"verb,omitempty"`
	// Strength is vary's: subtle (default) or strong.
	Strength string `json:"strength,omitempty"`
	// Instruction is refine's: what to change ("make it night").
	Instruction string `json:"instruction,omitempty"`
}

// PreparedPrompt is a prompt to render verbatim.
type PreparedPrompt = verb.PreparedPrompt

// ArtworkView is an artwork as the API shows it: everything but the
// server's file path, plus the URL of its PNG.
type ArtworkView struct {
	*easel.Artwork
	// Path shadows Artwork.Path so that it is never sent.
	Path     string `json:"path,omitempty"`
	ImageURL string `json:"image_url"`
	// ThumbURL is a 256-pixel-wide JPEG of it, for grids.
	ThumbURL string `json:"thumb_url"`
}

func (s *Server) artworkView(a *easel.Artwork) ArtworkView {
	return ArtworkView{Artwork: a, ImageURL: s.imageURL(a.ID, ""), ThumbURL: s.imageURL(a.ID, "w=256")}
}

func (s *Server) openEngine(spec string) (easel.Engine, string, error) {
	if strings.TrimSpace(spec) == "" {
		spec = s.opts.Engine
	}
	eng, model, err := s.deps.Engine(spec)
	if err != nil {
		return nil, "", err
	}
	if eng == nil {
		return nil, "", easel.Errorf(easel.ECONFIG, "engine %q is not available in this build", spec)
	}
	return eng, model, nil
}

func (s *Server) openWriter(spec string) (easel.PromptWriter, error) {
	if strings.TrimSpace(spec) == "" {
		spec = s.opts.LLM
	}
	w, err := s.deps.Writer(spec)
	if err != nil {
		return nil, err
	}
	if w == nil {
		return nil, easel.Errorf(easel.ECONFIG, "prompt writer %q is not available in this build", spec)
	}
	return w, nil
}

func (s *Server) handleCreateJob(w http.ResponseWriter, r *http.Request) {
	var jr JobRequest
	if err := decodeJSON(r, &jr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	s.startJob(w, r, jr)
}

func (s *Server) startJob(w http.ResponseWriter, r *http.Request, jr JobRequest) {
	pl, err := s.newPlan(r.Context(), jr)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	j, err := s.submitPlan(pl, true)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	w.Header().Set("Location", "/api/v1/jobs/"+j.id)
	writeJSON(w, http.StatusAccepted, s.jobView(j))
}

// WrittenPrompt is one prompt from POST /api/v1/prompts.
type WrittenPrompt struct {
	// Prompt is the canonical prompt; send it back with edited text in
	// JobRequest.Prompts.
	Prompt *easel.Prompt `json:"prompt"`
	// Text and Negative are the prompt in the request's dialect.
	Text     string `json:"text"`
	Negative string `json:"negative"`
	// Tokens is the token counter, for the sd and sdxl dialects only.
	Tokens *TokenCount `json:"tokens,omitempty"`
	// Dialects is the prompt in every dialect, for copying.
	Dialects map[easel.Dialect]dialect.Rendered `json:"dialects"`
}

// PromptsResponse answers POST /api/v1/prompts.
type PromptsResponse struct {
	Dialect easel.Dialect   `json:"dialect"`
	Seed    int64           `json:"seed"`
	Prompts []WrittenPrompt `json:"prompts"`
}

func (s *Server) handleWritePrompts(w http.ResponseWriter, r *http.Request) {
	var jr JobRequest
	if err := decodeJSON(r, &jr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ir, err := s.imagineRequest(jr)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	wr, err := verb.WritePrompts(r.Context(), s.core, ir)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	d := wr.Dialect
	resp := PromptsResponse{Dialect: d, Seed: wr.Seed, Prompts: []WrittenPrompt{}}
	for _, v := range wr.Prompts {
		p := v.Prompt
		o := dialect.Options{Width: wr.Size.Width, Height: wr.Size.Height, Seed: p.Seed, Style: wr.Style, ExtraNegative: jr.Negative}
		all, err := renderAll(p, o)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		wp := WrittenPrompt{Prompt: p, Text: all[d].Text, Negative: all[d].Negative, Dialects: all}
		if d == easel.DialectSD || d == easel.DialectSDXL {
			tc := CountTokens(wp.Text)
			wp.Tokens = &tc
		}
		resp.Prompts = append(resp.Prompts, wp)
	}
	writeJSON(w, http.StatusOK, resp)
}

// renderAll renders p in every dialect.
func renderAll(p *easel.Prompt, o dialect.Options) (map[easel.Dialect]dialect.Rendered, error) {
	out := map[easel.Dialect]dialect.Rendered{}
	for _, d := range easel.Dialects {
		r, err := dialect.Render(p, d, o)
		if err != nil {
			return nil, err
		}
		out[d] = r
	}
	return out, nil
}

// TokensRequest asks for the token counter of a text.
type TokensRequest struct {
	Text string `json:"text"`
}

func (s *Server) handleTokens(w http.ResponseWriter, r *http.Request) {
	var tr TokensRequest
	if err := decodeJSON(r, &tr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if utf8.RuneCountInString(tr.Text) > easel.MaxIdeaLen {
		writeError(w, r, s.log, easel.Errorf(easel.EINVALID, "the text is longer than %d characters: shorten it", easel.MaxIdeaLen))
		return
	}
	writeJSON(w, http.StatusOK, CountTokens(tr.Text))
}

// ArtworkList answers GET /api/v1/artworks.
type ArtworkList struct {
	Artworks []ArtworkView `json:"artworks"`
	// NextOffset is the offset of the next page; nil at the end.
	NextOffset *int `json:"next_offset"`
}

func (s *Server) handleListArtworks(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := intParam(q.Get("limit"), 30, 1, 100, "limit")
	if err == nil {
		var offset int
		offset, err = intParam(q.Get("offset"), 0, 0, 1<<30, "offset")
		if err == nil {
			s.listArtworks(w, r, q.Get("q"), q.Get("parent_id"), limit, offset)
			return
		}
	}
	writeError(w, r, s.log, err)
}

func (s *Server) listArtworks(w http.ResponseWriter, r *http.Request, query, parent string, limit, offset int) {
	// One more than asked tells whether there is a next page.
	f := easel.ArtworkFilter{Limit: limit + 1, Offset: offset, ParentID: parent}
	var arts []*easel.Artwork
	var err error
	switch {
	case strings.TrimSpace(query) != "" && !strings.ContainsFunc(query, isWordRune):
		// Only punctuation: nothing can match it.
	case strings.TrimSpace(query) != "":
		arts, err = s.deps.Gallery.Search(r.Context(), query, f)
	default:
		arts, err = s.deps.Gallery.List(r.Context(), f)
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp := ArtworkList{Artworks: []ArtworkView{}}
	if len(arts) > limit {
		arts = arts[:limit]
		next := offset + limit
		resp.NextOffset = &next
	}
	for _, a := range arts {
		resp.Artworks = append(resp.Artworks, s.artworkView(a))
	}
	writeJSON(w, http.StatusOK, resp)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func intParam(v string, def, lo, hi int, name string) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, easel.Errorf(easel.EINVALID, "%s %q is not a number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// ArtworkDetail answers GET /api/v1/artworks/{id}.
type ArtworkDetail struct {
	Artwork ArtworkView `json:"artwork"`
	// Lineage is the chain of parents, the oldest first, ending with the
	// artwork's own parent.
	Lineage []ArtworkView `json:"lineage"`
	// Children are the pictures made from this one.
	Children []ArtworkView `json:"children"`
	// Dialects is the artwork's prompt in every dialect, for copying.
	Dialects map[easel.Dialect]dialect.Rendered `json:"dialects"`
}

// maxLineage bounds the parent walk (and breaks any cycle).
const maxLineage = 32

func (s *Server) getArtwork(ctx context.Context, id string) (*easel.Artwork, error) {
	if !validID(id) {
		return nil, easel.Errorf(easel.ENOTFOUND, "no artwork %q: ids are hex", id)
	}
	return s.deps.Gallery.Get(ctx, id)
}

// validID accepts what an artwork id can be: 1 to 64 hex digits. Anything
// else (dots, slashes, percent signs) never reaches the gallery.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func (s *Server) handleGetArtwork(w http.ResponseWriter, r *http.Request) {
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	det := ArtworkDetail{Artwork: s.artworkView(a), Lineage: []ArtworkView{}, Children: []ArtworkView{}}
	seen := map[string]bool{a.ID: true}
	for p := a.ParentID; p != "" && len(det.Lineage) < maxLineage && !seen[p]; {
		seen[p] = true
		pa, err := s.deps.Gallery.Get(r.Context(), p)
		if err != nil {
			break // a deleted parent ends the chain
		}
		det.Lineage = append([]ArtworkView{s.artworkView(pa)}, det.Lineage...)
		p = pa.ParentID
	}
	kids, err := s.deps.Gallery.List(r.Context(), easel.ArtworkFilter{ParentID: a.ID, Limit: 50})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	for _, k := range kids {
		det.Children = append(det.Children, s.artworkView(k))
	}
	det.Dialects, err = renderAll(promptOf(a), dialect.Options{Width: a.Width, Height: a.Height, Seed: a.Seed})
	if err != nil {
		det.Dialects = map[easel.Dialect]dialect.Rendered{}
	}
	writeJSON(w, http.StatusOK, det)
}

// promptOf rebuilds a canonical prompt from what an artwork recorded, so
// it can be copied in other dialects: weighted keywords from an sd
// prompt, the text of a prose one, the negative prompt as terms.
func promptOf(a *easel.Artwork) *easel.Prompt {
	p := &easel.Prompt{Idea: a.Idea, Template: a.Template, Style: a.Style, Seed: a.Seed, Writer: a.Writer, Scene: a.Scene}
	if a.Dialect == easel.DialectSD || a.Dialect == easel.DialectSDXL {
		p.Keywords = dialect.ParseKeywords(a.Prompt)
		terms := make([]string, len(p.Keywords))
		for i, k := range p.Keywords {
			terms[i] = k.Text
		}
		p.Text = strings.Join(terms, ", ")
	} else {
		p.Text = a.Prompt
	}
	for _, t := range strings.Split(a.NegativePrompt, ",") {
		if t = strings.TrimSpace(t); t != "" {
			p.Negative = append(p.Negative, t)
		}
	}
	return p
}

func (s *Server) handleDeleteArtwork(w http.ResponseWriter, r *http.Request) {
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err == nil {
		err = s.deps.Gallery.Delete(r.Context(), a.ID)
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleImage serves an artwork's PNG. The file is found by id through the
// gallery only; no part of the URL becomes a path.
func (s *Server) handleImage(w http.ResponseWriter, r *http.Request) {
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if tw := r.URL.Query().Get("w"); tw != "" {
		n, _ := strconv.Atoi(tw)
		b, ct, err := s.thumbnail(r.Context(), a, n)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
		return
	}
	if s.redirectImage(w, r, a) {
		return
	}
	f, err := s.openImage(r.Context(), a)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", "image/png")
	// Files are content-addressed: an id's bytes never change.
	h.Set("Cache-Control", "private, max-age=31536000, immutable")
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", `attachment; filename="easel-`+a.ID+`.png"`)
	}
	http.ServeContent(w, r, "", time.Time{}, f)
}

// openImage opens an artwork's file in the gallery's image store, by its
// digest: a record's path is never opened, so a tampered database cannot
// expose other files.
func (s *Server) openImage(ctx context.Context, a *easel.Artwork) (io.ReadSeekCloser, error) {
	rc, err := s.deps.Gallery.Images().Open(ctx, a.SHA256)
	if err != nil {
		if easel.ErrorCode(err) != easel.ENOTFOUND {
			s.log.Warn("open artwork image", easel.LogKeyArtworkID, a.ID, "err", err)
		}
		return nil, easel.Errorf(easel.ENOTFOUND, "the image file of artwork %s is missing", a.ID)
	}
	if rs, ok := rc.(io.ReadSeekCloser); ok {
		return rs, nil
	}
	// A store that cannot seek (object storage): serve from memory, so
	// range requests still work.
	defer rc.Close()
	b, err := imageio.ReadAll(rc, imageio.DefaultMaxFile)
	if err != nil {
		return nil, fmt.Errorf("read image: %w", err)
	}
	return nopSeekCloser{bytes.NewReader(b)}, nil
}

type nopSeekCloser struct{ *bytes.Reader }

func (nopSeekCloser) Close() error { return nil }

func (s *Server) readImage(ctx context.Context, a *easel.Artwork) ([]byte, error) {
	f, err := s.openImage(ctx, a)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := imageio.ReadAll(f, imageio.DefaultMaxFile)
	if err != nil {
		return nil, fmt.Errorf("read image of artwork %s: %w", a.ID, err)
	}
	return b, nil
}

// ReproduceRequest may override the engine of a reproduction.
type ReproduceRequest struct {
	Engine string `json:"engine,omitempty"`
}

// handleReproduce makes an artwork again with verb.Reproduce: the same
// prompt, negative, seed, size, steps, CFG scale, sampler and model.
func (s *Server) handleReproduce(w http.ResponseWriter, r *http.Request) {
	var rr ReproduceRequest
	if err := decodeJSON(r, &rr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	s.startJob(w, r, JobRequest{Verb: verbReproduce, ParentID: a.ID, Engine: rr.Engine})
}

// VaryRequest asks for variations of an artwork's prompt (verb.Vary).
type VaryRequest struct {
	// Strength is subtle (new wording, same picture) or strong (new
	// composition, light and mood); default subtle.
	Strength string `json:"strength,omitempty"`
	// Variations is how many to make (default 2).
	Variations int `json:"variations,omitempty"`
	// Engine and LLM default to the artwork's (LLM: when this server has
	// it; else its default writer).
	Engine string `json:"engine,omitempty"`
	LLM    string `json:"llm,omitempty"`
	// Seed nil or negative picks one at random (and reports it); Chaos
	// overrides the strength's (15 subtle, 85 strong).
	Seed     *int64 `json:"seed,omitempty"`
	Chaos    *int   `json:"chaos,omitempty"`
	Negative string `json:"negative,omitempty"`
}

// defaultStudioVariations is how many variations the studio's vary makes.
const defaultStudioVariations = 2

func (s *Server) handleVary(w http.ResponseWriter, r *http.Request) {
	var vr VaryRequest
	if err := decodeJSON(r, &vr, true); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	a, err := s.getArtwork(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	jr := JobRequest{
		Verb: verbVary, ParentID: a.ID, Strength: vr.Strength, Engine: vr.Engine, LLM: vr.LLM,
		Variations: vr.Variations, Seed: vr.Seed, Chaos: vr.Chaos, Negative: vr.Negative,
	}
	if jr.Variations == 0 {
		jr.Variations = defaultStudioVariations
	}
	// Writer records NAME:MODEL ("openai:gpt-5.4-mini"); the list has names.
	if name, _, _ := strings.Cut(a.Writer, ":"); jr.LLM == "" && slices.Contains(s.deps.LLMs, name) {
		jr.LLM = a.Writer
	}
	s.startJob(w, r, jr)
}

// EngineInfo describes an engine the studio can offer.
type EngineInfo struct {
	Name      string `json:"name"`
	Available bool   `json:"available"`
	// Problem says why it is not available (such as which key to set).
	Problem      string              `json:"problem,omitempty"`
	Capabilities *easel.Capabilities `json:"capabilities,omitempty"`
}

// Info answers GET /api/v1/info: what the studio can offer. It names
// providers, never their keys or endpoints.
type Info struct {
	Version  string          `json:"version"`
	Engines  []EngineInfo    `json:"engines"`
	LLMs     []string        `json:"llms"`
	Engine   string          `json:"default_engine"`
	LLM      string          `json:"default_llm"`
	Dialects []easel.Dialect `json:"dialects"`
	Styles   []string        `json:"styles"`
	// TokenLimit is the token rule's limit for sd and sdxl prompts.
	TokenLimit int  `json:"token_limit"`
	Auth       bool `json:"auth"`
}

func (s *Server) handleInfo(w http.ResponseWriter, r *http.Request) {
	info := Info{
		Version: easel.Version, LLMs: append([]string{}, s.deps.LLMs...), Engine: s.opts.Engine, LLM: s.opts.LLM,
		Dialects: easel.Dialects, Styles: []string{}, TokenLimit: TokenLimit, Auth: s.opts.Token != "",
		Engines: []EngineInfo{},
	}
	for _, name := range s.deps.Engines {
		ei := EngineInfo{Name: name}
		eng, _, err := s.deps.Engine(name)
		switch {
		case err != nil:
			ei.Problem = safeMessage(err)
		case eng == nil:
			ei.Problem = "not available in this build"
		default:
			caps := eng.Capabilities()
			ei.Available, ei.Capabilities = true, &caps
		}
		info.Engines = append(info.Engines, ei)
	}
	for _, st := range s.deps.Styles() {
		info.Styles = append(info.Styles, st.Name)
	}
	writeJSON(w, http.StatusOK, info)
}

// safeMessage is err's message when it is an easel.Error (written to be
// shown), else a generic one.
func safeMessage(err error) string {
	var e *easel.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "unavailable"
}
