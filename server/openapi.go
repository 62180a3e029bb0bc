package server

import (
	_ "embed"
	"net/http"
)

// openAPI describes every /api/v1 and /v1 route (OpenAPI 3.1).
//
//go:embed openapi.json
var openAPI []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(openAPI)
}
