package runwaytest

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg" // the formats Runway takes
	_ "image/png"
	"regexp"
	"strings"

	_ "golang.org/x/image/webp"
)

var tagRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{2,15}$`)

// checkReferences holds referenceImages to the API: each an object with a
// uri (an https URL, or a data URI of a PNG, JPEG or WebP that decodes,
// at most 5 MB) and an optional tag of 3 to 16 letters, digits or
// underscores starting with a letter; tags unique. It returns the
// validation message, or "" when they are fine.
func checkReferences(refs []any) string {
	seen := map[string]bool{}
	for _, r := range refs {
		m, ok := r.(map[string]any)
		if !ok {
			return "referenceImages must be objects with a uri"
		}
		for k := range m {
			if k != "uri" && k != "tag" {
				return "unrecognized key '" + k + "' in referenceImages"
			}
		}
		uri, _ := m["uri"].(string)
		switch {
		case strings.HasPrefix(uri, "https://"):
		case strings.HasPrefix(uri, "data:image/"):
			if len(uri) > 5<<20 {
				return "referenceImages data URIs must be at most 5 MB"
			}
			head, b64, ok := strings.Cut(uri, ";base64,")
			mt := strings.TrimPrefix(head, "data:")
			raw, err := base64.StdEncoding.DecodeString(b64)
			if !ok || err != nil || (mt != "image/png" && mt != "image/jpeg" && mt != "image/webp") {
				return "referenceImages uri is not a valid data URI of a png, jpeg or webp image"
			}
			if _, _, err := image.Decode(bytes.NewReader(raw)); err != nil {
				return "referenceImages uri holds an image that cannot be read"
			}
		default:
			return "referenceImages uri must be an https URL or a data URI"
		}
		if t, ok := m["tag"]; ok {
			tag, _ := t.(string)
			if !tagRE.MatchString(tag) {
				return "referenceImages tag must be 3 to 16 letters, digits or underscores, starting with a letter"
			}
			if seen[tag] {
				return "referenceImages tags must be unique"
			}
			seen[tag] = true
		}
	}
	return ""
}
