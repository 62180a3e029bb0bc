package pngmeta

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
)

// Keywords of the text chunks that Read understands.
const (
	KeywordEasel            = "easel"             // easel's JSON, an iTXt chunk
	KeywordParameters       = "parameters"        // A1111 infotext
	KeywordComfyPrompt      = "prompt"            // ComfyUI API graph
	KeywordComfyWorkflow    = "workflow"          // ComfyUI UI graph
	KeywordInvokeAIMetadata = "invokeai_metadata" // InvokeAI generation parameters
)

// Sources that Read reports in Metadata.Source.
const (
	SourceEasel    = "easel"
	SourceA1111    = "a1111"
	SourceComfyUI  = "comfyui"
	SourceInvokeAI = "invokeai"
	SourceUnknown  = "unknown"
)

// Metadata is what a PNG says about how it was made.
type Metadata struct {
	// Source is the tool whose metadata the common fields come from: one
	// of the Source constants.
	Source string `json:"source"`

	// The common fields, zero when the source does not say.
	Prompt         string  `json:"prompt"`
	NegativePrompt string  `json:"negative_prompt"`
	Seed           int64   `json:"seed"`
	Steps          int     `json:"steps,omitempty"`
	CFGScale       float64 `json:"cfg_scale,omitempty"`
	Sampler        string  `json:"sampler,omitempty"`
	Scheduler      string  `json:"scheduler,omitempty"`
	Width          int     `json:"width,omitempty"`
	Height         int     `json:"height,omitempty"`
	// Model is the model's name as the source wrote it (a ComfyUI
	// ckpt_name keeps its file extension).
	Model string `json:"model,omitempty"`

	// Params is the parsed last line of the `parameters` chunk, if any.
	Params Params `json:"params,omitempty"`
	// Texts holds every text chunk, in file order.
	Texts []Text `json:"texts"`
	// Easel, ComfyPrompt, ComfyWorkflow and InvokeAI are the `easel`,
	// `prompt`, `workflow` and `invokeai_metadata` chunks, set only when
	// they hold valid JSON.
	Easel         json.RawMessage `json:"easel,omitempty"`
	ComfyPrompt   json.RawMessage `json:"comfy_prompt,omitempty"`
	ComfyWorkflow json.RawMessage `json:"comfy_workflow,omitempty"`
	InvokeAI      json.RawMessage `json:"invokeai,omitempty"`
}

// Read returns the generation metadata of png. The common fields come from
// the first source found in this order: the `easel` chunk (easel.Artwork's
// JSON field names), the `parameters` infotext (A1111, Forge and the many
// tools that copy it), ComfyUI's `prompt` graph (or `workflow` alone, which
// only sets Source), InvokeAI's `invokeai_metadata`. A PNG with none of
// them has Source "unknown" and no error.
//
// It returns an EINVALID error when png is not a readable PNG (see
// ReadTexts). It never panics.
func Read(png []byte) (*Metadata, error) {
	texts, err := ReadTexts(png)
	if err != nil {
		return nil, err
	}
	m := &Metadata{Source: SourceUnknown, Texts: texts}
	if m.Texts == nil {
		m.Texts = []Text{}
	}
	m.Easel = jsonText(texts, KeywordEasel)
	m.ComfyPrompt = jsonText(texts, KeywordComfyPrompt)
	m.ComfyWorkflow = jsonText(texts, KeywordComfyWorkflow)
	m.InvokeAI = jsonText(texts, KeywordInvokeAIMetadata)
	infotext, hasInfotext := text(texts, KeywordParameters)
	var prompt, negative string
	if hasInfotext {
		prompt, negative, m.Params, _ = ParseInfotext(infotext)
	}
	switch {
	case m.fromEasel():
		m.Source = SourceEasel
	case hasInfotext:
		m.Source = SourceA1111
		m.fromA1111(prompt, negative)
	case m.fromComfy() || m.ComfyWorkflow != nil:
		m.Source = SourceComfyUI
	case m.fromInvokeAI():
		m.Source = SourceInvokeAI
	}
	return m, nil
}

