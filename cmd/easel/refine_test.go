package main

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// TestRefineConversation refines a picture twice and checks each child
// keeps its parent's seed and size, records the instruction, and that
// gallery show reads as the conversation.
func TestRefineConversation(t *testing.T) {
	env := home(t)
	parent := imagineOne(t, env, "a beach sunset", "--seed", "42", "--size", "96x64")
	pid := parent["id"].(string)
	r := mustRun(t, env, "refine", pid[:8], "make it night, add a red sailboat", "--json")
	kids := ndjson(t, r.stdout)
	if len(kids) != 1 {
		t.Fatalf("got %d pictures; want 1:\n%s", len(kids), r.stdout)
	}
	k := kids[0]
	if k["parent_id"] != pid || k["method"] != easel.MethodRefine || k["seed"] != parent["seed"] ||
		k["width"] != 96.0 || k["height"] != 64.0 || k["instruction"] != "make it night, add a red sailboat" {
		t.Fatalf("child %v; want a refine of %s at seed 42, 96x64, with the instruction", k, pid)
	}
	p := k["prompt"].(string)
	if !strings.Contains(p, "night") || !strings.Contains(p, "sailboat") || strings.Contains(p, "sunset") {
		t.Errorf("prompt does not say what was asked: %s", p)
	}
	kid := k["id"].(string)
	r = mustRun(t, env, "refine", kid, "closer, no people, 16:9", "--json")
	g := ndjson(t, r.stdout)[0]
	if g["width"].(float64) <= g["height"].(float64) || !strings.Contains(g["negative_prompt"].(string), "people") {
		t.Errorf("grandchild %v; want 16:9 and people kept out", g)
	}
	show := mustRun(t, env, "gallery", "show", g["id"].(string)).stdout
	want := []string{`idea "a beach sunset"`, "imagine", `asked "make it night, add a red sailboat"`, "refine", `asked "closer, no people, 16:9"`}
	at := 0
	for _, w := range want {
		i := strings.Index(show[at:], w)
		if i < 0 {
			t.Fatalf("gallery show lacks %q after position %d:\n%s", w, at, show)
		}
		at += i + len(w)
	}
	// A third step keeps people out: the chain's "no people" is in force.
	r = mustRun(t, env, "refine", g["id"].(string), "as a watercolor", "--prompt-only", "--json")
	if o := ndjson(t, r.stdout)[0]; !strings.Contains(o["negative_prompt"].(string), "people") {
		t.Errorf("the chain's no people was lost: %v", o)
	}
}

// TestRefineBadInput checks bad instructions get one easel: line, exit 2,
// and nothing saved.
func TestRefineBadInput(t *testing.T) {
	env := home(t)
	pid := imagineOne(t, env, "a cat on a windowsill", "--seed", "1", "--size", "64x64")["id"].(string)
	before := galleryCount(t, env)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"refine", pid, "make it blorp"}, `"blorp"`},
		{[]string{"refine", pid, ""}, "empty"},
		{[]string{"refine", pid, strings.Repeat("closer ", 100)}, "limit"},
		{[]string{"refine", pid, "make the dragon a fox"}, "no dragon"},
		{[]string{"refine", "ffffffffffff", "make it night"}, "no artwork"},
		{[]string{"refine", pid}, "takes a picture and an instruction"},
	} {
		r := runLineage(t, env, c.args...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "easel:") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want one easel: line naming %s", c.args, r.code, r.stderr, c.want)
		}
		if r.code != exitUsage && !strings.Contains(c.want, "no artwork") {
			t.Errorf("%v: exit %d; want %d", c.args, r.code, exitUsage)
		}
	}
	if n := galleryCount(t, env); n != before {
		t.Errorf("gallery has %d artworks after bad input; want %d", n, before)
	}
}
