package web

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		"app.js":                 true,
		"img/logo.svg":           true,
		"":                       false,
		"..":                     false,
		"../web.go":              false,
		"a/../../web.go":         false,
		"/etc/passwd":            false,
		".hidden":                false,
		"a/.git/config":          false,
		"a//b":                   false,
		"a/./b":                  false,
		`a\..\b`:                 false,
		"app.js\x00":             false,
		"app.js%2e":              false,
		"ünïcode.js":             false,
		strings.Repeat("a", 201): false,
	} {
		if got := ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v; want %v", name, got, want)
		}
	}
}

func FuzzValidName(f *testing.F) {
	for _, s := range []string{"app.js", "../x", "a/b/c.css", "./a", "a/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !ValidName(name) {
			return
		}
		if path.Clean(name) != name || strings.HasPrefix(name, "/") || strings.HasPrefix(name, ".") {
			t.Errorf("ValidName accepted %q", name)
		}
		for _, el := range strings.Split(name, "/") {
			if el == ".." || el == "." || el == "" {
				t.Errorf("ValidName accepted %q with element %q", name, el)
			}
		}
	})
}

// TestStudioFiles checks that the page's assets exist and that nothing in
// it needs the unsafe-inline the server's Content-Security-Policy forbids.
func TestStudioFiles(t *testing.T) {
	page, err := FS.ReadFile("static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, m := range regexp.MustCompile(`(?:src|href)="/assets/([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if !ValidName(m[1]) {
			t.Errorf("index.html names %q, which the server would refuse", m[1])
		}
		if _, err := fs.Stat(FS, "static/"+m[1]); err != nil {
			t.Errorf("index.html names a missing asset: %v", err)
		}
	}
	for what, re := range map[string]string{
		"inline script":   `<script(?:\s[^>]*)?>\s*[^<\s]`,
		"style attribute": `\sstyle=`,
		"<style> element": `<style`,
		"event handler":   `\son[a-z]+=`,
		"javascript: URL": `javascript:`,
		"remote resource": `(?:src|href)="(?:https?:)?//`,
	} {
		if loc := regexp.MustCompile(re).FindStringIndex(html); loc != nil {
			t.Errorf("index.html has an %s at %q", what, html[loc[0]:min(loc[1]+20, len(html))])
		}
	}
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(html, -1) {
		if !strings.Contains(tag, ` src="/assets/`) {
			t.Errorf("index.html has a script that is not one of the studio's files: %s", tag)
		}
	}
	js, err := FS.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "eval(", "new Function", "document.write", "setAttribute(\"style\""} {
		if strings.Contains(string(js), bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	for name, want := range map[string]string{"a.html": "text/html; charset=utf-8", "a.js": "text/javascript; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.svg": "image/svg+xml", "a.bin": "application/octet-stream"} {
		if got := ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q; want %q", name, got, want)
		}
	}
}