// Write returns a copy of png carrying a `parameters` chunk with the
// infotext of prompt, negative and params, and, when easelJSON is not nil,
// an iTXt chunk `easel` holding it. Existing chunks with these keywords are
// replaced. Errors are those of Inject, or a plain error when easelJSON is
// not valid JSON (a bug in the caller).
func Write(png []byte, prompt, negative string, params Params, easelJSON []byte) ([]byte, error) {
	texts := []Text{{Keyword: KeywordParameters, Value: FormatInfotext(prompt, negative, params)}}
	if easelJSON != nil {
		if !json.Valid(easelJSON) {
			return nil, errors.New("pngmeta write: easel metadata is not valid JSON")
		}
		texts = append(texts, Text{Keyword: KeywordEasel, Value: string(easelJSON), Chunk: ChunkITXt})
	}
	return Inject(png, texts)
}

// ParamsFor returns the infotext params for a: Steps, Sampler and CFG
// scale when set, Seed, Size, Model when set, and Version ("easel"
// and its version). That is always at least 3 entries, so A1111 reads the
// line back as params.
func ParamsFor(a *easel.Artwork) Params {
	var p Params
	if a.Steps > 0 {
		p.Set("Steps", strconv.Itoa(a.Steps))
	}
	if a.Sampler != "" {
		p.Set("Sampler", a.Sampler)
	}
	if a.CFGScale > 0 {
		p.Set("CFG scale", strconv.FormatFloat(a.CFGScale, 'f', -1, 64))
	}
	p.Set("Seed", strconv.FormatInt(a.Seed, 10))
	p.Set("Size", strconv.Itoa(a.Width)+"x"+strconv.Itoa(a.Height))
	if a.Model != "" {
		p.Set("Model", a.Model)
	}
	p.Set("Version", "easel "+easel.Version)
	return p
}

// text returns the value of the first text chunk with keyword kw.
func text(texts []Text, kw string) (string, bool) {
	for _, t := range texts {
		if t.Keyword == kw {
			return t.Value, true
		}
	}
	return "", false
}

// jsonText returns the first text chunk with keyword kw when it holds valid
// JSON, so Metadata always marshals.
func jsonText(texts []Text, kw string) json.RawMessage {
	v, ok := text(texts, kw)
	if !ok || !json.Valid([]byte(v)) {
		return nil
	}
	return json.RawMessage(v)
}

// object decodes raw as a JSON object; nil when it is not one.
func object(raw []byte) map[string]json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return m
}

// str returns raw as a string when it is a JSON string.
func str(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	return s, json.Unmarshal(raw, &s) == nil
}

// num returns raw's text when it is a JSON number.
func num(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
		return "", false
	}
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		return "", false
	}
	return n.String(), true
}

// toInt parses an integer, also written as a float such as 42.0; 0 when
// it is not one or out of range.
func toInt(s string) int64 {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0
	}
	return int64(f)
}

func toFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return f
}

// toInt32 converts a count or a side; 0 when it does not fit an int32.
func toInt32(s string) int {
	i := toInt(s)
	if i < 0 || i > math.MaxInt32 {
		return 0
	}
	return int(i)
}

// fromEasel fills the common fields from the easel chunk and reports
// whether it is a JSON object.
func (m *Metadata) fromEasel() bool {
	o := object(m.Easel)
	if o == nil {
		return false
	}
	m.Prompt, _ = str(o["prompt"])
	m.NegativePrompt, _ = str(o["negative_prompt"])
	m.Sampler, _ = str(o["sampler"])
	m.Scheduler, _ = str(o["scheduler"])
	m.Model, _ = str(o["model"])
	m.setNumbers(o, "seed", "steps", "cfg_scale", "width", "height")
	return true
}

// setNumbers fills Seed, Steps, CFGScale, Width and Height from the JSON
// numbers under the given keys of o.
func (m *Metadata) setNumbers(o map[string]json.RawMessage, seed, steps, cfg, width, height string) {
	if s, ok := num(o[seed]); ok {
		m.Seed = toInt(s)
	}
	if s, ok := num(o[steps]); ok {
		m.Steps = toInt32(s)
	}
	if s, ok := num(o[cfg]); ok {
		m.CFGScale = toFloat(s)
	}
	if s, ok := num(o[width]); ok {
		m.Width = toInt32(s)
	}
	if s, ok := num(o[height]); ok {
		m.Height = toInt32(s)
	}
}

