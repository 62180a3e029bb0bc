// Package promptllm is the prompt writer that asks a language model: it
// implements easel.PromptWriter on any llm.Client (OpenAI and compatible
// servers, Anthropic, Ollama).
//
// It does what a skilled person does with a chat model, and more: an
// embedded system prompt per dialect (prompts/*.md) asks for the craft
// (subject, setting, light, colour, composition, mood, medium), the
// dialect's rules and length, and N variations that really differ, as far
// as --chaos allows. The reply is structured JSON (see Schema): each prompt's
// text, weighted keywords, negative terms and a Scene, so the built-in
// canvas can draw what the model imagined.
//
// What comes back is checked: JSON that does not parse, the wrong number
// of prompts, an empty prompt, a prompt that is not about the idea's
// subject, a prompt over the dialect's budget, prompts that repeat one
// another. Whatever easel can fix itself it fixes (JSON in code fences,
// weights out of range, keyword lists too long for SD's CLIP chunks); for
// the rest it shows the model its mistakes and asks once more, and then
// either repairs what is left (cutting an over-long text at a sentence)
// or returns a clear EPERMANENT error.
//
// Every call goes through retry.Do, so rate limits and transient failures
// are retried with the server's Retry-After, and nothing else is.
package promptllm

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/retry"
	"github.com/easel-art/easel/scene"
)

// MaxPerCall is the most prompts asked for in one call; more are asked
// for in several calls, each told what was already written.
const MaxPerCall = 6

// Progress is a piece of prompt text as the model writes it.
type Progress struct {
	// Attempt counts the calls for one batch of prompts from 1; it grows
	// when the writer asks the model again, and what an earlier attempt
	// showed is then superseded.
	Attempt int
	// Variation is the index of the prompt the text belongs to.
	Variation int
	// Text is the new piece.
	Text string
}

// Options configure a Writer.
type Options struct {
	// System replaces easel's own instructions with a person's own
	// (--system FILE). The description of the JSON reply is still added.
	System string
	// Model overrides the client's model ("" keeps it).
	Model string
	// Retry is the retry policy of each call (retry.Default
	// when MaxAttempts is 0).
	Retry retry.Policy
	// Temperature overrides the sampling temperature that chaos implies.
	// Providers whose models refuse one leave it out.
	Temperature *float64
	// OnText, when set, streams the prompts' text as it is written.
	OnText func(Progress)
	// Logger receives operator logs (retries, second attempts); nil
	// discards them.
	Logger *slog.Logger
}

// Writer writes prompts with a language model. It is safe for concurrent
// use when its client is.
type Writer struct {
	client llm.Client
	opts   Options
	log    *slog.Logger
}

// New returns a writer that asks client.
func New(client llm.Client, opts Options) *Writer {
	if opts.Retry.MaxAttempts == 0 {
		opts.Retry = retry.Default()
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Writer{client: client, opts: opts, log: log.With(easel.LogKeyComponent, "promptllm")}
}

// LoadSystem reads a person's own instructions for --system FILE. A
// missing, unreadable, empty or huge file is EINVALID.
func LoadSystem(path string) (string, error) {
	const maxSystem = 64 << 10
	b, err := imageio.ReadFile(path, maxSystem)
	if err != nil {
		return "", &easel.Error{Code: easel.EINVALID, Message: "cannot read the --system file: " + easel.ErrorMessage(err), Err: err}
	}
	if len(b) > maxSystem {
		return "", easel.Errorf(easel.EINVALID, "the --system file %s is %d bytes; keep it under %d", path, len(b), maxSystem)
	}
	if !utf8.Valid(b) || strings.TrimSpace(string(b)) == "" {
		return "", easel.Errorf(easel.EINVALID, "the --system file %s is empty or not UTF-8 text: write your instructions in it", path)
	}
	return strings.TrimSpace(string(b)), nil
}

// WritePrompts asks the model for req.N prompts (1 when N is 0). See
// easel.PromptWriter for the contract; a reply still unusable after the
// model was asked again is EPERMANENT.
func (w *Writer) WritePrompts(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	if err := easel.ValidateIdeaText(req.Idea); err != nil {
		return nil, err
	}
	if req.N < 0 {
		// Exactly req.N prompts cannot be written; one would be a surprise.
		return nil, easel.Errorf(easel.EINVALID, "cannot write %d variations: ask for 1 or more", req.N)
	}
	if req.Dialect == "" {
		req.Dialect = easel.DialectNatural
	}
	d, err := dialect.Parse(string(req.Dialect))
	if err != nil {
		return nil, err
	}
	req.Dialect = d
	req.Chaos = min(max(req.Chaos, 0), 100)
	n := max(req.N, 1)

	model := w.opts.Model
	if model == "" {
		model = w.client.Model()
	}
	var out []*easel.Prompt
	var written []string
	for len(out) < n {
		batch := min(n-len(out), MaxPerCall)
		ds, err := w.batch(ctx, req, model, batch, written)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			out = append(out, w.prompt(req, model, len(out), d))
			written = append(written, d.Text)
		}
	}
	return out, nil
}

