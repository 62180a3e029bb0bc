package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/engine/comfyui/comfyuitest"
	"github.com/easel-art/easel/engine/enginetest"
)

// TestJourneyTeam walks journey 8: two ComfyUI boxes in one
// EASEL_COMFYUI_URL, a PostgreSQL database for the queue and gallery; a
// batch runs on both boxes, another person sees one gallery; a box that
// breaks is taken out and its job runs on the other, once.
func TestJourneyTeam(t *testing.T) {
	db := teamDB(t)
	box1, box2 := comfyuitest.New(t, ""), comfyuitest.New(t, "")
	env := home(t)
	env["EASEL_DB"] = db
	env["EASEL_COMFYUI_URL"] = box1.URL() + "," + box2.URL()
	file := filepath.Join(t.TempDir(), "ideas.txt")
	os.WriteFile(file, []byte("a beach sunset\na castle at night\na red fox\na lighthouse in a storm\na snowy village\na koi pond\n"), 0o644)
	r := runCmd(t, cmdBatch, env, "", file, "--engine", "comfyui", "--size", "512x512", "--json")
	if r.code != exitOK || !strings.Contains(r.stdout, `"done":6`) {
		t.Fatalf("batch on two boxes: code %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if box1.Requests() == 0 || box2.Requests() == 0 {
		t.Errorf("requests %d and %d: want both boxes used", box1.Requests(), box2.Requests())
	}
	// Someone else, with their own data directory, sees the one gallery.
	other := home(t)
	other["EASEL_DB"] = db
	if got := ndjson(t, runEasel(t, other, "gallery", "list", "--json").stdout); len(got) != 6 {
		t.Fatalf("the other person sees %d pictures; want 6", len(got))
	}
	// Box 1 breaks: the next batch runs on box 2; box 1 is tried once.
	box1.Fault = enginetest.FaultUnavailable
	n1, n2 := box1.Requests(), box2.Requests()
	os.WriteFile(file, []byte("a windmill\na desert at dawn\na paper boat\n"), 0o644)
	r = runCmd(t, cmdBatch, env, "", file, "--engine", "comfyui", "--size", "512x512", "--json")
	if r.code != exitOK || !strings.Contains(r.stdout, `"done":3`) {
		t.Fatalf("batch with a broken box: code %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if got := box1.Requests() - n1; got > 1 {
		t.Errorf("the broken box got %d calls; want it taken out after one", got)
	}
	if got := box2.Requests() - n2; got < 3 {
		t.Errorf("the working box got %d calls; want the 3 jobs", got)
	}
}
