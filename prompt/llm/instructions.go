package promptllm

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	"github.com/easel-art/easel"
)

// The system prompt is written in files, not Go strings, so it can be
// read and improved as prose: system.md is the craft, one file per
// dialect gives that dialect's rules, and output.md is the reply's shape.
//
//go:embed prompts/*.md
var promptFiles embed.FS

// Budget is how long a prompt may be in a dialect.
type Budget struct {
	// Words caps the prose text.
	Words int
	// Chunks, for the keyword dialects, caps the rendered prompt at this
	// many 75-token CLIP chunks (quality tags included).
	Chunks int
}

// Budgets are the length limits per dialect, as data. SD 1.5 prompts are
// kept to one CLIP chunk, which is what its text encoder reads at once;
// SDXL prompts to two. Prose limits follow what each engine reads well:
// FLUX's T5 reads long prompts, Midjourney weighs the first words most.
var Budgets = map[easel.Dialect]Budget{
	easel.DialectNatural:    {Words: 120},
	easel.DialectGPTImage:   {Words: 200},
	easel.DialectFlux:       {Words: 180},
	easel.DialectSD:         {Words: 80, Chunks: 1},
	easel.DialectSDXL:       {Words: 100, Chunks: 2},
	easel.DialectMidjourney: {Words: 60},
}

var outputTemplate = template.Must(template.New("output.md").ParseFS(promptFiles, "prompts/output.md"))

func mustRead(name string) string {
	b, err := promptFiles.ReadFile("prompts/" + name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return strings.TrimSpace(string(b))
}

// SystemPrompt returns the system prompt for n prompts in dialect d. A
// non-empty custom replaces easel's own instructions (the craft and the
// dialect's rules); the description of the reply's shape is always added,
// because easel must be able to read the answer.
func SystemPrompt(d easel.Dialect, n int, custom string) string {
	var b strings.Builder
	if c := strings.TrimSpace(custom); c != "" {
		b.WriteString(c)
	} else {
		b.WriteString(mustRead("system.md"))
		b.WriteString("\n\n")
		b.WriteString(mustRead(string(d) + ".md"))
	}
	b.WriteString("\n\n")
	bud := Budgets[d]
	data := map[string]any{
		"N":            n,
		"Words":        bud.Words,
		"Chunks":       bud.Chunks,
		"Tokens":       bud.Chunks * 75,
		"KeywordWords": bud.Chunks * 40,
		"Times":        strings.Join(timesOfDay, ", "),
		"Weathers":     strings.Join(weathers, ", "),
		"Seasons":      strings.Join(seasons, ", "),
		"Elements":     strings.Join(easel.Elements, ", "),
	}
	if err := outputTemplate.Execute(&b, data); err != nil {
		panic(err) // a bug in output.md
	}
	return strings.TrimSpace(b.String())
}

// chaosGuide says, in words a model follows, how far variations wander.
func chaosGuide(chaos, n int) string {
	var how string
	switch {
	case chaos <= 10:
		how = "keep the same composition, light and mood; change only the wording and small details"
	case chaos <= 40:
		how = "keep the subject and setting, but vary the details, light, colour palette and camera"
	case chaos <= 70:
		how = "reinterpret the scene: a different time of day, weather, composition, camera and mood, with the same subject"
	default:
		how = "wander far: surprising settings, eras, media and moods, as long as the subject stays the person's"
	}
	if n == 1 {
		return fmt.Sprintf("Chaos is %d of 100: the higher it is, the bolder the interpretation (at this level: %s).", chaos, how)
	}
	return fmt.Sprintf("Chaos is %d of 100. The %d prompts must really differ from one another: %s. Do not repeat a prompt with small changes of wording.", chaos, n, how)
}

// UserMessage returns the request for n prompts. avoid lists prompts
// already written for the same request, which new ones must differ from.
func UserMessage(req easel.WriteRequest, n int, avoid []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Idea: %s\n", strings.TrimSpace(req.Idea))
	if req.Style != "" {
		fmt.Fprintf(&b, "Style: %s (keep this medium and style in every prompt)\n", req.Style)
	}
	if req.Negative != "" {
		fmt.Fprintf(&b, "Keep out of the picture: %s\n", req.Negative)
	}
	if req.Scene != nil {
		if js, err := json.Marshal(req.Scene); err == nil {
			fmt.Fprintf(&b, "What the idea is about, as parsed: %s\n", js)
		}
	}
	fmt.Fprintf(&b, "Dialect: %s\n", req.Dialect)
	fmt.Fprintf(&b, "Number of prompts: %d\n", n)
	b.WriteString(chaosGuide(req.Chaos, n))
	b.WriteString("\n")
	if len(avoid) > 0 {
		b.WriteString("These prompts were already written for this idea; write new ones that differ from them:\n")
		for _, a := range avoid {
			fmt.Fprintf(&b, "- %s\n", a)
		}
	}
	return strings.TrimSpace(b.String())
}