// batch asks for n prompts: a first call and, if its reply has problems
// easel cannot repair, a second call that shows the model its mistakes.
func (w *Writer) batch(ctx context.Context, req easel.WriteRequest, model string, n int, avoid []string) ([]draft, error) {
	chk := newChecker(req, n)
	seed := req.Seed
	temp := w.opts.Temperature
	if temp == nil {
		// From 0.5 (chaos 0) to 1.2 (chaos 100): variety grows with chaos.
		t := 0.5 + 0.7*float64(req.Chaos)/100
		temp = &t
	}
	creq := llm.Request{
		Model:       model,
		System:      SystemPrompt(req.Dialect, n, w.opts.System),
		Messages:    []llm.Message{{Role: llm.RoleUser, Content: UserMessage(req, n, avoid)}},
		Schema:      Schema(),
		SchemaName:  SchemaName,
		Seed:        &seed,
		Temperature: temp,
	}
	const attempts = 2
	var last string
	for attempt := 1; attempt <= attempts; attempt++ {
		if w.opts.OnText != nil {
			ts := newTextStream(func(v int, text string) {
				w.opts.OnText(Progress{Attempt: attempt, Variation: v, Text: text})
			})
			creq.OnToken = ts.Write
		}
		resp, err := retry.Do(ctx, w.opts.Retry, func(ctx context.Context) (llm.Response, error) {
			return w.client.Chat(ctx, creq)
		})
		if err != nil {
			return nil, err
		}
		last = resp.Text
		ds, perr := parseReply(resp.Text)
		var probs []problem
		if perr != nil {
			msg := "your reply was not the JSON object asked for (" + perr.Error() + ")"
			if resp.Truncated() {
				msg = "your reply was cut off before the JSON was complete: write shorter prompts"
			}
			probs = []problem{{msg: msg}}
		} else {
			ds, probs = chk.check(ds)
		}
		if len(probs) == 0 {
			return ds, nil
		}
		if attempt == attempts {
			if hp := hard(probs); len(hp) > 0 {
				return nil, easel.Errorf(easel.EPERMANENT,
					"%s did not write usable prompts after being asked twice (%s; it wrote %s): try again, another model with --llm, or --llm builtin",
					llm.Writer(w.client, model), messages(hp), describe(last))
			}
			chk.repair(ds)
			return ds, nil
		}
		w.log.InfoContext(ctx, "asking the model again", easel.LogKeyAttempt, attempt+1, "problems", messages(probs))
		creq.Messages = append(creq.Messages,
			llm.Message{Role: llm.RoleAssistant, Content: resp.Text},
			llm.Message{Role: llm.RoleUser, Content: "Your answer has problems: " + messages(probs) +
				". Write the whole JSON object again, fixing them, with exactly " + fmt.Sprint(n) + " prompts."})
	}
	panic("unreachable")
}

// prompt assembles the canonical Prompt from a checked draft.
func (w *Writer) prompt(req easel.WriteRequest, model string, i int, d draft) *easel.Prompt {
	neg := d.Negative
	if req.Negative != "" {
		neg = cleanTerms(append(neg, strings.Split(req.Negative, ",")...))
	}
	return &easel.Prompt{
		Idea:     req.Idea,
		Template: req.Template,
		Text:     d.Text,
		Keywords: d.Keywords,
		Negative: neg,
		Style:    req.Style,
		// Variation i has seed Seed+i, as the built-in writer's do, so each
		// variation's picture and record is its own.
		Seed:      req.Seed + int64(i),
		Variation: i,
		Chaos:     req.Chaos,
		Writer:    llm.Writer(w.client, model),
		Scene:     sceneFor(req, d.Scene),
	}
}

// sceneFor returns the Scene the canvas draws for a prompt: the model's,
// with what it left empty taken from the idea's own scene, so a model that
// forgot the elements still gets a picture of the subject.
func sceneFor(req easel.WriteRequest, got *easel.Scene) *easel.Scene {
	base := req.Scene
	if base == nil {
		base = scene.Parse(req.Idea)
	}
	if got == nil {
		c := *base
		return &c
	}
	sc := *got
	sc.Idea = req.Idea
	if sc.Subject == "" {
		sc.Subject = base.Subject
	}
	if sc.Subjects == nil {
		sc.Subjects = base.Subjects
	}
	if sc.Domain == "" {
		sc.Domain = base.Domain
	}
	if len(sc.Elements) == 0 {
		sc.Elements = base.Elements
	}
	if sc.Style == "" {
		sc.Style = base.Style
	}
	return &sc
}

// Interface guard.
var _ easel.PromptWriter = (*Writer)(nil)
