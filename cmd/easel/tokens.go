package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/clip"
)

const tokensUsage = `Usage: easel tokens [--json] TEXT

Counts TEXT's CLIP tokens as AUTOMATIC1111 counts them, and the 75-token chunks it
splits the prompt into: attention syntax such as (term:1.2) and [term] is not counted,
the words in it are, and the word BREAK starts a new chunk. The studio's counter and
the sd and sdxl dialects count the same way.
TEXT "-" reads the text from standard input.

Examples:
  easel tokens "a beach sunset"
  easel tokens --json "masterpiece, (golden hour:1.2), a quiet beach BREAK film grain"`

// maxTokensInput bounds the text read from standard input.
const maxTokensInput = 1 << 20

func cmdTokens(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("tokens", tokensUsage)
	asJSON := fs.Bool("json", false, `print {"count": N, "ids": [...], "chunks": K}`)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	text, err := oneArg(pos, "text", `easel tokens "a beach sunset"`)
	if err != nil {
		return err
	}
	if text == "-" {
		b, err := io.ReadAll(io.LimitReader(a.stdin, maxTokensInput+1))
		if err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
		if len(b) > maxTokensInput {
			return easel.Errorf(easel.EINVALID, "the text on standard input is over %d bytes: count a shorter text", maxTokensInput)
		}
		text = string(b)
	}

	// The ids are those of the chunks, so BREAK, which only splits, is not
	// counted, as in A1111's counter.
	chunks := clip.Chunks(text)
	ids := []int{}
	sizes := make([]string, len(chunks))
	for i, c := range chunks {
		ids = append(ids, c...)
		sizes[i] = fmt.Sprint(len(c))
	}
	if *asJSON {
		return printJSON(a.stdout, map[string]any{"count": len(ids), "ids": ids, "chunks": len(chunks)})
	}
	fmt.Fprintf(a.stdout, "%s, %s", plural(len(ids), "token"), plural(len(chunks), "chunk"))
	if len(chunks) > 1 {
		fmt.Fprintf(a.stdout, " (%s)", strings.Join(sizes, " + "))
	}
	fmt.Fprintln(a.stdout)
	return nil
}

// plural writes "1 token", "2 tokens".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
