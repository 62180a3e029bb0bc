// Package lineage knows where a picture came from and how to make it
// again: the chain of parents back to the idea, the family tree of an
// artwork, the artwork a PNG file describes (easel's own, AUTOMATIC1111's,
// ComfyUI's or InvokeAI's metadata), and the settings that reproduce it on
// an engine, naming what cannot be carried over.
package lineage

import (
	"context"
	"fmt"
	"slices"

	"github.com/easel-art/easel"
)

// maxDepth bounds how far Chain walks up and how deep Family walks down,
// so a corrupt gallery with a cycle cannot loop forever.
const maxDepth = 10000

// maxFamily bounds how many artworks Family collects.
const maxFamily = 100000

// Link is one step of a chain of parents.
type Link struct {
	// ID is the artwork's id.
	ID string `json:"id"`
	// Art is the artwork; nil when it was deleted from the gallery (its
	// children keep its id).
	Art *easel.Artwork `json:"-"`
}

// Deleted reports whether the artwork of l is no longer in the gallery.
func (l Link) Deleted() bool { return l.Art == nil }

// Chain returns the ancestors of a, oldest first, ending with a itself.
// When an ancestor was deleted the chain starts with a Link holding only
// its id, since what came before it is no longer known.
func Chain(ctx context.Context, g easel.Gallery, a *easel.Artwork) ([]Link, error) {
	chain := []Link{{ID: a.ID, Art: a}}
	seen := map[string]bool{a.ID: true}
	for cur := a; cur.ParentID != "" && len(chain) < maxDepth; {
		id := cur.ParentID
		if seen[id] {
			break // a cycle: only a damaged gallery has one
		}
		seen[id] = true
		p, err := get(ctx, g, id)
		if err != nil {
			return nil, err
		}
		chain = append(chain, Link{ID: id, Art: p})
		if p == nil {
			break
		}
		cur = p
	}
	slices.Reverse(chain)
	return chain, nil
}

// Idea returns the idea a chain starts from: the idea of its oldest
// artwork still in the gallery.
func Idea(chain []Link) string {
	for _, l := range chain {
		if l.Art != nil && l.Art.Idea != "" {
			return l.Art.Idea
		}
	}
	return ""
}

// Node is one artwork of a family tree.
type Node struct {
	ID string `json:"id"`
	// Art is the artwork; nil for a deleted ancestor whose children remain.
	Art *easel.Artwork `json:"-"`
	// Children are the artworks made from this one, oldest first.
	Children []*Node `json:"children,omitempty"`
}

// Family returns the family tree that holds a: rooted at a's oldest
// ancestor still known (or, when the chain breaks at a deleted artwork, at
// that artwork's id, so its surviving children show as siblings).
func Family(ctx context.Context, g easel.Gallery, a *easel.Artwork) (*Node, error) {
	chain, err := Chain(ctx, g, a)
	if err != nil {
		return nil, err
	}
	root := &Node{ID: chain[0].ID, Art: chain[0].Art}
	seen := map[string]bool{root.ID: true}
	count := 1
	var walk func(n *Node, depth int) error
	walk = func(n *Node, depth int) error {
		if depth >= maxDepth {
			return nil
		}
		kids, err := g.List(ctx, easel.ArtworkFilter{ParentID: n.ID})
		if err != nil {
			return fmt.Errorf("family of %s: %w", n.ID, err)
		}
		slices.Reverse(kids) // List is newest first; a family reads oldest first
		for _, k := range kids {
			if seen[k.ID] || count >= maxFamily {
				continue
			}
			seen[k.ID] = true
			count++
			c := &Node{ID: k.ID, Art: k}
			n.Children = append(n.Children, c)
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return root, nil
}

// Walk calls fn for every node of the tree, parents before children, with
// its depth (0 for the root).
func (n *Node) Walk(fn func(n *Node, depth int)) {
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		fn(n, depth)
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
}

// get returns the artwork with the full id, or nil when it is not in the
// gallery any more.
func get(ctx context.Context, g easel.Gallery, id string) (*easel.Artwork, error) {
	a, err := g.Get(ctx, id)
	switch {
	case err == nil && a.ID == id:
		return a, nil
	case err == nil, easel.ErrorCode(err) == easel.ENOTFOUND, easel.ErrorCode(err) == easel.EINVALID:
		// A different id means id was a prefix of another artwork's: the
		// parent itself is gone.
		return nil, nil
	}
	return nil, fmt.Errorf("lineage of %s: %w", id, err)
}
