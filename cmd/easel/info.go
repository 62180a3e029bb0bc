package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

const infoUsage = `Usage: easel info [--json] FILE.png...

Prints how a picture was made, from the metadata in the PNG: easel's own, AUTOMATIC1111/Forge's
"parameters", ComfyUI's "prompt"/"workflow" graph or InvokeAI's "invokeai_metadata".`

// maxInfoFile bounds what info reads: PNGs from image models are a few MB.
const maxInfoFile = 256 << 20

func cmdInfo(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("info", infoUsage)
	asJSON := fs.Bool("json", false, "print the metadata as one JSON object a file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return easel.Errorf(easel.EINVALID, "no file given: for example easel info picture.png")
	}
	for i, path := range pos {
		md, err := readPNGMeta(path)
		if err != nil {
			return err
		}
		if *asJSON {
			if err := printJSON(a.stdout, struct {
				File string `json:"file"`
				*pngmeta.Metadata
			}{path, md}); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		a.printMeta(path, md)
	}
	return nil
}

// readPNGMeta reads the metadata of the PNG at path, with errors a person can act on.
func readPNGMeta(path string) (*pngmeta.Metadata, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, easel.Errorf(easel.EINVALID, "cannot read %s: %v", path, err.(*os.PathError).Err)
	}
	if st.IsDir() {
		return nil, easel.Errorf(easel.EINVALID, "%s is a directory: give a PNG file", path)
	}
	if st.Size() > maxInfoFile {
		return nil, easel.Errorf(easel.EINVALID, "%s is %d MB: too big for a picture", path, st.Size()>>20)
	}
	data, err := readInput(path, maxInfoFile, "the picture")
	if err != nil {
		return nil, err
	}
	md, err := pngmeta.Read(data)
	if err != nil {
		return nil, easel.Errorf(easel.EINVALID, "%s: %s", path, easel.ErrorMessage(err))
	}
	return md, nil
}

func (a *app) printMeta(path string, md *pngmeta.Metadata) {
	w := a.stdout
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-16s %s\n", termSafe(k)+":", termSafe(v))
		}
	}
	row("file", path)
	row("source", md.Source)
	if md.Source == pngmeta.SourceUnknown {
		fmt.Fprintln(w, "No generation metadata found (no easel, parameters, ComfyUI or InvokeAI chunk).")
	}
	// easel's own chunk also says what the person asked for and who wrote
	// and drew it, which the A1111 infotext has no place for.
	var art easel.Artwork
	if md.Easel != nil {
		_ = json.Unmarshal(md.Easel, &art) // best effort: the common fields are already read
	}
	row("idea", art.Idea)
	row("template", art.Template)
	row("prompt", md.Prompt)
	row("negative prompt", md.NegativePrompt)
	row("revised prompt", art.RevisedPrompt)
	if md.Source != pngmeta.SourceUnknown {
		row("seed", fmt.Sprint(md.Seed))
	}
	if md.Width > 0 {
		row("size", fmt.Sprintf("%dx%d", md.Width, md.Height))
	}
	if md.Steps > 0 {
		row("steps", fmt.Sprint(md.Steps))
	}
	row("sampler", md.Sampler)
	row("scheduler", md.Scheduler)
	if md.CFGScale > 0 {
		row("cfg scale", fmt.Sprint(md.CFGScale))
	}
	row("model", md.Model)
	row("engine", art.Engine)
	row("writer", art.Writer)
	row("dialect", string(art.Dialect))
	row("style", art.Style)
	for _, p := range md.Params {
		switch p.Key {
		case "Steps", "Sampler", "CFG scale", "Seed", "Size", "Model", "Schedule type", "Size-1", "Size-2":
			continue
		}
		row(lowerKey(p.Key), p.Value)
	}
	for _, t := range md.Texts {
		switch t.Keyword {
		case pngmeta.KeywordParameters, pngmeta.KeywordEasel, pngmeta.KeywordComfyPrompt, pngmeta.KeywordComfyWorkflow, pngmeta.KeywordInvokeAIMetadata:
			continue
		}
		row("chunk "+t.Keyword, oneLine(t.Value, 100))
	}
}

// lowerKey writes an infotext key ("Denoising strength", "Version") the way
// the other rows are written, leaving acronyms ("VAE hash") alone.
func lowerKey(k string) string {
	if len(k) > 1 && k[0] >= 'A' && k[0] <= 'Z' && k[1] >= 'a' && k[1] <= 'z' {
		return string(k[0]+'a'-'A') + k[1:]
	}
	return k
}
