// Package llm is the common face of the language models easel asks to write
// prompts: OpenAI and OpenAI-compatible servers (llm/openai), Anthropic
// (llm/anthropic) and Ollama (llm/ollama). Each provider speaks its own wire
// format and classifies its failures once into easel.Error codes; callers
// see one Client interface and never retry inside a client (retries live
// in package queue).
//
// A provider is opened from a spec such as "openai:gpt-5.4-mini" through a
// Registry that cmd/easel fills explicitly:
//
//	reg := llm.NewRegistry(openai.Provider, anthropic.Provider, ollama.Provider)
//	client, err := reg.Open("ollama:qwen3", os.Getenv, nil)
package llm

import (
	"context"
	"strings"
)

// Role is who said a Message.
type Role string

// The roles a conversation may hold. The system prompt is Request.System,
// not a Message, because providers carry it differently.
const (
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Message is one turn of the conversation.
type Message struct {
	Role    Role
	Content string
	// Images are pictures sent with a user turn, for vision models.
	Images []Image
}

// Format is how a reply was constrained to JSON.
type Format string

// The structured-output modes, strongest first. A client uses the strongest
// one its server accepts and reports which in Response.Format.
const (
	// FormatSchema: the server constrains the reply to Request.Schema.
	FormatSchema Format = "json_schema"
	// FormatJSON: the server guarantees valid JSON but not the schema; the
	// schema is given to the model as instructions.
	FormatJSON Format = "json_object"
	// FormatText: plain text; the schema is given as instructions and the
	// caller must validate what comes back.
	FormatText Format = "text"
)

// Request is one chat call.
type Request struct {
	// Model overrides the client's model for this call ("" keeps it).
	Model string
	// System is the system prompt: the instructions the model follows.
	System string
	// Messages is the conversation, starting with a user turn and
	// alternating user and assistant.
	Messages []Message
	// Schema, when set, is a JSON schema the reply must match. Objects in it
	// list every property in "required" and set "additionalProperties":
	// false, so that every provider's strict mode accepts it.
	Schema map[string]any
	// SchemaName names the schema for providers that want a name
	// (letters, digits, _ and -; at most 64).
	SchemaName string
	// Seed asks for reproducible sampling where the provider supports it
	// (OpenAI, Ollama); nil sends none. It is best-effort everywhere.
	Seed *int64
	// Temperature sets sampling randomness where the provider and model
	// accept it; nil leaves the model's default. Providers whose current
	// API rejects it (Anthropic since 2026-10-21, OpenAI reasoning models)
	// leave it out rather than fail.
	Temperature *float64
	// MaxTokens caps the reply's length (0 for the client's default).
	MaxTokens int
	// OnToken, when set, asks for a streamed reply and receives each piece
	// of text as it arrives; Response.Text is still the whole reply.
	OnToken func(text string)
}

// Usage counts tokens, when the provider reports them.
type Usage struct {
	InputTokens  int `json:"input_tokens"`
	OutputTokens int `json:"output_tokens"`
}

// Response is what the model answered.
type Response struct {
	// Text is the reply's text (JSON when a Schema was given and honoured).
	Text string
	// Model is the model that answered, as the server names it.
	Model string
	// Format is how the reply was constrained (see Format).
	Format Format
	// FinishReason is the provider's stop reason ("stop", "end_turn",
	// "length", "max_tokens", ...).
	FinishReason string
	Usage        Usage
}

// Truncated reports whether the reply stopped because it ran out of tokens.
func (r *Response) Truncated() bool {
	switch r.FinishReason {
	case "length", "max_tokens":
		return true
	}
	return false
}

// Client is a language model that answers chat requests.
//
// Chat returns the model's reply or an error classified as an easel.Error:
// ECONFIG when the key is missing or rejected (naming the variable to set)
// or the model does not exist, ERATELIMIT (with RetryAfter when the server
// said) when the service asks to slow down, EUNAVAILABLE for 5xx replies,
// timeouts, unreadable replies and network failures, EPERMANENT when the
// request was refused and retrying cannot help (bad request, exhausted
// quota, content policy). A cancelled ctx returns an error wrapping
// context.Canceled. Chat never retries by itself and never puts the API
// key into an error.
type Client interface {
	// Name is the provider's name, such as "openai".
	Name() string
	// Model is the model used when a Request does not name one.
	Model() string
	Chat(ctx context.Context, req Request) (Response, error)
}

// Checker is implemented by clients that can tell whether their service is
// reachable and the key accepted, without spending tokens (for `easel
// doctor`). Errors are classified as for Chat.
type Checker interface {
	Check(ctx context.Context) error
}

// Writer returns the name a prompt written by c with model records in
// easel.Prompt.Writer, such as "openai:gpt-5.4-mini".
func Writer(c Client, model string) string {
	if model == "" {
		model = c.Model()
	}
	return c.Name() + ":" + model
}

// SchemaInstructions is the text a client adds to the system prompt when
// its server cannot enforce schema itself (FormatJSON and FormatText), so
// the model still knows the shape to answer in.
func SchemaInstructions(schema []byte) string {
	var b strings.Builder
	b.WriteString("Answer with one JSON object and nothing else: no prose, no code fences. ")
	b.WriteString("It must match this JSON schema:\n")
	b.Write(schema)
	return b.String()
}
