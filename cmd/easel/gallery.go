package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
)

const galleryUsage = `Usage:
  easel gallery list [--limit N] [--json]
  easel gallery search QUERY [--limit N] [--json]
  easel gallery show ID [--json]
  easel gallery tree ID [--json]
  easel gallery rm ID [ID...]
  easel gallery sheet [QUERY] -o FILE.png [--limit N] [--columns N] [--cell PX]
  easel gallery gc [--dry-run]

show prints how a picture was made and its lineage: the chain of pictures back to the idea.
tree prints its family: the picture it descends from and everything made from it (easel vary,
easel reproduce). Removing a picture keeps the pictures made from it.
IDs may be shortened to any unique prefix.`

func cmdGallery(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(a.stdout, galleryUsage)
		if len(args) == 0 {
			return easel.Errorf(easel.EINVALID, "gallery: say what to do: list, search, show, tree, sheet, rm or gc")
		}
		return nil
	}
	sub, args := args[0], args[1:]
	if sub == "gc" {
		return galleryGC(ctx, a, args)
	}
	fs := a.newFlags("gallery "+sub, galleryUsage)
	a.addTeamFlags(fs)
	var df dataFlags
	df.add(fs)
	limit := fs.Int("limit", 50, "show at most N artworks (0 for all)")
	sheetOut := fs.String("o", "", "sheet: the PNG file to write")
	sheetCols := fs.Int("columns", 0, "sheet: thumbnails per row (default: about square)")
	sheetCell := fs.Int("cell", 256, "sheet: thumbnail size in pixels")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	g, err := a.openGallery(ctx, df.dataDir)
	if err != nil {
		return err
	}
	defer g.Close()
	f := easel.ArtworkFilter{Limit: *limit}
	switch sub {
	case "list", "ls":
		if len(pos) > 0 {
			return easel.Errorf(easel.EINVALID, "gallery list takes no arguments: to find words use easel gallery search %s", strings.Join(pos, " "))
		}
		arts, err := g.List(ctx, f)
		if err != nil {
			return err
		}
		return a.printArtworks(arts, df.json, "The gallery is empty: make something with easel imagine \"a beach sunset\"")
	case "search", "find":
		q, err := oneArg(pos, "search words", "easel gallery search castle")
		if err != nil {
			return err
		}
		arts, err := g.Search(ctx, q, f)
		if err != nil {
			return err
		}
		return a.printArtworks(arts, df.json, fmt.Sprintf("Nothing in the gallery matches %q.", q))
	case "show":
		if len(pos) != 1 {
			return easel.Errorf(easel.EINVALID, "gallery show takes one id: see easel gallery list")
		}
		art, err := g.Get(ctx, pos[0])
		if err != nil {
			return err
		}
		chain, err := lineage.Chain(ctx, g, art)
		if err != nil {
			return err
		}
		if df.json {
			return printJSON(a.stdout, struct {
				*easel.Artwork
				Lineage []chainLink `json:"lineage"`
			}{art, chainJSON(chain)})
		}
		a.printArtwork(art)
		fmt.Fprintln(a.stdout, "lineage:")
		return lineage.WriteChain(a.stdout, chain, art.ID, "  ")
	case "tree":
		if len(pos) != 1 {
			return easel.Errorf(easel.EINVALID, "gallery tree takes one id: see easel gallery list")
		}
		art, err := g.Get(ctx, pos[0])
		if err != nil {
			return err
		}
		root, err := lineage.Family(ctx, g, art)
		if err != nil {
			return err
		}
		if df.json {
			return a.printTreeJSON(root)
		}
		return lineage.WriteTree(a.stdout, root, art.ID)
	case "sheet":
		return a.gallerySheet(ctx, g, strings.Join(pos, " "), *sheetOut, *limit, *sheetCols, *sheetCell, df.json)
	case "rm", "delete":
		if len(pos) == 0 {
			return easel.Errorf(easel.EINVALID, "gallery rm needs at least one id: see easel gallery list")
		}
		for _, id := range pos {
			art, err := g.Get(ctx, id)
			if err != nil {
				return err
			}
			if err := g.Delete(ctx, art.ID); err != nil {
				return err
			}
			if df.json {
				printJSON(a.stdout, map[string]string{"deleted": art.ID})
			} else {
				fmt.Fprintf(a.stdout, "deleted %s (%s)\n", art.ID, oneLine(art.Idea, 50))
			}
		}
		return nil
	}
	return easel.Errorf(easel.EINVALID, "gallery: unknown action %q: use list, search, show, tree, sheet or rm", sub)
}

