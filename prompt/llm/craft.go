package promptllm

import "github.com/easel-art/easel"

// Craft returns easel's instructions for writing prompts in dialect d
// (the craft and the dialect's rules) without the shape of the reply
// easel parses: for an assistant that writes the prompts itself, such as
// the MCP server's "act as a prompt generator" prompt.
func Craft(d easel.Dialect) string {
	return mustRead("system.md") + "\n\n" + mustRead(string(d)+".md")
}