// fromA1111 fills the common fields from a parsed infotext.
func (m *Metadata) fromA1111(prompt, negative string) {
	m.Prompt, m.NegativePrompt = prompt, negative
	p := m.Params
	if v, ok := p.Get("Seed"); ok {
		m.Seed = toInt(v)
	}
	if v, ok := p.Get("Steps"); ok {
		m.Steps = toInt32(v)
	}
	if v, ok := p.Get("CFG scale"); ok {
		m.CFGScale = toFloat(v)
	}
	if v, ok := p.Get("Size-1"); ok {
		m.Width = toInt32(v)
	}
	if v, ok := p.Get("Size-2"); ok {
		m.Height = toInt32(v)
	}
	m.Sampler, _ = p.Get("Sampler")
	m.Scheduler, _ = p.Get("Schedule type")
	m.Model, _ = p.Get("Model")
}

// fromInvokeAI fills the common fields from invokeai_metadata and reports
// whether it is a JSON object.
func (m *Metadata) fromInvokeAI() bool {
	o := object(m.InvokeAI)
	if o == nil {
		return false
	}
	m.Prompt, _ = str(o["positive_prompt"])
	m.NegativePrompt, _ = str(o["negative_prompt"])
	m.Scheduler, _ = str(o["scheduler"])
	m.setNumbers(o, "seed", "steps", "cfg_scale", "width", "height")
	// model is an object {name, base, key, ...}; older versions wrote
	// model_name, or a bare string.
	if s, ok := str(o["model"]); ok {
		m.Model = s
	} else if mo := object(o["model"]); mo != nil {
		if m.Model, _ = str(mo["name"]); m.Model == "" {
			m.Model, _ = str(mo["model_name"])
		}
	}
	return true
}

// comfyGraph is ComfyUI's API-format graph: node id → node.
type comfyGraph map[string]comfyNode

type comfyNode struct {
	class  string
	inputs map[string]json.RawMessage
}

// maxDepth bounds how far follow walks, so cycles end.
const maxDepth = 32

// fromComfy fills the common fields from ComfyUI's `prompt` graph and
// reports whether it found a sampler node in it.
func (m *Metadata) fromComfy() bool {
	o := object(m.ComfyPrompt)
	if o == nil {
		return false
	}
	g := make(comfyGraph, len(o))
	for id, raw := range o {
		n := object(raw)
		if n == nil {
			continue
		}
		class, _ := str(n["class_type"])
		g[id] = comfyNode{class: class, inputs: object(n["inputs"])}
	}
	ids := g.sortedIDs()
	sampler, ok := g.find(ids, func(n comfyNode) bool { return n.class == "KSampler" || n.class == "KSamplerAdvanced" })
	if !ok {
		sampler, ok = g.find(ids, func(n comfyNode) bool { return strings.Contains(n.class, "KSampler") })
	}
	if !ok {
		return false
	}
	in := sampler.inputs
	m.Prompt = g.text(in["positive"], nil)
	m.NegativePrompt = g.text(in["negative"], nil)
	seed, ok := g.number(in["seed"], nil)
	if !ok {
		seed, _ = g.number(in["noise_seed"], nil)
	}
	m.Seed = toInt(seed)
	if s, ok := g.number(in["steps"], nil); ok {
		m.Steps = toInt32(s)
	}
	if s, ok := g.number(in["cfg"], nil); ok {
		m.CFGScale = toFloat(s)
	}
	m.Sampler = g.text(in["sampler_name"], nil)
	m.Scheduler = g.text(in["scheduler"], nil)
	if n, ok := g.follow(in["latent_image"], []string{"samples", "latent", "latent_image"}, func(n comfyNode) bool {
		_, w := n.inputs["width"]
		_, h := n.inputs["height"]
		return w && h
	}); ok {
		w, _ := g.number(n.inputs["width"], nil)
		h, _ := g.number(n.inputs["height"], nil)
		m.Width, m.Height = toInt32(w), toInt32(h)
	} else if n, ok := g.find(ids, func(n comfyNode) bool { return n.class == "EmptyLatentImage" }); ok {
		w, _ := g.number(n.inputs["width"], nil)
		h, _ := g.number(n.inputs["height"], nil)
		m.Width, m.Height = toInt32(w), toInt32(h)
	}
	modelKeys := []string{"ckpt_name", "unet_name"}
	hasModel := func(n comfyNode) bool {
		for _, k := range modelKeys {
			if _, ok := n.inputs[k]; ok {
				return true
			}
		}
		return false
	}
	n, ok := g.follow(in["model"], []string{"model"}, hasModel)
	if !ok {
		n, ok = g.find(ids, func(n comfyNode) bool { return n.class == "CheckpointLoaderSimple" })
	}
	if ok {
		for _, k := range modelKeys {
			if m.Model = g.text(n.inputs[k], nil); m.Model != "" {
				break
			}
		}
	}
	return true
}

