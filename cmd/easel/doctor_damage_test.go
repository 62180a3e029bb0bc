package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// galleryWith makes a gallery of n pictures and returns its env and the
// JSON objects imagine printed.
func galleryWith(t *testing.T, n int) (map[string]string, []map[string]any) {
	t.Helper()
	env := home(t)
	r := runEasel(t, env, "imagine", "a lighthouse on a cliff at dusk with long ideas to fill the pages", "-n", itoa(n), "--size", "64x64", "--json", "--seed", "1")
	if r.code != 0 {
		t.Fatalf("imagine: %d %s", r.code, r.stderr)
	}
	objs := ndjson(t, r.stdout)
	for _, o := range objs {
		o["png"], _ = os.ReadFile(o["path"].(string))
	}
	return env, objs
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// doctorJSON runs doctor --json (engines left alone) and returns its exit
// code, stderr and the gallery's object.
func doctorJSON(t *testing.T, env map[string]string, args ...string) (int, string, map[string]any) {
	t.Helper()
	r := runEasel(t, env, append([]string{"doctor", "--json", "--timeout", "1ms"}, args...)...)
	for _, o := range ndjson(t, r.stdout) {
		if o["kind"] == "gallery" {
			return r.code, r.stderr, o
		}
	}
	t.Fatalf("doctor printed no gallery object: %s %s", r.stdout, r.stderr)
	return 0, "", nil
}

// TestDoctorFindsDamage: each kind of damage is found, reported with its
// fix, and exits non-zero; --repair removes what is safe.
func TestDoctorFindsDamage(t *testing.T) {
	t.Run("healthy", func(t *testing.T) {
		env, _ := galleryWith(t, 2)
		if code, stderr, g := doctorJSON(t, env); code != 0 || g["ok"] != true || g["artworks"] != 2.0 {
			t.Errorf("healthy gallery: exit %d %s, %v", code, stderr, g)
		}
	})
	t.Run("damaged pages", func(t *testing.T) {
		env, _ := galleryWith(t, 60)
		db := filepath.Join(env["EASEL_HOME"], "gallery.db")
		data, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		const page = 4096
		if len(data) < 8*page {
			t.Fatalf("the database is only %d bytes", len(data))
		}
		// Two pages in the middle of the file, as the probe did.
		for _, p := range []int{len(data)/page/2 - 1, len(data)/page/2 + 1} {
			copy(data[p*page:(p+1)*page], bytes.Repeat([]byte{0xa5}, page))
		}
		if err := os.WriteFile(db, data, 0o644); err != nil {
			t.Fatal(err)
		}
		code, stderr, g := doctorJSON(t, env)
		if code == 0 || g["ok"] != false || g["integrity"] == nil || !strings.Contains(stderr, "damaged") {
			t.Errorf("damaged database: exit %d %s, %v", code, stderr, g)
		}
		r := runEasel(t, env, "doctor", "--timeout", "1ms")
		if r.code == 0 || !strings.Contains(r.stdout, "DAMAGED") || !strings.Contains(r.stdout, "integrity check") || !strings.Contains(r.stdout, "--rebuild") {
			t.Errorf("doctor's report: exit %d\n%s", r.code, r.stdout)
		}
		// And the other commands say what to run.
		if r := runEasel(t, env, "gallery", "list"); r.code == 0 || !strings.Contains(r.stderr, "easel doctor") {
			t.Errorf("gallery list on the damaged database: exit %d %s", r.code, r.stderr)
		}
		// --rebuild moves the database aside and adds every picture back.
		code, stderr, g = doctorJSON(t, env, "--rebuild")
		if code != 0 || g["ok"] != true || g["artworks"] != 60.0 {
			t.Errorf("--rebuild: exit %d %s, %v", code, stderr, g)
		}
		if aside, _ := filepath.Glob(filepath.Join(env["EASEL_HOME"], "gallery.db.damaged-*")); len(aside) == 0 {
			t.Error("the damaged database was not kept")
		}
		if r := runEasel(t, env, "gallery", "search", "lighthouse", "--json"); r.code != 0 || len(ndjson(t, r.stdout)) == 0 {
			t.Errorf("search after --rebuild: exit %d %s", r.code, r.stderr)
		}
		if code, _, _ := doctorJSON(t, env, "--rebuild"); code != exitUsage {
			t.Errorf("--rebuild of a sound gallery: exit %d; want a refusal", code)
		}
	})
	t.Run("not a database", func(t *testing.T) {
		env, _ := galleryWith(t, 1)
		db := filepath.Join(env["EASEL_HOME"], "gallery.db")
		os.WriteFile(db, bytes.Repeat([]byte("garbage!"), 4096), 0o644)
		code, stderr, g := doctorJSON(t, env)
		if code == 0 || g["ok"] != false || !strings.Contains(stderr, "easel doctor") {
			t.Errorf("garbage database: exit %d %s, %v", code, stderr, g)
		}
		if r := runEasel(t, env, "gallery", "list"); r.code != 1 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "easel doctor") {
			t.Errorf("gallery list on garbage: exit %d %s", r.code, r.stderr)
		}
		if code, stderr, g := doctorJSON(t, env, "--rebuild"); code != 0 || g["artworks"] != 1.0 {
			t.Errorf("--rebuild of garbage: exit %d %s, %v", code, stderr, g)
		}
	})
	t.Run("missing image", func(t *testing.T) {
		env, objs := galleryWith(t, 2)
		os.Remove(objs[0]["path"].(string))
		code, _, g := doctorJSON(t, env)
		if code == 0 || g["ok"] != false || !strings.Contains(jsonString(g["missing_files"]), objs[0]["id"].(string)) {
			t.Errorf("missing image: exit %d, %v", code, g)
		}
		if r := runEasel(t, env, "doctor", "--timeout", "1ms"); !strings.Contains(r.stdout, "easel reproduce ID") {
			t.Errorf("no fix named:\n%s", r.stdout)
		}
	})
	t.Run("stray image", func(t *testing.T) {
		env, objs := galleryWith(t, 2)
		// A picture whose record was lost: its row goes, its file stays.
		lost := objs[1]
		if r := runEasel(t, env, "gallery", "rm", lost["id"].(string)); r.code != 0 {
			t.Fatalf("rm: %s", r.stderr)
		}
		os.WriteFile(lost["path"].(string), lost["png"].([]byte), 0o644)
		// And a file that is not named after its content.
		src, _ := os.ReadFile(objs[0]["path"].(string))
		odd := filepath.Join(env["EASEL_HOME"], "images", "ab", "ab"+strings.Repeat("0", 62)+".png")
		os.MkdirAll(filepath.Dir(odd), 0o755)
		os.WriteFile(odd, src, 0o644)
		code, _, g := doctorJSON(t, env)
		if code == 0 || g["ok"] != false || !strings.Contains(jsonString(g["stray_files"]), odd) || !strings.Contains(jsonString(g["stray_files"]), lost["path"].(string)) {
			t.Errorf("stray images: exit %d, %v", code, g)
		}
		// --repair adds the lost picture back from its metadata and keeps
		// the other file: it may be someone's only copy.
		code, _, g = doctorJSON(t, env, "--repair")
		if g["artworks"] != 2.0 || jsonString(g["stray_files"]) != jsonString([]string{odd}) || !strings.Contains(jsonString(g["repaired"]), "added back 1") {
			t.Errorf("--repair: exit %d, %v", code, g)
		}
		if _, err := os.Stat(odd); err != nil {
			t.Errorf("--repair removed a stray file: %v", err)
		}
		if r := runEasel(t, env, "gallery", "search", "lighthouse", "--json"); len(ndjson(t, r.stdout)) != 2 {
			t.Errorf("search after --repair: %s", r.stdout)
		}
	})
	t.Run("leftover temporary files", func(t *testing.T) {
		env, objs := galleryWith(t, 1)
		// Writers make their temporary files in images/.tmp; a kill -9
		// leaves them there, and the next open removes the old ones.
		dir := filepath.Join(env["EASEL_HOME"], "images", ".tmp")
		old := filepath.Join(dir, ".tmp-4242-123456")
		young := filepath.Join(dir, ".tmp-4243-123456")
		os.WriteFile(old, []byte("half a picture"), 0o644)
		os.WriteFile(young, []byte("a picture being written"), 0o644)
		// Older easel wrote them beside the pictures: doctor finds those.
		beside := filepath.Join(filepath.Dir(objs[0]["path"].(string)), ".tmp-4244-123456.png")
		os.WriteFile(beside, []byte("half a picture"), 0o644)
		past := time.Now().Add(-2 * time.Minute)
		os.Chtimes(old, past, past)
		os.Chtimes(beside, past, past)
		code, _, g := doctorJSON(t, env)
		if code == 0 || !strings.Contains(jsonString(g["repaired"]), old) || !strings.Contains(jsonString(g["temp_files"]), beside) {
			t.Errorf("leftovers: exit %d, %v", code, g)
		}
		if _, err := os.Stat(old); err == nil {
			t.Error("the leftover temporary file is still there")
		}
		if _, err := os.Stat(young); err != nil {
			t.Error("a temporary file being written was removed")
		}
		if code, _, g := doctorJSON(t, env, "--repair"); code != 0 || !strings.Contains(jsonString(g["repaired"]), beside) {
			t.Errorf("--repair: exit %d, %v", code, g)
		}
		if _, err := os.Stat(beside); err == nil {
			t.Error("--repair left the old temporary file")
		}
	})
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }
