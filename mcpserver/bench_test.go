package mcpserver

import (
	"context"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/scene"
)

// BenchmarkPreview measures the preview of a 1024x1024 canvas picture
// under the default budget (640 KB): the figure in the README.
func BenchmarkPreview(b *testing.B) {
	res, err := canvas.New().Render(context.Background(), &easel.RenderRequest{
		Prompt: "a beach sunset", Scene: scene.Parse("a beach sunset"), Width: 1024, Height: 1024, N: 1, Seed: 1,
	})
	if err != nil {
		b.Fatal(err)
	}
	data := res.Images[0].PNG
	b.ReportMetric(float64(len(data)), "file-bytes")
	var out []byte
	for b.Loop() {
		if out, err = preview(data, 1024, 640<<10); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "preview-bytes")
}

// BenchmarkImagineTool measures a whole imagine tool call on the canvas
// at 512x512 over the in-memory transport: writing the prompt, drawing,
// saving, the preview and the protocol.
func BenchmarkImagineTool(b *testing.B) {
	e := newEnv(b, Options{}, nil)
	args := map[string]any{"idea": "a lake at dawn with mountains and pines", "size": "512x512", "seed": 1}
	for b.Loop() {
		e.ok(b, "imagine", args)
	}
}
