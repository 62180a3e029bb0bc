package mcpserver

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/dialect"
	promptllm "github.com/easel-art/easel/prompt/llm"
)

// addPrompts adds the "act as a prompt generator" prompt: easel's own
// instructions to its language-model writer, given to the assistant, so
// the assistant writes the prompts itself and renders them with imagine.
func (s *server) addPrompts(ms *mcp.Server) {
	ms.AddPrompt(&mcp.Prompt{
		Name:  "prompt_generator",
		Title: "Act as an image prompt generator",
		Description: "Turns the assistant into a skilled image-prompt writer with easel's own instructions: " +
			"it writes detailed prompts for an idea, then can render them with the imagine tool.",
		Arguments: []*mcp.PromptArgument{
			{Name: "idea", Title: "Idea", Description: "what to picture, in a few words", Required: true},
			{Name: "dialect", Title: "Dialect", Description: "natural (default), gpt-image, flux, sd, sdxl or midjourney"},
			{Name: "variations", Title: "Variations", Description: "how many different prompts to write, 1 to 10 (default 3)"},
		},
	}, s.promptGenerator)
}

func (s *server) promptGenerator(ctx context.Context, req *mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
	args := req.Params.Arguments
	idea := args["idea"]
	if err := easel.ValidateIdeaText(idea); err != nil {
		return nil, fmt.Errorf("easel: %s", strings.TrimSuffix(easel.ErrorMessage(err), ", for example easel imagine \"a beach sunset\""))
	}
	d := easel.DialectNatural
	if v := strings.TrimSpace(args["dialect"]); v != "" {
		var err error
		if d, err = dialect.Parse(v); err != nil {
			return nil, fmt.Errorf("easel: %s", easel.ErrorMessage(err))
		}
	}
	n := 3
	if v := strings.TrimSpace(args["variations"]); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > MaxVariations {
			return nil, fmt.Errorf("easel: variations %q is not a number from 1 to %d", v, MaxVariations)
		}
	}
	var b strings.Builder
	b.WriteString(promptllm.Craft(d))
	fmt.Fprintf(&b, "\n\nAct as this prompt writer now. The idea is: %s\n\n", strings.TrimSpace(idea))
	fmt.Fprintf(&b, "Write %s for it in the %s dialect, each clearly different in composition, light or mood, numbered, each with its negative prompt when the dialect has one. ", plural(n, "prompt"), d)
	b.WriteString("Then ask which to render; render the chosen one with easel's imagine tool, passing it as \"prompt\" exactly as written (and \"negative\" for its negative prompt).")
	return &mcp.GetPromptResult{
		Description: "easel's prompt-writing instructions for " + oneLine(idea, 60),
		Messages: []*mcp.PromptMessage{
			{Role: "user", Content: &mcp.TextContent{Text: b.String()}},
		},
	}, nil
}
