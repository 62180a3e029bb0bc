package main

import (
	"time"

	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/pipeline"
)

// dataFlags are the flags every gallery-touching command shares.
type dataFlags struct {
	dataDir string
	json    bool
}

func (d *dataFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&d.dataDir, "data-dir", "", "data directory (default $EASEL_HOME, else $XDG_DATA_HOME/easel, else ~/.local/share/easel)")
	fs.BoolVar(&d.json, "json", false, "print one JSON object a line (NDJSON), for scripts")
}

// sizeFlags resolve --size and --aspect into one size.
type sizeFlags struct {
	size, aspect string
}

func (s *sizeFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&s.size, "size", "", "picture size WIDTHxHEIGHT, 64..2048 a side (default 1024x1024)")
	fs.StringVar(&s.aspect, "aspect", "", "aspect ratio W:H, such as 16:9 (the longer side is 1024)")
}

func (s *sizeFlags) resolve() (easel.Size, error) {
	switch {
	case s.size != "" && s.aspect != "":
		return easel.Size{}, easel.Errorf(easel.EINVALID, "give --size or --aspect, not both")
	case s.size != "":
		return easel.ParseSize(s.size)
	case s.aspect != "":
		return easel.ParseAspect(s.aspect, easel.DefaultWidth)
	}
	return easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight}, nil
}

// resolveOptional is resolve for commands whose default is the picture's
// own size: zero when neither --size nor --aspect is given.
func (s *sizeFlags) resolveOptional() (easel.Size, error) {
	if s.size == "" && s.aspect == "" {
		return easel.Size{}, nil
	}
	return s.resolve()
}

// resolveSeed returns seed, or a random one when it is negative (as
// A1111's -1), so every picture records the seed that makes it again.
func resolveSeed(seed int64) int64 {
	if seed >= 0 {
		return seed
	}
	return rand.Int64N(1 << 32)
}

// printJSON writes v as one line of JSON.
func printJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// copyOut copies a saved picture into out, as --out asks, and returns
// the path to show: the copy, else the gallery's file. A failed copy is
// said on stderr; the picture stays saved in the gallery.
func (a *app) copyOut(ctx context.Context, g easel.Gallery, art *easel.Artwork, out string) string {
	if out == "" {
		return art.Path
	}
	data, err := easel.ReadImage(ctx, g.Images(), art.SHA256)
	p := ""
	if err == nil {
		p, err = writeOut(out, art.ID+".png", data)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "easel: %s\n", easel.ErrorMessage(err))
		return art.Path
	}
	return p
}

// heldPrompt holds the lines of a prompt until its picture is saved:
// a prompt the engine refuses is bad input, which gets one line. quiet
// (--json) holds nothing.
type heldPrompt struct {
	quiet bool
	b     strings.Builder
}

func (h *heldPrompt) hold(_ *easel.Prompt, r pipeline.Rendered) {
	if h.quiet {
		return
	}
	h.b.Reset()
	fmt.Fprintf(&h.b, "prompt: %s\n", r.Text)
	if r.Negative != "" {
		fmt.Fprintf(&h.b, "negative: %s\n", r.Negative)
	}
}

// flush prints the held prompt.
func (h *heldPrompt) flush(w io.Writer) {
	io.WriteString(w, h.b.String())
	h.b.Reset()
}

// reportArtwork prints a saved artwork as imagine, vary and batch do:
// its --json object, or its lines (see printSaved), after copying it into
// out when set. how says how it was made ("" for imagine).
func (a *app) reportArtwork(ctx context.Context, g easel.Gallery, art *easel.Artwork, out string, asJSON bool, how string) {
	path := a.copyOut(ctx, g, art, out)
	if asJSON {
		printJSON(a.stdout, imageJSON(art, path))
		return
	}
	a.printSaved(path, art, how)
}

// oneLine shortens s to one line for tables.
func oneLine(s string, n int) string {
	s = termSafe(strings.Join(strings.Fields(s), " "))
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// mkdirProbe creates dir if needed and checks that a file can be written there.
func mkdirProbe(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// printSaved prints the lines imagine, vary and reproduce print for a
// saved picture: the engine's own rewrite of the prompt, when it made one
// (gpt-image does; a person compares it with what easel wrote), then where
// the picture is, what made it and, on a paid engine, what it cost. how
// says how it was made ("vary-subtle of 3f2a…"), or nothing for imagine.
func (a *app) printSaved(path string, art *easel.Artwork, how string) {
	if rp := strings.TrimSpace(art.RevisedPrompt); rp != "" && rp != strings.TrimSpace(art.Prompt) {
		fmt.Fprintf(a.stdout, "revised: %s\n", rp)
	}
	parts := []string{"id " + art.ID}
	if how != "" {
		parts = append(parts, how)
	}
	parts = append(parts, fmt.Sprintf("seed %d", art.Seed), fmt.Sprintf("%dx%d", art.Width, art.Height))
	if art.ElapsedMS > 0 {
		parts = append(parts, (time.Duration(art.ElapsedMS) * time.Millisecond).Round(time.Millisecond).String())
	}
	if art.CostUSD > 0 {
		parts = append(parts, usd(art.CostUSD))
	}
	fmt.Fprintf(a.stdout, "saved %s  (%s)\n", path, strings.Join(parts, ", "))
}

// usd writes a price the way price lists do: $0.04, $0.0425, $1.20.
func usd(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i < 3 {
		s += strings.Repeat("0", 3-(len(s)-i))
	}
	return "$" + s
}

// openForOutput checks --out early, before any work, when pictures will be
// written there, then opens the gallery. It returns the gallery (the caller
// closes it) and the resolved data directory.
func (a *app) openForOutput(ctx context.Context, dataDirFlag, out string, writes bool) (gallery, string, error) {
	if out != "" && writes {
		if err := checkOutDir(out); err != nil {
			return nil, "", err
		}
	}
	g, err := a.openGallery(ctx, dataDirFlag)
	if err != nil {
		return nil, "", err
	}
	return g, config.DataDir(dataDirFlag, a.getenv), nil
}
