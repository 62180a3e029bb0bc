package builtin_test

import (
	"context"
	"fmt"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/builtin"
)

func ExampleWriter_WritePrompts() {
	ps, err := builtin.New().WritePrompts(context.Background(), easel.WriteRequest{Idea: "a beach sunset", Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := ps[0]
	fmt.Println(p.Text)
	fmt.Println(p.Keywords[0].Text, p.Keywords[0].Weight)
	// Output:
	// Create a serene, peaceful landscape of a beach sunset. A blazing sunset fills the sky, its last rays setting the clouds alight and throwing long shadows. Smooth, wet sand mirrors the sky where the last wave has just pulled back, scattered with shells and driftwood. The water is calm and reflective, with gentle waves lapping against the shore. The composition is wide and open, with a low horizon and generous space above the beach. Expect glowing orange and blush pink throughout the palette, with a few carefully placed touches of foamy white. The overall feeling is hushed and tranquil, with calm at its heart.
	// beach sunset 1.2
}
