package template_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/easel-art/easel/prompt/template"
)

func ExampleTemplate_Prompts() {
	t, err := template.Parse("a {red|green} {fox|owl}")
	if err != nil {
		panic(err)
	}
	for p, err := range t.Prompts(context.Background(), template.Options{}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(p)
	}
	// Output:
	// a red fox
	// a red owl
	// a green fox
	// a green owl
}

func ExampleTemplate_Prompts_wildcards() {
	wildcards := fstest.MapFS{
		"animals/birds.txt":   {Data: []byte("owl\nheron\n# comment\n")},
		"animals/mammals.txt": {Data: []byte("fox\n")},
	}
	t, _ := template.Parse("a {2$$ and $$__animals/*__}")
	for p, err := range t.Prompts(context.Background(), template.Options{Wildcards: wildcards, Count: 4}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(p)
	}
	// Output:
	// a fox and heron
	// a fox and owl
	// a heron and fox
	// a heron and owl
}

func ExampleExpand() {
	prompts, err := template.Expand(context.Background(), "a {red|green|blue} bird", 3, template.Options{Seed: 42})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(prompts))
	// Output: 3
}

func ExampleParse_error() {
	_, err := template.Parse("costs $5")
	fmt.Println(err)
	// Output: column 7: a bare $ is not allowed (templates have no escapes): use ${name} for a variable, or write the text without $
}
