// Package comfyui renders pictures on a ComfyUI server: it fills a
// workflow template (the embedded txt2img graph, or a person's own API-format
// workflow with named placeholders), queues it with POST /prompt, follows
// it over the /ws websocket and fetches the pictures from /view.
//
// ComfyUI's "done" is racy: /history/{id} stays {} until the end and may
// still be empty just after execution_success, and sockets can go silent
// or drop. So the client polls /history after the socket says done, polls
// it now and then while the socket is quiet, and falls back to polling
// alone when the socket cannot be opened or drops.
package comfyui

import (
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/capsfile"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
	"github.com/easel-art/easel/imageio"
)

// Name is the engine's registry name.
const Name = "comfyui"

// DefaultURL is where ComfyUI listens by default.
const DefaultURL = "http://127.0.0.1:8188"

// Config configures a Client.
type Config struct {
	// URL is the server's address (EASEL_COMFYUI_URL). ComfyUI has no
	// authentication; a user and password in the URL are sent as HTTP
	// basic auth, on HTTP and on the websocket, for a proxy in front of it.
	URL string
	// Model is the checkpoint file name for {{model}}; "" picks the first
	// checkpoint the server lists.
	Model string
	// WorkflowFile is an API-format workflow with placeholders
	// (EASEL_COMFYUI_WORKFLOW); "" uses the built-in txt2img graph.
	WorkflowFile string
	// Steps, CFG, Sampler and Scheduler fill their placeholders when the
	// request leaves them empty; zero values take capabilities.json's.
	Steps     int
	CFG       float64
	Sampler   string
	Scheduler string
	// PollInterval is how often /history is polled once a prompt is done
	// or while the socket is down (default 500ms); while the socket is up
	// and quiet it is polled every 8 intervals.
	PollInterval time.Duration
	// HistoryTimeout bounds the wait for /history after the socket said
	// the prompt finished (default 30s).
	HistoryTimeout time.Duration
}

// ConfigFromEnv reads EASEL_COMFYUI_URL and EASEL_COMFYUI_WORKFLOW.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{URL: strings.TrimSpace(getenv("EASEL_COMFYUI_URL")), WorkflowFile: strings.TrimSpace(getenv("EASEL_COMFYUI_WORKFLOW"))}
}

//go:embed capabilities.json
var capsJSON []byte

var capsData = capsfile.Load[capsfile.SD]("comfyui", capsJSON)

// Client talks to one ComfyUI server.
type Client struct {
	cfg        Config
	http       *http.Client
	base       *url.URL
	user, pass string
	svc        httpx.Service
	workflow   *Workflow
	clientID   string

	mu    sync.Mutex // guards first
	first string     // the server's first checkpoint, once Check has asked
}

var _ easel.Engine = (*Client)(nil)

// New returns a client. It reads the workflow file, if one is named, and
// does no network I/O. hc nil means http.DefaultClient.
func New(cfg Config, hc *http.Client) (*Client, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	base, user, pass, err := httpx.BaseURL(cfg.URL, "EASEL_COMFYUI_URL")
	if err != nil {
		return nil, err
	}
	data := defaultWorkflow
	if cfg.WorkflowFile != "" {
		// Size-limited: a FIFO or /dev/zero is refused, not read for ever.
		if data, err = imageio.ReadFile(cfg.WorkflowFile, 16<<20); err != nil {
			return nil, &easel.Error{Code: easel.ECONFIG, Message: "cannot read the ComfyUI workflow: " + easel.ErrorMessage(err) + ": check EASEL_COMFYUI_WORKFLOW", Err: err}
		}
	}
	wf, err := ParseWorkflow(data)
	if err != nil {
		return nil, err
	}
	capsData.FillDefaults(&cfg.Steps, &cfg.CFG, &cfg.Sampler, &cfg.Scheduler)
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 500 * time.Millisecond
	}
	if cfg.HistoryTimeout <= 0 {
		cfg.HistoryTimeout = 30 * time.Second
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{
		cfg: cfg, http: hc, base: base, user: user, pass: pass, workflow: wf, clientID: newUUID(),
		svc: httpx.Service{Name: "ComfyUI", URLVar: "EASEL_COMFYUI_URL", Endpoint: base.String(), Secrets: []string{pass}},
	}, nil
}

// newUUID returns a random canonical lowercase UUID, as ComfyUI expects
// for client and prompt ids.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Name returns "comfyui".
func (c *Client) Name() string { return Name }

// Capabilities describes the server: free sizes in steps of 8, negative
// prompts (when the workflow has {{negative}}), seeds, no price.
func (c *Client) Capabilities() easel.Capabilities {
	caps := easel.Capabilities{
		Dialect: capsData.Dialect, SizeStep: capsData.SizeStep, MaxN: capsData.MaxN,
		Negative: capsData.Negative && c.workflow.Uses("negative"), Seed: capsData.Seed && c.workflow.Uses("seed"),
		PricePerImage: capsData.PricePerImage,
	}
	if c.cfg.Model != "" {
		caps.Models = []string{c.cfg.Model}
		for _, w := range capsData.SDXLModelWords {
			if strings.Contains(strings.ToLower(c.cfg.Model), w) {
				caps.Dialect = easel.DialectSDXL
			}
		}
	}
	return caps
}

// Render queues one prompt per image (image i with seed req.Seed+i, so
// each can be made again alone), then waits for each in turn.
func (c *Client) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	caps := c.Capabilities()
	if err := sizes.Check(Name, caps, req, 0); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, c.svc.Transport(ctx, "comfyui", err)
	}
	model := c.cfg.Model
	if req.Model != "" {
		model = req.Model
	}
	if c.workflow.Uses("model") {
		var err error
		if model, err = c.pickCheckpoint(ctx, model); err != nil {
			return nil, err
		}
	}
	values := map[string]any{
		"prompt": req.Prompt, "negative": req.Negative, "model": model,
		"steps": c.cfg.Steps, "cfg": c.cfg.CFG, "sampler": c.cfg.Sampler, "scheduler": c.cfg.Scheduler,
	}
	w, h := sizes.Round(req.Width, req.Height, caps.SizeStep)
	values["width"], values["height"] = w, h
	if req.Steps > 0 {
		values["steps"] = req.Steps
	}
	if req.CFGScale > 0 {
		values["cfg"] = req.CFGScale
	}
	if req.Sampler != "" {
		values["sampler"] = req.Sampler
	}

	// Open the socket first, so no event of ours is missed; without it,
	// polling /history still gets the job done.
	ws := c.watch(ctx)
	defer ws.close()

	ids := make([]string, req.N)
	for i := range req.N {
		values["seed"] = req.Seed + int64(i)
		id, err := c.queue(ctx, c.workflow.Fill(values))
		if err != nil {
			c.abandon(ctx, ids[:i])
			return nil, err
		}
		ids[i] = id
	}
	// Report only the settings the workflow took from easel: a person's
	// own workflow may fix its checkpoint, steps, sampler or cfg, and the
	// artwork must not claim ours.
	res := &easel.RenderResult{}
	if c.workflow.Uses("model") {
		res.Model = model
	}
	if c.workflow.Uses("steps") {
		res.Steps = values["steps"].(int)
	}
	if c.workflow.Uses("sampler") {
		res.Sampler = values["sampler"].(string)
	}
	if c.workflow.Uses("cfg") {
		res.CFGScale, _ = values["cfg"].(float64)
	}
	if w != req.Width || h != req.Height {
		res.Notes = append(res.Notes, fmt.Sprintf("size %dx%d rounded to %dx%d: Stable Diffusion works in steps of %d pixels", req.Width, req.Height, w, h, caps.SizeStep))
	}
	return c.collect(ctx, ws, ids, req.Seed, req.Progress, saveImageHint, res)
}

// saveImageHint ends the error for a finished prompt with no picture when
// the workflow is the user's.
const saveImageHint = ": make sure the workflow ends in a SaveImage node"

// collect waits for each queued prompt in turn, fetches its first output
// picture as PNG and appends it to res with seed+i, reporting progress
// across all of them; on failure it abandons the prompts not yet done.
// hint ends the error for a prompt that finished without a picture.
func (c *Client) collect(ctx context.Context, ws *watcher, ids []string, seed int64, progress func(float64), hint string, res *easel.RenderResult) (*easel.RenderResult, error) {
	n := len(ids)
	for i, id := range ids {
		report := func(f float64) {
			if progress != nil {
				progress((float64(i) + min(f, 0.99)) / float64(n))
			}
		}
		entry, err := c.wait(ctx, ws, id, report)
		if err != nil {
			c.abandon(ctx, ids[i:])
			return nil, err
		}
		ref, ok := entry.firstImage()
		if !ok {
			return nil, easel.Errorf(easel.EPERMANENT, "ComfyUI finished prompt %s without an output image%s", id, hint)
		}
		raw, err := c.view(ctx, ref)
		if err != nil {
			return nil, err
		}
		pngData, got, err := c.svc.ToPNG(raw)
		if err != nil {
			return nil, err
		}
		res.Width, res.Height = got.X, got.Y
		res.Images = append(res.Images, easel.RenderedImage{PNG: pngData, Seed: seed + int64(i)})
	}
	if progress != nil {
		progress(1)
	}
	return res, nil
}

