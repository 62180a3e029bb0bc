package server

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/easel-art/easel"
)

// openAPI describes every /api/v1 and /v1 route (OpenAPI 3.1). A test
// checks it against the routes and request types.
//
//go:embed openapi.json
var openAPI []byte

// openAPIDoc is the document with easel's version filled in.
var openAPIDoc = sync.OnceValue(func() []byte {
	var doc map[string]any
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		panic("server: openapi.json is not JSON: " + err.Error())
	}
	if info, ok := doc["info"].(map[string]any); ok {
		info["version"] = easel.Version
	}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		panic(err)
	}
	return b
})

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(openAPIDoc())
}
