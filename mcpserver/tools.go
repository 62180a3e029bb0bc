package mcpserver

import (
	"context"
	"fmt"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/verb"
)

// The tools' arguments. Only types are checked by the schema: every
// value is checked by easel, so a bad one gets easel's own message
// (naming the problem and the fix) as a tool error the model can act on.

// WritePromptArgs are write_prompt's arguments.
type WritePromptArgs struct {
	Idea       string `json:"idea" jsonschema:"what to picture, in the person's own words, such as 'a lighthouse in a storm at dusk'"`
	Dialect    string `json:"dialect,omitempty" jsonschema:"how the prompt is written: natural (default), gpt-image, flux, sd, sdxl (weighted keywords and a negative prompt for Stable Diffusion) or midjourney (with --ar and --no parameters)"`
	Style      string `json:"style,omitempty" jsonschema:"a style preset, such as 'oil painting', 'watercolor', 'cinematic' or 'pixel art'"`
	Variations int    `json:"variations,omitempty" jsonschema:"how many different prompts to write, 1 to 10 (default 1)"`
	Chaos      *int   `json:"chaos,omitempty" jsonschema:"how far the variations wander, 0 (only the wording) to 100 (new composition, light and mood); default 50"`
	Seed       *int64 `json:"seed,omitempty" jsonschema:"a seed, 0 or more, to get the same prompts again; omit for a random one"`
	Negative   string `json:"negative,omitempty" jsonschema:"things to keep out of the picture"`
	LLM        string `json:"llm,omitempty" jsonschema:"who writes the prompt: builtin (offline, default), or a language model NAME[:MODEL] such as openai, anthropic or ollama:llama3.2"`
}

// WrittenPrompt is one prompt write_prompt wrote.
type WrittenPrompt struct {
	Prompt   string        `json:"prompt"`
	Negative string        `json:"negative_prompt,omitempty"`
	Dialect  easel.Dialect `json:"dialect"`
	Seed     int64         `json:"seed"`
	Writer   string        `json:"writer"`
}

// WritePromptResult is write_prompt's structured result.
type WritePromptResult struct {
	Prompts []WrittenPrompt `json:"prompts"`
}

// ImagineArgs are imagine's arguments.
type ImagineArgs struct {
	Idea     string `json:"idea,omitempty" jsonschema:"what to picture, in the person's own words: easel writes the detailed prompt (give idea or prompt)"`
	Prompt   string `json:"prompt,omitempty" jsonschema:"a finished prompt to render exactly as written, such as one from write_prompt (give idea or prompt)"`
	Negative string `json:"negative,omitempty" jsonschema:"things to keep out of the picture"`
	Engine   string `json:"engine,omitempty" jsonschema:"the image engine NAME[:MODEL]; omit for the person's default"`
	Size     string `json:"size,omitempty" jsonschema:"WIDTHxHEIGHT, 64 to 2048 pixels a side, such as 1024x1024 (the default) or 1536x1024"`
	Aspect   string `json:"aspect,omitempty" jsonschema:"an aspect ratio W:H instead of size, such as 16:9 or 2:3 (the longer side is 1024)"`
	N        int    `json:"n,omitempty" jsonschema:"how many pictures, 1 to 4 (default 1)"`
	Seed     *int64 `json:"seed,omitempty" jsonschema:"a seed, 0 or more: the same seed and arguments make the same picture; omit for a random one"`
	Style    string `json:"style,omitempty" jsonschema:"a style preset, such as 'oil painting', 'watercolor', 'cinematic' or 'pixel art'"`
	Dialect  string `json:"dialect,omitempty" jsonschema:"the prompt dialect; omit for the engine's own"`
	LLM      string `json:"llm,omitempty" jsonschema:"who writes the prompt from the idea: builtin (default) or a language model NAME[:MODEL]"`
}