func (c *Client) auth(r *http.Request) {
	if c.user != "" || c.pass != "" {
		r.SetBasicAuth(c.user, c.pass)
	}
}

// do sends one request and returns the response when its status is 200;
// any other status is classified.
func (c *Client) do(ctx context.Context, method, path string, body any) (*http.Response, error) {
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("comfyui %s: %w", path, err)
		}
		rd = bytes.NewReader(b)
	}
	var req *http.Request
	var err error
	if rd != nil {
		req, err = http.NewRequestWithContext(ctx, method, httpx.Join(c.base, path), rd)
	} else {
		req, err = http.NewRequestWithContext(ctx, method, httpx.Join(c.base, path), nil)
	}
	if err != nil {
		return nil, fmt.Errorf("comfyui %s: %w", path, err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.svc.Transport(ctx, "comfyui "+path, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, c.failure(resp)
	}
	return resp, nil
}

func (c *Client) getJSON(ctx context.Context, path string, out any) error {
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		if ctx.Err() != nil {
			return c.svc.Transport(ctx, "comfyui "+path, ctx.Err())
		}
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "ComfyUI sent an answer easel cannot read: try again", Err: fmt.Errorf("comfyui %s: %w", path, err)}
	}
	return nil
}

type promptResponse struct {
	PromptID string `json:"prompt_id"`
	Number   int    `json:"number"`
}

// queue submits a filled workflow and returns its prompt id.
func (c *Client) queue(ctx context.Context, graph map[string]any) (string, error) {
	// extra_pnginfo.workflow goes into the PNG SaveImage writes, so the
	// picture opens in the ComfyUI editor as the graph that made it.
	body := map[string]any{"prompt": graph, "client_id": c.clientID}
	if wf := UIWorkflow(graph); wf != nil {
		body["extra_data"] = map[string]any{"extra_pnginfo": map[string]any{"workflow": wf}}
	}
	resp, err := c.do(ctx, http.MethodPost, "/prompt", body)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var pr promptResponse
	if err := json.NewDecoder(resp.Body).Decode(&pr); err != nil || pr.PromptID == "" {
		if ctx.Err() != nil {
			return "", c.svc.Transport(ctx, "comfyui /prompt", ctx.Err())
		}
		return "", c.svc.BadAnswer("queued the prompt without giving its id: try again")
	}
	return pr.PromptID, nil
}

// failure classifies an error answer. A 400 from /prompt carries
// {"error": {"type","message","details"}, "node_errors": {...}}: the
// workflow or a value in it is wrong.
func (c *Client) failure(resp *http.Response) error {
	body := httpx.ReadError(resp)
	var e struct {
		Error *struct {
			Type    string `json:"type"`
			Message string `json:"message"`
			Details string `json:"details"`
		} `json:"error"`
		NodeErrors map[string]struct {
			Errors []struct {
				Message string `json:"message"`
				Details string `json:"details"`
			} `json:"errors"`
			ClassType string `json:"class_type"`
		} `json:"node_errors"`
	}
	f := httpx.Failure{Status: resp.StatusCode, Header: resp.Header}
	if json.Unmarshal(body, &e) == nil && e.Error != nil {
		parts := []string{e.Error.Message}
		if e.Error.Details != "" {
			parts = append(parts, e.Error.Details)
		}
		nodes := make([]string, 0, len(e.NodeErrors))
		for id := range e.NodeErrors {
			nodes = append(nodes, id)
		}
		sort.Strings(nodes)
		for _, id := range nodes {
			ne := e.NodeErrors[id]
			for _, x := range ne.Errors {
				parts = append(parts, fmt.Sprintf("node %s (%s): %s %s", id, ne.ClassType, x.Message, x.Details))
			}
		}
		f.Message = strings.Join(parts, "; ")
		f.Code = e.Error.Type
	}
	return c.svc.Error(f)
}

// historyEntry is one prompt's record in /history/{id}.
type historyEntry struct {
	Outputs map[string]struct {
		Images []imageRef `json:"images"`
	} `json:"outputs"`
	Status *struct {
		StatusStr string              `json:"status_str"`
		Completed bool                `json:"completed"`
		Messages  [][]json.RawMessage `json:"messages"`
	} `json:"status"`
}

