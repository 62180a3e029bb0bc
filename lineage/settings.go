package lineage

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
	"github.com/easel-art/easel/scene"
)

// Target is the engine a picture is made again on.
type Target struct {
	// Name is the engine's registry name ("builtin", "a1111", ...).
	Name string
	// Caps are its capabilities.
	Caps easel.Capabilities
	// Model is the model the person asked for with --engine NAME:MODEL.
	Model string
}

// Settings are what a reproduction sends to the engine.
type Settings struct {
	Prompt, Negative string
	// Scene is what the built-in canvas draws.
	Scene    *easel.Scene
	Seed     int64
	Size     easel.Size
	Steps    int
	CFGScale float64
	Sampler  string
	Model    string
}

// The engines that take steps, CFG scale, sampler and a checkpoint name.
const (
	engineA1111   = "a1111"
	engineComfyUI = "comfyui"
	engineCanvas  = "builtin"
)

// Reproduce returns the settings that make a again on t, and notes that
// name each setting that could not be carried over and why. md is the
// PNG metadata when a was read from a file (nil for a gallery artwork):
// its parameters that easel has no setting for are named too.
//
// On the engine that made a, every setting is carried over as it is. On
// another engine the closest settings are chosen: sampler names are
// translated between AUTOMATIC1111 and ComfyUI, prompt syntax is removed
// for engines that read plain text, and the size is kept within easel's
// limits.
func Reproduce(a *easel.Artwork, md *pngmeta.Metadata, t Target) (Settings, []string) {
	s := Settings{
		Prompt: a.Prompt, Negative: a.NegativePrompt, Scene: a.Scene, Seed: a.Seed,
		Steps: a.Steps, CFGScale: a.CFGScale, Sampler: a.Sampler, Model: a.Model,
	}
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	var sizeNote string
	if s.Size, sizeNote = FitSize(a.Width, a.Height); sizeNote != "" {
		notes = append(notes, sizeNote)
	}
	if t.Model != "" {
		s.Model = t.Model
	}
	if a.Engine == t.Name {
		if s.Scene == nil && t.Name == engineCanvas {
			s.Scene = scene.Parse(PlainPrompt(a.Prompt))
		}
		if md != nil && md.Source != pngmeta.SourceEasel {
			// The sampler goes as it is; a separate schedule has no setting.
			if !defaultSchedule(md.Scheduler) {
				note("schedule %q not carried over: %s uses the schedule it is configured with", md.Scheduler, t.Name)
			}
		}
		notes = append(notes, unmapped(md)...)
		return s, notes
	}

	// The prompt, in a form the engine reads.
	switch {
	case isProse(t.Caps.Dialect) && HasSyntax(s.Prompt):
		s.Prompt = PlainPrompt(s.Prompt)
		note("prompt weights, brackets and LoRA tags removed: %s reads plain text", t.Name)
	case t.Name == engineComfyUI && extraNet.MatchString(s.Prompt):
		s.Prompt = strings.Join(strings.Fields(extraNet.ReplaceAllString(s.Prompt, " ")), " ")
		note("LoRA and other <...> tags removed from the prompt: ComfyUI loads them with nodes, through EASEL_COMFYUI_WORKFLOW")
	}
	if s.Negative != "" && !t.Caps.Negative {
		note("negative prompt not used: %s takes none", t.Name)
		s.Negative = ""
	}
	if !t.Caps.Seed {
		note("seed %d not used: %s does not take seeds, so the picture will differ", a.Seed, t.Name)
	}
	if t.Name == engineCanvas {
		if s.Scene == nil {
			s.Scene = scene.Parse(PlainPrompt(a.Prompt))
		}
		note("the built-in canvas paints the scene it reads from the prompt: it is not %s, so the picture will differ", makerOf(a))
	}

	// Diffusion settings: only A1111 and ComfyUI take them.
	fromCanvas := a.Engine == engineCanvas
	if t.Name == engineA1111 || t.Name == engineComfyUI {
		if fromCanvas {
			// The canvas reports one step and no guidance: meaningless to a model.
			s.Steps, s.CFGScale, s.Sampler = 0, 0, ""
		}
		sampler, sched := splitSampler(s.Sampler, md)
		s.Sampler = ""
		if sampler != "" {
			if name, ok := translateSampler(sampler, t.Name); ok {
				s.Sampler = name
			} else {
				note("sampler %q is unknown to %s: its default sampler is used", sampler, t.Name)
			}
		}
		if sched != "" && !defaultSchedule(sched) {
			note("schedule %q not carried over: %s uses the schedule it is configured with", sched, t.Name)
		}
	} else {
		if !fromCanvas && (a.Steps > 0 || a.CFGScale > 0 || a.Sampler != "") {
			note("steps, CFG scale and sampler (%s) do not apply to %s", diffusionSummary(a), t.Name)
		}
		s.Steps, s.CFGScale, s.Sampler = 0, 0, ""
	}

	// The model: a name only means something to the engine that made it.
	if t.Model == "" {
		s.Model = ""
		switch {
		case a.Model == "" || fromCanvas:
		case a.Engine == engineComfyUI && t.Name == engineA1111:
			s.Model = trimExt(a.Model)
		case a.Engine == engineA1111 && t.Name == engineComfyUI:
			note("model %q not carried over: ComfyUI wants the checkpoint's file name, pass --engine comfyui:FILE.safetensors", a.Model)
		default:
			note("model %q is not on %s: its default model is used", a.Model, t.Name)
		}
	}
	notes = append(notes, unmapped(md)...)
	return s, notes
}