// VaryArgs are vary's arguments.
type VaryArgs struct {
	ID       string `json:"id" jsonschema:"the picture's gallery id (or the first 8 or more characters of it)"`
	Strength string `json:"strength,omitempty" jsonschema:"subtle (default: same composition, light and mood, new wording and details) or strong (new composition, light and mood, same subject)"`
	N        int    `json:"n,omitempty" jsonschema:"how many variations, 1 to 4 (default 2)"`
	Engine   string `json:"engine,omitempty" jsonschema:"the image engine NAME[:MODEL]; omit for the one that made the picture"`
	Seed     *int64 `json:"seed,omitempty" jsonschema:"a seed, 0 or more; omit for a random one"`
	Negative string `json:"negative,omitempty" jsonschema:"more things to keep out of the picture"`
}

// ReproduceArgs are reproduce's arguments.
type ReproduceArgs struct {
	ID     string `json:"id" jsonschema:"the picture's gallery id (or the first 8 or more characters of it)"`
	Engine string `json:"engine,omitempty" jsonschema:"render on another engine NAME[:MODEL] with the closest settings; omit for the one that made it"`
}

// RefineArgs are refine's arguments.
type RefineArgs struct {
	ID          string `json:"id" jsonschema:"the picture's gallery id (or the first 8 or more characters of it)"`
	Instruction string `json:"instruction" jsonschema:"what to change, in words, such as 'make it night, add a red sailboat', 'no people', 'closer, as a watercolor', 'in winter', 'wider, 16:9'; everything it does not name stays as it was"`
	N           int    `json:"n,omitempty" jsonschema:"how many pictures of the refined prompt, 1 to 4 (default 1)"`
	Engine      string `json:"engine,omitempty" jsonschema:"the image engine NAME[:MODEL]; omit for the one that made the picture"`
	Seed        *int64 `json:"seed,omitempty" jsonschema:"a seed, 0 or more; omit to keep the picture's, so only what was asked changes"`
	Negative    string `json:"negative,omitempty" jsonschema:"more things to keep out of the picture"`
}

// Pictures is the structured result of the tools that make pictures.
type Pictures struct {
	Artworks []ArtworkInfo `json:"artworks"`
	// Notes say what easel changed from the request and why.
	Notes []string `json:"notes,omitempty"`
}

func (s *server) addTools(ms *mcp.Server) {
	engines := strings.Join(s.core.Engines, ", ")
	writers := ""
	if len(s.llms) > 0 {
		writers = " Prompt writers (llm): " + strings.Join(s.llms, ", ") + "; builtin is offline and free."
	}
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "write_prompt",
		Title: "Write an image prompt",
		Description: "Writes the detailed image prompt a skilled prompt writer would for an idea: subject, setting, light, colour, composition, mood, medium, and a negative prompt where the dialect has one. " +
			"Nothing is rendered. Use it to draft, compare or show prompts; render one with imagine's prompt argument." + writers,
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, s.writePrompt)
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "imagine",
		Title: "Make a picture",
		Description: "Makes pictures from an idea (easel writes the detailed prompt) or from a finished prompt (rendered exactly), on an image engine, and saves them in the gallery. " +
			"Returns each picture as an image, its gallery id, the prompt sent and the seed. Engines: " + engines + " (builtin is the offline canvas, free; the others may cost money). " +
			"Keep n small: every picture comes back into the conversation.",
		Annotations: &mcp.ToolAnnotations{OpenWorldHint: ptr(true)},
	}, s.imagine)
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "vary",
		Title: "Vary a picture",
		Description: "Makes variations of a gallery picture: new prompts written from its prompt and scene, rendered on its engine at its size and saved as its children. " +
			"subtle keeps the composition and changes the details; strong keeps the subject and changes composition, light and mood.",
		Annotations: &mcp.ToolAnnotations{OpenWorldHint: ptr(true)},
	}, s.vary)
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "reproduce",
		Title: "Make a picture again",
		Description: "Renders a gallery picture again with its exact prompt, negative prompt, seed, size, steps, sampler, model and engine, and saves it as its child. " +
			"On the built-in canvas the pixels are identical; the text says whether they are.",
		Annotations: &mcp.ToolAnnotations{IdempotentHint: true, OpenWorldHint: ptr(true)},
	}, s.reproduce)
	mcp.AddTool(ms, &mcp.Tool{
		Name:  "refine",
		Title: "Change a picture in words",
		Description: "Steers a gallery picture with an instruction ('make it night, add a red sailboat', 'no people', 'closer, as a watercolor'): what the words name changes, the rest (subject, composition, seed, size) stays. " +
			"Saves the new picture as the picture's child with the instruction; refine the child to go on. Words easel does not understand are refused by name.",
		Annotations: &mcp.ToolAnnotations{OpenWorldHint: ptr(true)},
	}, s.refine)
	s.addPictureTools(ms)
	s.addGalleryTools(ms)
	s.addEngineTool(ms)
}