type imageRef struct {
	Filename  string `json:"filename"`
	Subfolder string `json:"subfolder"`
	Type      string `json:"type"`
}

// firstImage returns the first saved ("output") image, by node id.
func (e *historyEntry) firstImage() (imageRef, bool) {
	ids := make([]string, 0, len(e.Outputs))
	for id := range e.Outputs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, im := range e.Outputs[id].Images {
			if im.Type == "output" {
				return im, true
			}
		}
	}
	return imageRef{}, false
}

// ParseHistory parses a /history/{id} answer; ok is false while the
// prompt has not finished ({} or no entry for id yet).
func ParseHistory(data []byte, id string) (entry *historyEntry, ok bool, err error) {
	var h map[string]historyEntry
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, false, fmt.Errorf("parse history: %w", err)
	}
	e, ok := h[id]
	if !ok {
		return nil, false, nil
	}
	return &e, true, nil
}

// outcome tells a finished entry's success from its failure: interrupts
// and errors both read status_str "error"; the last message says which.
func (c *Client) outcome(id string, e *historyEntry) error {
	if e.Status == nil || e.Status.StatusStr != "error" {
		return nil
	}
	last, detail := "", ""
	if n := len(e.Status.Messages); n > 0 && len(e.Status.Messages[n-1]) > 0 {
		json.Unmarshal(e.Status.Messages[n-1][0], &last)
		if len(e.Status.Messages[n-1]) > 1 {
			var d struct {
				ExceptionMessage string `json:"exception_message"`
				NodeType         string `json:"node_type"`
			}
			json.Unmarshal(e.Status.Messages[n-1][1], &d)
			detail = strings.TrimSpace(d.NodeType + ": " + d.ExceptionMessage)
		}
	}
	if last == "execution_interrupted" {
		return easel.Errorf(easel.EPERMANENT, "ComfyUI prompt %s was interrupted on the server", id)
	}
	return c.svc.Error(httpx.Failure{Status: http.StatusOK, Message: "the workflow failed: " + detail})
}

// history fetches /history/{id}; ok is false while it is still empty.
func (c *Client) history(ctx context.Context, id string) (*historyEntry, bool, error) {
	resp, err := c.do(ctx, http.MethodGet, "/history/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	b, err := httpx.ReadAll(resp.Body, 16<<20)
	if err != nil {
		return nil, false, c.svc.Transport(ctx, "comfyui /history", err)
	}
	e, ok, err := ParseHistory(b, id)
	if err != nil {
		return nil, false, &easel.Error{Code: easel.EUNAVAILABLE, Message: "ComfyUI sent a history easel cannot read: try again", Err: err}
	}
	return e, ok, nil
}

// wait follows prompt id until its history entry is there.
func (c *Client) wait(ctx context.Context, ws *watcher, id string, report func(float64)) (*historyEntry, error) {
	quiet := time.NewTicker(8 * c.cfg.PollInterval)
	defer quiet.Stop()
	var doneAt time.Time
	if ws.finished[id] {
		doneAt = time.Now()
	}
	for {
		socketDown := ws.events == nil
		if !doneAt.IsZero() || socketDown {
			// Done (or blind): poll history until it appears.
			e, ok, err := c.history(ctx, id)
			if err != nil {
				return nil, err
			}
			if ok {
				return e, c.outcome(id, e)
			}
			if !doneAt.IsZero() && time.Since(doneAt) > c.cfg.HistoryTimeout {
				return nil, easel.Errorf(easel.EUNAVAILABLE, "ComfyUI said prompt %s finished but its history stayed empty for %v: try again", id, c.cfg.HistoryTimeout)
			}
			t := time.NewTimer(c.cfg.PollInterval)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil, c.svc.Transport(ctx, "comfyui wait", ctx.Err())
			case <-t.C:
			}
			continue
		}
		select {
		case <-ctx.Done():
			return nil, c.svc.Transport(ctx, "comfyui wait", ctx.Err())
		case ev, open := <-ws.events:
			if !open {
				ws.events = nil // the socket dropped: poll from now on
				continue
			}
			finished := false
			switch ev.Type {
			case "progress":
				if ev.Data.PromptID == id && ev.Data.Max > 0 {
					report(ev.Data.Value / ev.Data.Max)
				}
			case "execution_success", "execution_error", "execution_interrupted":
				finished = true
			case "executing":
				finished = ev.Data.Node == nil
			}
			if finished {
				// Remember prompts queued after this one that finish
				// while we wait for it.
				ws.finished[ev.Data.PromptID] = true
				if ev.Data.PromptID == id {
					doneAt = time.Now()
				}
			}
		case <-quiet.C:
			// A socket can go silent: look at history now and then.
			e, ok, err := c.history(ctx, id)
			if err != nil {
				return nil, err
			}
			if ok {
				return e, c.outcome(id, e)
			}
		}
	}
}

