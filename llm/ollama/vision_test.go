package ollama_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
)

// TestVisionImage sends a picture with a user turn: the fake, which
// checks image input as the service does, receives it whole.
func TestVisionImage(t *testing.T) {
	c, f := start(t, 5*time.Second)
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 8, 8)))
	f.Push(llmtest.Reply{Text: "a black square"})
	resp, err := c.Chat(t.Context(), llm.Request{Messages: []llm.Message{{
		Role: llm.RoleUser, Content: "What is in this picture?", Images: []llm.Image{{MediaType: "image/png", Data: b.Bytes()}},
	}}})
	if err != nil || resp.Text != "a black square" {
		t.Fatalf("Chat = %q, %v", resp.Text, err)
	}
	m := f.LastCall().Messages[0]
	if m.Content != "What is in this picture?" || len(m.Images) != 1 || m.Images[0].MediaType != "image/png" || !bytes.Equal(m.Images[0].Data, b.Bytes()) {
		t.Errorf("the service received %q with %d images", m.Content, len(m.Images))
	}
}
