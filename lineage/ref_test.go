package lineage

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

func TestResolve(t *testing.T) {
	g, ids := family(t)
	dir := t.TempDir()
	a1111 := filepath.Join(dir, "a.png")
	data := inject(t, pngmeta.Text{Keyword: pngmeta.KeywordParameters, Value: "a (fox:1.2)\nSteps: 20, Sampler: Euler, Seed: 3, Size: 80x48"})
	os.WriteFile(a1111, data, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.png"), []byte("not a picture"), 0o644)
	os.WriteFile(filepath.Join(dir, "plain.png"), encoded(t, 8, 8), 0o644)

	tests := []struct {
		ref      string
		kind     string
		inGal    bool
		wantCode string
		wantMsg  string
	}{
		{ref: ids["s1"], kind: RefGallery, inGal: true},
		{ref: strings.ToUpper(ids["g1"]), kind: RefGallery, inGal: true},
		{ref: a1111, kind: RefPNG},
		{ref: "a beach sunset", kind: RefText},
		{ref: "face", kind: RefText},   // hex letters only, short: a word
		{ref: "decade", kind: RefText}, // likewise
		{ref: "0123456789abcdef", wantCode: easel.ENOTFOUND, wantMsg: "no artwork"},
		{ref: "deadbeef", wantCode: easel.ENOTFOUND, wantMsg: "no artwork"},
		{ref: "a000", wantCode: easel.EINVALID, wantMsg: "several"},
		{ref: filepath.Join(dir, "notes.png"), wantCode: easel.EINVALID, wantMsg: "not a PNG"},
		{ref: filepath.Join(dir, "plain.png"), wantCode: easel.EINVALID, wantMsg: "no generation metadata"},
		{ref: filepath.Join(dir, "missing.png"), wantCode: easel.EINVALID, wantMsg: "cannot read"},
		{ref: "pics/sunset", wantCode: easel.EINVALID, wantMsg: "cannot read"},
		{ref: dir, wantCode: easel.EINVALID, wantMsg: "directory"},
		{ref: "   ", wantCode: easel.EINVALID, wantMsg: "no picture"},
		{ref: strings.Repeat("a fox ", 2000), wantCode: easel.EINVALID, wantMsg: "limit"},
	}
	for _, tt := range tests {
		t.Run(oneLine(tt.ref, 30), func(t *testing.T) {
			r, err := Resolve(t.Context(), g, tt.ref)
			if tt.wantCode != "" {
				if easel.ErrorCode(err) != tt.wantCode || !strings.Contains(easel.ErrorMessage(err), tt.wantMsg) {
					t.Fatalf("err = %v (%s); want %s containing %q", err, easel.ErrorCode(err), tt.wantCode, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind != tt.kind || r.InGallery() != tt.inGal {
				t.Fatalf("kind %s, in gallery %v; want %s, %v", r.Kind, r.InGallery(), tt.kind, tt.inGal)
			}
		})
	}
}

func TestResolveFindsAndImportsFiles(t *testing.T) {
	g, _ := family(t)
	data := inject(t, pngmeta.Text{Keyword: pngmeta.KeywordParameters, Value: "a (fox:1.2)\nNegative prompt: blurry\nSteps: 20, Sampler: Euler, Seed: 3, Size: 80x48"})
	path := filepath.Join(t.TempDir(), "fox.png")
	os.WriteFile(path, data, 0o644)
	r, err := Resolve(t.Context(), g, path)
	if err != nil {
		t.Fatal(err)
	}
	if r.InGallery() || r.Picture == nil || r.Art.Idea != "a fox" || r.Art.Engine != "a1111" {
		t.Fatalf("ref = %+v", r.Art)
	}
	before := len(g.arts)
	if err := Import(t.Context(), g, r); err != nil {
		t.Fatal(err)
	}
	if !r.InGallery() || len(g.arts) != before+1 || r.Art.Method != easel.MethodImport || r.Art.NegativePrompt != "blurry" {
		t.Fatalf("after import: %+v, %d artworks", r.Art, len(g.arts))
	}
	// Once the gallery has the same bytes, the file resolves to that artwork.
	sum := sha256.Sum256(data)
	g.arts[len(g.arts)-1].SHA256 = hex.EncodeToString(sum[:]) // memGallery does not hash
	r2, err := Resolve(t.Context(), g, path)
	if err != nil || r2.Art.ID != r.Art.ID {
		t.Fatalf("second resolve = %+v, %v; want the imported artwork %s", r2.Art, err, r.Art.ID)
	}
	if err := Import(t.Context(), g, r2); err != nil || len(g.arts) != before+1 {
		t.Fatalf("importing a picture the gallery has added another: %d artworks", len(g.arts))
	}
}
