package a1111

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
)

// checkpoint is one entry of GET /sdapi/v1/sd-models.
type checkpoint struct {
	Title     string `json:"title"`
	ModelName string `json:"model_name"`
	Hash      string `json:"hash"`
	SHA256    string `json:"sha256"`
	Filename  string `json:"filename"`
}

// names are the names the web UI resolves to this checkpoint (as its
// checkpoint aliases do): the title, the model name, the file name with
// and without its extension, and the hashes.
func (k checkpoint) names() []string {
	file := path.Base(strings.ReplaceAll(k.Filename, `\\`, "/"))
	out := []string{k.Title, k.ModelName, file, strings.TrimSuffix(file, path.Ext(file)), k.Hash, k.SHA256}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// get GETs route and decodes its JSON answer into v.
func (c *Client) get(ctx context.Context, route string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, route), nil)
	if err != nil {
		return fmt.Errorf("a1111 %s: %w", route, err)
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return c.svc.Transport(ctx, "a1111 "+route, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.failure(resp)
	}
	body, err := httpx.ReadAll(resp.Body, 16<<20)
	if err != nil {
		return c.svc.Transport(ctx, "a1111 "+route, err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return c.svc.BadAnswer("sent %s that easel cannot read: is EASEL_A1111_URL a web UI?", route)
	}
	return nil
}

// listCheckpoints returns the server's checkpoints, asking once per client.
func (c *Client) listCheckpoints(ctx context.Context) ([]checkpoint, error) {
	c.mu.Lock()
	have := c.checkpoints
	c.mu.Unlock()
	if have != nil {
		return have, nil
	}
	var list []checkpoint
	if err := c.get(ctx, "/sdapi/v1/sd-models", &list); err != nil {
		return nil, err
	}
	if list == nil {
		list = []checkpoint{}
	}
	c.mu.Lock()
	c.checkpoints = list
	c.mu.Unlock()
	return list, nil
}

// checkModel refuses a checkpoint the server does not list: the web UI
// would drop it without a word and render with the loaded one. The list is
// read again once, in case a checkpoint was added since.
func (c *Client) checkModel(ctx context.Context, model string) error {
	for attempt := range 2 {
		list, err := c.listCheckpoints(ctx)
		if err != nil {
			return err
		}
		for _, k := range list {
			if slices.Contains(k.names(), model) {
				return nil
			}
		}
		if attempt == 0 {
			c.mu.Lock()
			c.checkpoints = nil
			c.mu.Unlock()
			continue
		}
		titles := make([]string, len(list))
		for i, k := range list {
			titles[i] = cmp.Or(k.ModelName, k.Title)
		}
		slices.Sort(titles)
		have := strings.Join(titles, ", ")
		if have == "" {
			have = "none"
		}
		return easel.Errorf(easel.EINVALID, "AUTOMATIC1111 has no checkpoint %q (it would render with the loaded one instead); it has: %s: use --engine a1111:NAME", model, have)
	}
	return nil
}

// newTaskID returns a task id in the web UI's own form, task(...).
func newTaskID() string {
	var b [8]byte
	rand.Read(b[:])
	return fmt.Sprintf("task(easel-%x)", b)
}

// interruptTask asks the web UI to stop job id once its caller has gone:
// without it the GPU goes on with a picture nobody will fetch.
// /sdapi/v1/interrupt stops whatever job runs, so on a web UI others use
// too it is sent only when /internal/progress says job id is the one
// running (a server without that route is one person's: interrupted).
func (c *Client) interruptTask(ctx context.Context, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if active, known := c.taskActive(ctx, id); known && !active {
		return
	}
	c.interrupt(ctx)
}

// interrupt stops whatever job the web UI runs.
func (c *Client) interrupt(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/sdapi/v1/interrupt"), nil)
	if err != nil {
		return
	}
	c.auth(req)
	if resp, err := c.http.Do(req); err == nil {
		resp.Body.Close()
	}
}

// taskActive asks POST /internal/progress whether job id is running;
// known is false when the server cannot say.
func (c *Client) taskActive(ctx context.Context, id string) (active, known bool) {
	b, _ := json.Marshal(map[string]any{"id_task": id, "id_live_preview": -1})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/internal/progress"), bytes.NewReader(b))
	if err != nil {
		return false, false
	}
	req.Header.Set("Content-Type", "application/json")
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return false, false
	}
	defer resp.Body.Close()
	var p struct {
		Active *bool `json:"active"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&p) != nil || p.Active == nil {
		return false, false
	}
	return *p.Active, true
}