func ptr[T any](v T) *T { return &v }

func (s *server) writePrompt(ctx context.Context, req *mcp.CallToolRequest, in WritePromptArgs) (*mcp.CallToolResult, *WritePromptResult, error) {
	if err := easel.ValidateIdeaText(in.Idea); err != nil {
		return nil, nil, fail(err)
	}
	d := easel.DialectNatural
	if in.Dialect != "" {
		var err error
		if d, err = dialect.Parse(in.Dialect); err != nil {
			return nil, nil, fail(err)
		}
	}
	n := in.Variations
	if n == 0 {
		n = 1
	}
	if n < 1 || n > MaxVariations {
		return nil, nil, fail(easel.Errorf(easel.EINVALID, "variations %d is out of range: ask for 1 to %d prompts", n, MaxVariations))
	}
	seed, err := seedArg(in.Seed)
	if err != nil {
		return nil, nil, fail(err)
	}
	w, err := verb.WritePrompts(ctx, s.core, verb.ImagineRequest{
		Idea: in.Idea, Style: in.Style, Negative: in.Negative, Engine: "builtin", LLM: or(in.LLM, s.opts.LLM),
		Seed: seed, Variations: n, Chaos: in.Chaos, Dialect: d,
	})
	if err != nil {
		return nil, nil, fail(err)
	}
	out := &WritePromptResult{}
	var b strings.Builder
	for i, v := range w.Prompts {
		out.Prompts = append(out.Prompts, WrittenPrompt{Prompt: v.Text, Negative: v.Negative, Dialect: v.Dialect, Seed: v.Prompt.Seed, Writer: v.Prompt.Writer})
		if len(w.Prompts) > 1 {
			fmt.Fprintf(&b, "— variation %d (seed %d)\n", i+1, v.Prompt.Seed)
		}
		b.WriteString(v.Text)
		b.WriteString("\n")
		if v.Negative != "" {
			fmt.Fprintf(&b, "Negative prompt: %s\n", v.Negative)
		}
		if i < len(w.Prompts)-1 {
			b.WriteString("\n")
		}
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: strings.TrimSpace(b.String())}}}, out, nil
}

// or is s, or def when s is blank.
func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// seedArg is the seed, -1 when not given: the verb picks one at random
// and records it, so every picture can be made again.
func seedArg(seed *int64) (int64, error) {
	if seed == nil {
		return -1, nil
	}
	if *seed < 0 {
		return 0, easel.Errorf(easel.EINVALID, "seed %d is negative: use 0 or more, or leave it out for a random one", *seed)
	}
	return *seed, nil
}

// countArg is n, def when not given, within 1..MaxImages.
func countArg(n, def int) (int, error) {
	if n == 0 {
		return def, nil
	}
	if n < 1 || n > MaxImages {
		return 0, easel.Errorf(easel.EINVALID, "n %d is out of range: ask for 1 to %d pictures at a time (easel batch makes more)", n, MaxImages)
	}
	return n, nil
}