// makerOf names the engine or tool that made a, for notes.
func makerOf(a *easel.Artwork) string {
	switch a.Engine {
	case engineA1111:
		return "AUTOMATIC1111"
	case engineComfyUI:
		return "ComfyUI"
	case "":
		return "the tool that made it"
	}
	return a.Engine
}

func diffusionSummary(a *easel.Artwork) string {
	var parts []string
	if a.Steps > 0 {
		parts = append(parts, fmt.Sprintf("%d steps", a.Steps))
	}
	if a.CFGScale > 0 {
		parts = append(parts, fmt.Sprintf("CFG %g", a.CFGScale))
	}
	if a.Sampler != "" {
		parts = append(parts, a.Sampler)
	}
	return strings.Join(parts, ", ")
}

func isProse(d easel.Dialect) bool {
	switch d {
	case easel.DialectNatural, easel.DialectGPTImage, easel.DialectFlux, easel.DialectMidjourney, "":
		return true
	}
	return false
}

// FitSize returns w×h kept within easel's limits with its shape, and a
// note when it had to change it (or when the size is not known, 0).
func FitSize(w, h int) (easel.Size, string) {
	if w <= 0 || h <= 0 {
		return easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight},
			fmt.Sprintf("the picture's size is not known: made at %dx%d", easel.DefaultWidth, easel.DefaultHeight)
	}
	sz := easel.Size{Width: w, Height: h}
	if sz.Validate() == nil {
		return sz, ""
	}
	scale := 1.0
	if m := max(w, h); m > easel.MaxSide {
		scale = float64(easel.MaxSide) / float64(m)
	}
	if m := min(w, h); float64(m)*scale < easel.MinSide {
		scale = float64(easel.MinSide) / float64(m)
	}
	fit := func(v int) int {
		return min(max(int(math.Round(float64(v)*scale)), easel.MinSide), easel.MaxSide)
	}
	fitted := easel.Size{Width: fit(w), Height: fit(h)}
	return fitted, fmt.Sprintf("size %dx%d is outside easel's %d to %d pixels a side: made at %s", w, h, easel.MinSide, easel.MaxSide, fitted)
}

