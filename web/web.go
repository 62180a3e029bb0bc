// Package web is the studio: the HTML, CSS and JavaScript that package
// server serves, embedded in the binary so easel runs with no separate
// build step and no CDN. It is plain JavaScript with no framework.
package web

import (
	"embed"
	"path"
	"strings"
)

// FS holds the studio's files under static/.
//
//go:embed static
var FS embed.FS

// ValidName reports whether name can be a file of the studio: a clean
// relative path of letters, digits, dots, dashes and underscores, with no
// ".." element. The server checks it before reading FS.
func ValidName(name string) bool {
	if name == "" || len(name) > 200 || path.Clean(name) != name || strings.HasPrefix(name, "/") {
		return false
	}
	for _, el := range strings.Split(name, "/") {
		if el == "" || el == "." || el == ".." || strings.HasPrefix(el, ".") {
			return false
		}
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-/", r)
		if !ok {
			return false
		}
	}
	return true
}

// ContentType returns the type of a studio file by its extension.
func ContentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}
