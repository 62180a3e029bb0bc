package scene_test

import (
	"fmt"

	"github.com/easel-art/easel/scene"
)

func ExampleParse() {
	s := scene.Parse("a cozy cabin in a snowy forest at night")
	fmt.Println("subject:", s.Subject)
	fmt.Println("setting:", s.Setting)
	fmt.Println("time:", s.TimeOfDay, "season:", s.Season, "mood:", s.Mood)
	fmt.Println("elements:", s.Elements)
	// Output:
	// subject: a cozy cabin
	// setting: snowy forest
	// time: night season: winter mood: cozy
	// elements: [cabin snow forest trees]
}
