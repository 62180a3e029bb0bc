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
	return env, ndjson(t, r.stdout)
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
		if r.code == 0 || !strings.Contains(r.stdout, "DAMAGED") || !strings.Contains(r.stdout, "integrity check") || !strings.Contains(r.stdout, "backup") {
			t.Errorf("doctor's report: exit %d\n%s", r.code, r.stdout)
		}
		// And the other commands say what to run.
		if r := runEasel(t, env, "gallery", "list"); r.code == 0 || !strings.Contains(r.stderr, "easel doctor") {
			t.Errorf("gallery list on the damaged database: exit %d %s", r.code, r.stderr)
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
		env, objs := galleryWith(t, 1)
		src, _ := os.ReadFile(objs[0]["path"].(string))
		stray := filepath.Join(env["EASEL_HOME"], "images", "ab", "ab"+strings.Repeat("0", 62)+".png")
		os.MkdirAll(filepath.Dir(stray), 0o755)
		os.WriteFile(stray, src, 0o644)
		code, _, g := doctorJSON(t, env)
		if code == 0 || g["ok"] != false || !strings.Contains(jsonString(g["stray_files"]), stray) {
			t.Errorf("stray image: exit %d, %v", code, g)
		}
		// --repair keeps it: it may be a picture whose record was lost.
		doctorJSON(t, env, "--repair")
		if _, err := os.Stat(stray); err != nil {
			t.Errorf("--repair removed a stray picture: %v", err)
		}
	})
	t.Run("leftover temporary files", func(t *testing.T) {
		env, objs := galleryWith(t, 1)
		dir := filepath.Dir(objs[0]["path"].(string))
		old := filepath.Join(dir, ".tmp-4242-123456.png")
		young := filepath.Join(dir, ".tmp-4243-123456.png")
		os.WriteFile(old, []byte("half a picture"), 0o644)
		os.WriteFile(young, []byte("a picture being written"), 0o644)
		past := time.Now().Add(-2 * time.Minute)
		os.Chtimes(old, past, past)
		code, _, g := doctorJSON(t, env)
		if code != 0 || !strings.Contains(jsonString(g["repaired"]), old) {
			t.Errorf("leftover: exit %d, %v", code, g)
		}
		if _, err := os.Stat(old); err == nil {
			t.Error("the leftover temporary file is still there")
		}
		if _, err := os.Stat(young); err != nil {
			t.Error("a temporary file being written was removed")
		}
	})
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }
