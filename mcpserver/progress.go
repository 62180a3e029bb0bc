package mcpserver

import (
	"context"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// progress sends a tool call's progress notifications, when the client
// asked for them with a progress token. Progress is counted in steps
// (writing the prompts, then each render), always increasing, as the
// protocol requires; small changes are not sent.
type progress struct {
	ctx   context.Context
	ss    *mcp.ServerSession
	token any
	// total is the number of steps; offset the steps done before the
	// pipeline's own (writing variations ahead of it).
	total, offset int

	mu   sync.Mutex
	last float64
	sent bool
}

func newProgress(ctx context.Context, req *mcp.CallToolRequest, total int) *progress {
	p := &progress{ctx: ctx, total: total}
	if req != nil && req.Params != nil && req.Session != nil {
		p.ss, p.token = req.Session, req.Params.GetProgressToken()
	}
	return p
}

// report says that steps (after offset) are done, with msg ("" to keep
// the last one).
func (p *progress) report(steps float64, msg string) {
	if p.token == nil {
		return
	}
	v := min(float64(p.offset)+steps, float64(p.total))
	p.mu.Lock()
	// At least a hundredth of a step more, or a new step's message.
	if p.sent && (v <= p.last || (msg == "" && v-p.last < 0.01*float64(p.total))) {
		p.mu.Unlock()
		return
	}
	p.last, p.sent = v, true
	p.mu.Unlock()
	// A notification that cannot be sent is no reason to stop the work.
	_ = p.ss.NotifyProgress(p.ctx, &mcp.ProgressNotificationParams{
		ProgressToken: p.token, Progress: v, Total: float64(p.total), Message: msg,
	})
}

// done reports the last step.
func (p *progress) done() { p.report(float64(p.total), "done") }
