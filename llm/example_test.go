package llm_test

import (
	"fmt"

	"github.com/easel-art/easel/llm"
)

func ExampleParseSpec() {
	for _, spec := range []string{"openai", "anthropic:claude-sonnet-5-5", "ollama:qwen3:8b"} {
		name, model, _ := llm.ParseSpec(spec)
		fmt.Printf("%s %q\n", name, model)
	}
	// Output:
	// openai ""
	// anthropic "claude-sonnet-5-5"
	// ollama "qwen3:8b"
}