func (a *app) printArtworks(arts []*easel.Artwork, asJSON bool, empty string) error {
	if asJSON {
		for _, art := range arts {
			if err := printJSON(a.stdout, art); err != nil {
				return err
			}
		}
		return nil
	}
	if len(arts) == 0 {
		fmt.Fprintln(a.stderr, empty)
		return nil
	}
	t := newTable(a.stdout, "ID", "CREATED", "ENGINE", "SIZE", "IDEA")
	for _, art := range arts {
		t.row(art.ID, art.CreatedAt.Local().Format("2006-01-02 15:04"), art.Engine,
			fmt.Sprintf("%dx%d", art.Width, art.Height), oneLine(art.Idea, 60))
	}
	return t.flush()
}

func (a *app) printArtwork(art *easel.Artwork) {
	w := a.stdout
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-16s %s\n", k+":", termSafe(v))
		}
	}
	row("id", art.ID)
	row("path", art.Path)
	row("idea", art.Idea)
	row("template", art.Template)
	row("prompt", art.Prompt)
	row("negative prompt", art.NegativePrompt)
	row("revised prompt", art.RevisedPrompt)
	row("dialect", string(art.Dialect))
	row("style", art.Style)
	row("writer", art.Writer)
	row("engine", art.Engine)
	row("model", art.Model)
	row("seed", fmt.Sprint(art.Seed))
	row("size", fmt.Sprintf("%dx%d", art.Width, art.Height))
	if art.Steps > 0 {
		row("steps", fmt.Sprint(art.Steps))
	}
	row("sampler", art.Sampler)
	row("method", art.Method)
	row("parent", art.ParentID)
	if art.CostUSD > 0 {
		row("cost", fmt.Sprintf("$%.4f", art.CostUSD))
	}
	row("took", (time.Duration(art.ElapsedMS) * time.Millisecond).String())
	row("created", art.CreatedAt.Local().Format(time.RFC3339))
}

// chainLink is one step of the lineage in `gallery show --json`, oldest first.
type chainLink struct {
	ID      string `json:"id"`
	Method  string `json:"method,omitempty"`
	Deleted bool   `json:"deleted,omitempty"`
	// Instruction is what refine was asked, for a refined picture.
	Instruction string `json:"instruction,omitempty"`
}

func chainJSON(chain []lineage.Link) []chainLink {
	out := make([]chainLink, len(chain))
	for i, l := range chain {
		out[i] = chainLink{ID: l.ID, Deleted: l.Deleted()}
		if l.Art != nil {
			out[i].Method, out[i].Instruction = l.Art.Method, l.Art.Instruction
		}
	}
	return out
}

// printTreeJSON prints one object a line for each artwork of the family,
// parents before children, with its depth below the root.
func (a *app) printTreeJSON(root *lineage.Node) error {
	var err error
	root.Walk(func(n *lineage.Node, depth int) {
		if err != nil {
			return
		}
		obj := map[string]any{"id": n.ID, "depth": depth}
		if n.Art == nil {
			obj["deleted"] = true
		} else {
			obj["method"], obj["parent_id"], obj["idea"], obj["prompt"] = n.Art.Method, n.Art.ParentID, n.Art.Idea, n.Art.Prompt
			obj["engine"], obj["seed"], obj["path"] = n.Art.Engine, n.Art.Seed, n.Art.Path
		}
		err = printJSON(a.stdout, obj)
	})
	return err
}
