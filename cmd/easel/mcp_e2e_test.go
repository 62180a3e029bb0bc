package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests drive easel's MCP server with the official TypeScript SDK
// (npm @modelcontextprotocol/sdk, which .ci/run installs into
// .ci/node/node_modules) under node, as an assistant would: once
// launching `easel mcp` over stdio, once over HTTP at /mcp of a running
// `easel serve` with a token. Without node or the package they are
// skipped, except under CI=true, where they fail.

// asEasel makes the test binary act as the easel command when the MCP
// client launches it, as an assistant launches the real one.
const asEasel = "EASEL_TEST_AS_EASEL"

func TestMain(m *testing.M) {
	if os.Getenv(asEasel) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// nodeSDK returns node and the directory of the MCP TypeScript SDK:
// $EASEL_NODE_MODULES, else the repository's .ci/node/node_modules.
func nodeSDK(t *testing.T) (node, sdk string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s: .ci/run must install it (npm install --prefix .ci/node)", what)
		}
		t.Skipf("%s, so the MCP client test is skipped: run npm install --prefix .ci/node (CI does)", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	dir := os.Getenv("EASEL_NODE_MODULES")
	if dir == "" {
		dir = filepath.Join("..", "..", ".ci", "node", "node_modules")
	}
	sdk, _ = filepath.Abs(filepath.Join(dir, "@modelcontextprotocol", "sdk"))
	if _, err := os.Stat(filepath.Join(sdk, "dist", "esm", "client", "index.js")); err != nil {
		missing("the npm package @modelcontextprotocol/sdk is not in " + dir)
	}
	return node, sdk
}

// session is what the client script received.
type session struct {
	ConnectError string `json:"connectError"`
	Server       struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"server"`
	Tools []struct {
		Name        string          `json:"name"`
		Description string          `json:"description"`
		InputSchema json.RawMessage `json:"inputSchema"`
	} `json:"tools"`
	WritePrompt toolResult `json:"writePrompt"`
	Imagine     toolResult `json:"imagine"`
	Refine      toolResult `json:"refine"`
	Cancel      *struct {
		Progress []progressJS `json:"progress"`
		Finished bool         `json:"finished"`
		Error    string       `json:"error"`
		Saved    int          `json:"saved"`
	} `json:"cancel"`
	Progress []progressJS `json:"progress"`
	Bad      map[string]struct {
		toolResult
		ProtocolError string `json:"protocolError"`
	} `json:"bad"`
	Resource struct {
		Contents []struct {
			URI      string `json:"uri"`
			MIMEType string `json:"mimeType"`
			Text     string `json:"text"`
		} `json:"contents"`
	} `json:"resource"`
	Resources []struct {
		URI string `json:"uri"`
	} `json:"resources"`
	Prompt struct {
		Messages []struct {
			Role    string    `json:"role"`
			Content contentJS `json:"content"`
		} `json:"messages"`
	} `json:"prompt"`
}

type toolResult struct {
	Content           []contentJS `json:"content"`
	IsError           bool        `json:"isError"`
	StructuredContent struct {
		Artworks []struct {
			ID     string `json:"id"`
			Prompt string `json:"prompt"`
			Width  int    `json:"width"`
			Height int    `json:"height"`
			File   string `json:"file"`
		} `json:"artworks"`
	} `json:"structuredContent"`
}

type contentJS struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	Data     string `json:"data"`
	MIMEType string `json:"mimeType"`
	URI      string `json:"uri"`
}

type progressJS struct {
	Progress float64 `json:"progress"`
	Total    float64 `json:"total"`
	Message  string  `json:"message"`
}

func (r toolResult) text() string {
	var parts []string
	for _, c := range r.Content {
		if c.Type == "text" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// runClient runs the client script and returns what it received.
func runClient(t *testing.T, env []string, args ...string) *session {
	t.Helper()
	node, sdk := nodeSDK(t)
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	script, _ := filepath.Abs(filepath.Join("testdata", "mcp_client.mjs"))
	cmd := exec.CommandContext(ctx, node, append([]string{script, sdk}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node client: %v\n%s", err, stderr.String())
	}
	var s session
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("client output is not JSON: %v\n%s\n%s", err, out, stderr.String())
	}
	return &s
}

// checkSession checks what an assistant sees: the tools, a written
// prompt, a picture rendered on the canvas as image content with its
// progress, easel's messages for bad arguments, the artwork as a
// resource and the prompt-generator prompt. It returns the picture's
// resource link.
func checkSession(t *testing.T, s *session) string {
	t.Helper()
	if s.ConnectError != "" {
		t.Fatalf("connect: %s", s.ConnectError)
	}
	if s.Server.Name != "easel" {
		t.Errorf("server %+v", s.Server)
	}
	var names []string
	for _, tool := range s.Tools {
		names = append(names, tool.Name)
	}
	for _, want := range []string{"write_prompt", "imagine", "vary", "reproduce", "search_gallery", "get_artwork"} {
		if !slices.Contains(names, want) {
			t.Errorf("tools %v lack %s", names, want)
		}
	}

	if wp := s.WritePrompt; wp.IsError || !strings.Contains(wp.text(), "lighthouse") || !strings.Contains(wp.text(), "variation 2") {
		t.Errorf("write_prompt: %+v", wp)
	}

	im := s.Imagine
	if im.IsError || len(im.StructuredContent.Artworks) != 1 {
		t.Fatalf("imagine: %s", im.text())
	}
	art := im.StructuredContent.Artworks[0]
	if !strings.Contains(im.text(), "id "+art.ID) || !strings.Contains(im.text(), "prompt: "+art.Prompt) {
		t.Errorf("imagine text lacks the id or the prompt:\n%s", im.text())
	}
	var link string
	images := 0
	for _, c := range im.Content {
		switch c.Type {
		case "image":
			images++
			data, err := base64.StdEncoding.DecodeString(c.Data)
			if err != nil || c.MIMEType != "image/png" {
				t.Fatalf("image content %s: %v", c.MIMEType, err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != 512 || cfg.Height != 320 {
				t.Errorf("image content is %dx%d (%v), want the 512x320 picture", cfg.Width, cfg.Height, err)
			}
		case "resource_link":
			link = c.URI
		}
	}
	if images != 1 || link == "" {
		t.Errorf("imagine sent %d images and link %q", images, link)
	}
	if n := len(s.Progress); n < 2 || s.Progress[n-1].Progress != s.Progress[n-1].Total {
		t.Errorf("progress %+v: want several notifications ending at the total", s.Progress)
	}

	wantBad := map[string]string{
		"engine": `easel: unknown engine "dalle9": use one of builtin`,
		"size":   "easel: size 4096x4096 is out of range: each side must be 64 to 2048 pixels",
		"idea":   "easel: the idea is empty",
	}
	for name, want := range wantBad {
		b := s.Bad[name]
		if b.ProtocolError != "" || !b.IsError || !strings.HasPrefix(b.text(), want) || strings.Contains(b.text(), "\n") {
			t.Errorf("bad %s: %+v, want a tool error %q…", name, b, want)
		}
	}

	if rf := s.Refine; rf.IsError || len(rf.StructuredContent.Artworks) != 1 || !strings.HasPrefix(rf.text(), "changed: ") || !strings.Contains(rf.text(), "from "+art.ID) {
		t.Errorf("refine: %s", rf.text())
	}
	if rc := s.Resource.Contents; len(rc) != 1 || rc[0].MIMEType != "application/json" || !strings.Contains(rc[0].Text, `"id": "`+art.ID+`"`) {
		t.Errorf("resource easel://artwork/%s: %+v", art.ID, s.Resource)
	}
	if len(s.Resources) != 2 || !slices.ContainsFunc(s.Resources, func(r struct {
		URI string `json:"uri"`
	}) bool {
		return r.URI == "easel://artwork/"+art.ID
	}) {
		t.Errorf("resources %+v", s.Resources)
	}
	if m := s.Prompt.Messages; len(m) != 1 || !strings.Contains(m[0].Content.Text, "an owl at night") || !strings.Contains(m[0].Content.Text, "prompt writer") {
		t.Errorf("prompt_generator: %+v", s.Prompt)
	}
	return link
}

// TestMCPStdioNodeClient: the TypeScript SDK launches `easel mcp`.
func TestMCPStdioNodeClient(t *testing.T) {
	dir := t.TempDir()
	s := runClient(t, []string{asEasel + "=1", "EASEL_HOME=" + dir}, "stdio", os.Args[0], "mcp", "--data-dir", dir)
	link := checkSession(t, s)
	if c := s.Cancel; c == nil || c.Finished || !strings.Contains(c.Error, "the person pressed stop") || c.Saved != 0 || len(c.Progress) == 0 {
		t.Errorf("cancelling a render: %+v; want the call aborted and nothing saved", c)
	}
	// A local client gets the full-size file itself.
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "file" {
		t.Fatalf("link %q: want a file:// URI", link)
	}
	if data, err := os.ReadFile(u.Path); err != nil || !strings.HasPrefix(u.Path, dir) {
		t.Errorf("linked file %s: %v", u.Path, err)
	} else if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != 512 {
		t.Errorf("linked file is not the 512x320 PNG: %v", err)
	}
}

// TestMCPServeNodeClient: the TypeScript SDK talks to /mcp of a running
// easel serve, with the token; without it, or from another site, it is
// refused.
func TestMCPServeNodeClient(t *testing.T) {
	nodeSDK(t) // skip before starting the server
	dir := t.TempDir()
	const token = "e2e-token-7f3a9c1d0b2e"
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		code := run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--token", token, "--data-dir", dir},
			strings.NewReader(""), pw, &stderr, func(k string) string {
				if k == "EASEL_TOKEN" || strings.HasSuffix(k, "_API_KEY") {
					return ""
				}
				return os.Getenv(k)
			})
		pw.Close()
		done <- code
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("easel serve exited %d: %s", code, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("easel serve did not stop within 30s of Ctrl-C with an MCP session open")
		}
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("easel serve printed no address: %v %s", err, stderr.String())
	}
	go io.Copy(io.Discard, pr)
	base := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, "easel studio: ")), "/")
	endpoint := base + "/mcp"

	s := runClient(t, nil, "http", endpoint, token)
	id := s.Imagine.StructuredContent.Artworks
	link := checkSession(t, s)
	if len(id) == 1 && link != "easel://artwork/"+id[0].ID+"/image" {
		t.Errorf("link %q: over HTTP the full-size picture is an MCP resource", link)
	}

	for name, tok := range map[string]string{"no token": "", "wrong token": "guess-guess-guess-guess"} {
		s := runClient(t, nil, "http", endpoint, tok)
		if s.ConnectError == "" || len(s.Tools) > 0 {
			t.Errorf("%s: connected and listed %d tools", name, len(s.Tools))
		}
	}
	// A page on another site cannot drive it, token or not.
	req, _ := http.NewRequest("POST", endpoint, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}`))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin initialize: status %d, want 403", resp.StatusCode)
	}
}

// syncBuffer is a bytes.Buffer that the server and the test may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestMCPUsage: easel mcp refuses what it cannot serve before it speaks
// the protocol, with one line on stderr and nothing on stdout (which is
// the protocol's).
func TestMCPUsage(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"mcp", "extra"}, `easel: easel mcp takes no arguments, got "extra"`},
		{[]string{"mcp", "--engine", "dalle9"}, `easel: unknown engine "dalle9"`},
		{[]string{"mcp", "--preview", "10"}, "easel: --preview 10 is out of range: use 64 to 2048"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(t.Context(), append(c.args, "--data-dir", dir), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if code != exitUsage || stdout.Len() != 0 || !strings.HasPrefix(stderr.String(), c.want) || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, stdout.String(), stderr.String(), c.want)
		}
	}
	// Closing stdin ends it cleanly, as when the assistant quits.
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"mcp", "--data-dir", dir}, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" }); code != 0 {
		t.Errorf("mcp with stdin closed: exit %d: %s", code, stderr.String())
	}
}