func trimExt(name string) string {
	for _, ext := range []string{".safetensors", ".ckpt", ".pt", ".bin", ".gguf"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return name
}

// samplers pairs AUTOMATIC1111's sampler names with ComfyUI's.
var samplers = [][2]string{
	{"Euler", "euler"}, {"Euler a", "euler_ancestral"}, {"Heun", "heun"}, {"DPM2", "dpm_2"},
	{"DPM2 a", "dpm_2_ancestral"}, {"LMS", "lms"}, {"DPM fast", "dpm_fast"}, {"DPM adaptive", "dpm_adaptive"},
	{"DPM++ 2S a", "dpmpp_2s_ancestral"}, {"DPM++ SDE", "dpmpp_sde"}, {"DPM++ 2M", "dpmpp_2m"},
	{"DPM++ 2M SDE", "dpmpp_2m_sde"}, {"DPM++ 3M SDE", "dpmpp_3m_sde"}, {"DDIM", "ddim"},
	{"UniPC", "uni_pc"}, {"LCM", "lcm"}, {"DDPM", "ddpm"},
}

// schedules pairs AUTOMATIC1111's schedule types with ComfyUI's schedulers.
var schedules = [][2]string{
	{"Karras", "karras"}, {"Exponential", "exponential"}, {"SGM Uniform", "sgm_uniform"},
	{"Simple", "simple"}, {"Normal", "normal"}, {"Beta", "beta"}, {"KL Optimal", "kl_optimal"},
}

// splitSampler returns the sampler and the schedule of name: the schedule
// comes from md (A1111's "Schedule type", ComfyUI's scheduler) or from an
// old A1111 name such as "DPM++ 2M Karras".
func splitSampler(name string, md *pngmeta.Metadata) (sampler, sched string) {
	sampler = strings.TrimSpace(name)
	if md != nil {
		sched = md.Scheduler
	}
	for _, sc := range schedules {
		if base, ok := strings.CutSuffix(sampler, " "+sc[0]); ok {
			if _, known := translateSampler(base, engineComfyUI); known {
				return base, sc[0]
			}
		}
	}
	return sampler, sched
}

// translateSampler returns the name engine (a1111 or comfyui) knows the
// sampler by, from either tool's name.
func translateSampler(name, engine string) (string, bool) {
	for _, p := range samplers {
		if strings.EqualFold(name, p[0]) || strings.EqualFold(name, p[1]) {
			if engine == engineComfyUI {
				return p[1], true
			}
			return p[0], true
		}
	}
	return "", false
}

func defaultSchedule(s string) bool {
	switch strings.ToLower(s) {
	case "", "automatic", "normal":
		return true
	}
	return false
}

// core are the A1111 parameters that Reproduce carries over (or reports
// itself), and those that only describe the file.
var core = []string{"Steps", "Sampler", "Schedule type", "CFG scale", "Seed", "Size", "Size-1", "Size-2",
	"Model", "Model hash", "Version", "Template"}

// comfyBasic are the ComfyUI node classes of a plain txt2img graph, which
// the comfyui engine's own workflow has too.
var comfyBasic = []string{"CheckpointLoaderSimple", "CLIPTextEncode", "EmptyLatentImage", "KSampler",
	"KSamplerAdvanced", "VAEDecode", "SaveImage", "PreviewImage"}

// unmapped names what a foreign PNG records that easel has no setting
// for: A1111 parameters such as Clip skip or Hires upscale, ComfyUI nodes
// such as LoraLoader.
func unmapped(md *pngmeta.Metadata) []string {
	if md == nil || md.Source == pngmeta.SourceEasel {
		return nil
	}
	var notes []string
	var rest []string
	for _, p := range md.Params {
		if !slices.Contains(core, p.Key) {
			rest = append(rest, p.Key+": "+oneLine(p.Value, 40))
		}
	}
	if len(rest) > 0 {
		notes = append(notes, "not carried over: "+strings.Join(rest, ", "))
	}
	if md.Source == pngmeta.SourceComfyUI {
		if classes := comfyExtra(md); len(classes) > 0 {
			notes = append(notes, "ComfyUI nodes not carried over: "+strings.Join(classes, ", ")+" (give your own workflow with EASEL_COMFYUI_WORKFLOW)")
		}
	}
	return notes
}

// comfyExtra returns the node classes of md's ComfyUI graph beyond a plain
// txt2img graph, sorted.
func comfyExtra(md *pngmeta.Metadata) []string {
	var graph map[string]struct {
		Class string `json:"class_type"`
	}
	if json.Unmarshal(md.ComfyPrompt, &graph) != nil {
		return nil
	}
	var out []string
	for _, n := range graph {
		if n.Class != "" && !slices.Contains(comfyBasic, n.Class) && !slices.Contains(out, n.Class) {
			out = append(out, n.Class)
		}
	}
	sort.Strings(out)
	return out
}
