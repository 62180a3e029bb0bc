package canvas

import (
	"image/png"
	"os"
	"strconv"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestPreview renders one idea to a file for a person to look at:
// EASEL_PREVIEW=/tmp/p.png EASEL_IDEA="a beach sunset" go test -run Preview ./engine/canvas/
// EASEL_STYLE, EASEL_SEED and EASEL_SIZE (one side) are optional.
func TestPreview(t *testing.T) {
	out := os.Getenv("EASEL_PREVIEW")
	if out == "" {
		t.Skip("set EASEL_PREVIEW and EASEL_IDEA to render one picture")
	}
	seed, _ := strconv.ParseInt(os.Getenv("EASEL_SEED"), 10, 64)
	size, _ := strconv.Atoi(os.Getenv("EASEL_SIZE"))
	if size == 0 {
		size = 768
	}
	img := Draw(scene.Parse(os.Getenv("EASEL_IDEA")), os.Getenv("EASEL_STYLE"), size, size, seed)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