// view downloads one image.
func (c *Client) view(ctx context.Context, ref imageRef) ([]byte, error) {
	q := url.Values{"filename": {ref.Filename}, "subfolder": {ref.Subfolder}, "type": {ref.Type}}
	resp, err := c.do(ctx, http.MethodGet, "/view?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := httpx.ReadAll(resp.Body, httpx.MaxImage)
	if err != nil {
		return nil, c.svc.Transport(ctx, "comfyui /view", err)
	}
	return b, nil
}

// abandon removes prompts we no longer wait for from the queue and
// interrupts the one running, if it is ours; it is best effort.
func (c *Client) abandon(ctx context.Context, ids []string) {
	var live []string
	for _, id := range ids {
		if id != "" {
			live = append(live, id)
		}
	}
	if len(live) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if resp, err := c.do(ctx, http.MethodPost, "/queue", map[string]any{"delete": live}); err == nil {
		resp.Body.Close()
	}
	for _, id := range live {
		if resp, err := c.do(ctx, http.MethodPost, "/interrupt", map[string]any{"prompt_id": id}); err == nil {
			resp.Body.Close()
		}
	}
}

// Check asks for /system_stats, which tells whether the server is
// reachable, then, when the workflow takes {{model}}, for the checkpoints:
// a configured one the server lacks is EINVALID; otherwise the first one
// is what Model names.
func (c *Client) Check(ctx context.Context) error {
	var stats map[string]any
	if err := c.getJSON(ctx, "/system_stats", &stats); err != nil {
		return err
	}
	if !c.workflow.Uses("model") {
		return nil
	}
	m, err := c.pickCheckpoint(ctx, c.cfg.Model)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.first = m
	c.mu.Unlock()
	return nil
}

// event is one text frame from /ws.
type event struct {
	Type string `json:"type"`
	Data struct {
		PromptID string  `json:"prompt_id"`
		Node     *string `json:"node"`
		Value    float64 `json:"value"`
		Max      float64 `json:"max"`
	} `json:"data"`
}

// watcher reads /ws events into a channel, closed when the socket ends.
// events is nil when the socket could not be opened.
type watcher struct {
	conn   *websocket.Conn
	events chan event
	cancel context.CancelFunc
	// finished holds the prompts the socket said are done; only the
	// goroutine that calls wait uses it.
	finished map[string]bool
}

func (c *Client) watch(ctx context.Context) *watcher {
	u := *c.base
	u.Scheme = map[string]string{"http": "ws", "https": "wss"}[u.Scheme]
	u.Path += "/ws"
	u.RawQuery = url.Values{"clientId": {c.clientID}}.Encode()
	hdr := http.Header{}
	if c.user != "" || c.pass != "" {
		r := &http.Request{Header: hdr}
		r.SetBasicAuth(c.user, c.pass)
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, _, err := websocket.Dial(dctx, u.String(), &websocket.DialOptions{HTTPClient: c.http, HTTPHeader: hdr})
	cancel()
	if err != nil {
		return &watcher{cancel: func() {}, finished: map[string]bool{}}
	}
	// Preview frames can be large; events are small.
	conn.SetReadLimit(32 << 20)
	rctx, rcancel := context.WithCancel(ctx)
	events := make(chan event, 64)
	w := &watcher{conn: conn, events: events, cancel: rcancel, finished: map[string]bool{}}
	go func() {
		defer close(events)
		for {
			typ, data, err := conn.Read(rctx)
			if err != nil {
				return
			}
			if typ != websocket.MessageText {
				continue // binary preview images
			}
			var ev event
			if json.Unmarshal(data, &ev) != nil {
				continue
			}
			select {
			case events <- ev:
			case <-rctx.Done():
				return
			}
		}
	}()
	return w
}

func (w *watcher) close() {
	w.cancel()
	if w.conn != nil {
		w.conn.Close(websocket.StatusNormalClosure, "")
	}
}