// sortedIDs returns the node ids in numeric order (others after, by text),
// so Read does not depend on map order.
func (g comfyGraph) sortedIDs() []string {
	ids := make([]string, 0, len(g))
	for id := range g {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		x, errA := strconv.ParseUint(a, 10, 64)
		y, errB := strconv.ParseUint(b, 10, 64)
		switch {
		case errA == nil && errB == nil && x != y:
			return cmp.Compare(x, y)
		case errA == nil && errB != nil:
			return -1
		case errA != nil && errB == nil:
			return 1
		}
		return strings.Compare(a, b)
	})
	return ids
}

// find returns the first node, in ids order, for which ok is true.
func (g comfyGraph) find(ids []string, ok func(comfyNode) bool) (comfyNode, bool) {
	for _, id := range ids {
		if n := g[id]; ok(n) {
			return n, true
		}
	}
	return comfyNode{}, false
}

// link returns the node a [node_id, output_index] input points to.
func (g comfyGraph) link(raw json.RawMessage) (comfyNode, bool) {
	_, n, ok := g.linkID(raw)
	return n, ok
}

// linkID is link that also returns the node's id.
func (g comfyGraph) linkID(raw json.RawMessage) (string, comfyNode, bool) {
	if len(raw) == 0 || raw[0] != '[' {
		return "", comfyNode{}, false
	}
	var l []json.RawMessage
	if json.Unmarshal(raw, &l) != nil || len(l) != 2 {
		return "", comfyNode{}, false
	}
	id, ok := str(l[0])
	if !ok {
		// Some tools write the node id as a number.
		if id, ok = num(l[0]); !ok {
			return "", comfyNode{}, false
		}
	}
	n, ok := g[id]
	return id, n, ok
}

// follow walks links from raw through the inputs named in via until it
// reaches a node for which done is true.
func (g comfyGraph) follow(raw json.RawMessage, via []string, done func(comfyNode) bool) (comfyNode, bool) {
	for range maxDepth {
		n, ok := g.link(raw)
		if !ok {
			return comfyNode{}, false
		}
		if done(n) {
			return n, true
		}
		raw = nil
		for _, k := range via {
			if r, ok := n.inputs[k]; ok {
				raw = r
				break
			}
		}
	}
	return comfyNode{}, false
}

// textKeys are the inputs a prompt's text is looked for in, in order:
// text encoders, primitive and string nodes, then conditioning that is
// passed through (combine, concat, ControlNet).
var textKeys = []string{"text", "text_g", "text_l", "string", "value", "prompt",
	"conditioning", "conditioning_1", "conditioning_to"}

// text resolves an input to a string: the string itself, or the text of
// the node it links to, searched depth first. Each node is visited once,
// so a crafted graph cannot make the search exponential.
func (g comfyGraph) text(raw json.RawMessage, seen map[string]bool) string {
	if s, ok := str(raw); ok {
		return s
	}
	id, n, ok := g.linkID(raw)
	if !ok || seen[id] {
		return ""
	}
	if seen == nil {
		seen = make(map[string]bool)
	}
	seen[id] = true
	for _, k := range textKeys {
		if r, ok := n.inputs[k]; ok {
			if s := g.text(r, seen); s != "" {
				return s
			}
		}
	}
	return ""
}

// numberKeys are the inputs of a primitive or seed node that hold its number.
var numberKeys = []string{"value", "seed", "noise_seed", "int", "float", "number"}

// number resolves an input to a JSON number's text: the number itself, or
// the number of the node it links to.
func (g comfyGraph) number(raw json.RawMessage, seen map[string]bool) (string, bool) {
	if s, ok := num(raw); ok {
		return s, true
	}
	id, n, ok := g.linkID(raw)
	if !ok || seen[id] {
		return "", false
	}
	if seen == nil {
		seen = make(map[string]bool)
	}
	seen[id] = true
	for _, k := range numberKeys {
		if r, ok := n.inputs[k]; ok {
			if s, ok := g.number(r, seen); ok {
				return s, true
			}
		}
	}
	return "", false
}
