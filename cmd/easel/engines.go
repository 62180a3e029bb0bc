package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

const enginesUsage = `Usage: easel engines [--check] [--json]

Lists the image engines and the prompt writers (language models), whether
each is configured, and the variable to set for it. --check also asks each
configured service whether it is reachable and accepts the credentials (it
makes no picture, spends no tokens and costs nothing). Use an engine with
--engine NAME[:MODEL] and a writer with --llm NAME[:MODEL], for example
  easel imagine "a beach sunset" --engine a1111
  easel imagine "a beach sunset" --engine openai:gpt-image-2.5-sunburst
  easel prompt "a beach sunset" --llm ollama:llama3.2`

// engineStatus is one engine's line in `easel engines` (and `easel doctor`).
type engineStatus struct {
	Kind       string              `json:"kind"` // "engine", beside the "llm" lines
	Name       string              `json:"name"`
	Summary    string              `json:"summary"`
	Configured bool                `json:"configured"`
	State      string              `json:"state"`
	Endpoint   string              `json:"endpoint,omitempty"`
	Set        string              `json:"set,omitempty"`
	Vars       []engineVar         `json:"vars"`
	Caps       *easel.Capabilities `json:"capabilities,omitempty"`
	// Ops are what the engine does with pictures in (edit, inpaint,
	// outpaint, upscale) and within which limits.
	Ops []easel.OpSupport `json:"ops,omitempty"`
	// Model is the model the engine renders with, as its client knows it
	// (after --check, as the service reports it where it can).
	Model     string `json:"model,omitempty"`
	Checked   bool   `json:"checked"`
	Reachable *bool  `json:"reachable,omitempty"`
	Error     string `json:"error,omitempty"`
}

type engineVar struct {
	engine.Var
	IsSet bool `json:"is_set"`
}

// engineStatuses describes every engine; with check, it also asks each
// configured engine whether it is reachable, all at once, each within
// timeout.
func (a *app) engineStatuses(ctx context.Context, reg *engine.Registry, check bool, timeout time.Duration) []engineStatus {
	facs := reg.Factories()
	out := make([]engineStatus, len(facs))
	var wg sync.WaitGroup
	for i, f := range facs {
		st := engineStatus{Kind: "engine", Name: f.Name, Summary: f.Summary, Configured: f.Configured(a.getenv)}
		if f.Endpoint != nil {
			st.Endpoint = f.Endpoint(a.getenv)
		}
		anySet := false
		for _, v := range f.Vars {
			set := strings.TrimSpace(a.getenv(v.Name)) != ""
			anySet = anySet || set
			st.Vars = append(st.Vars, engineVar{Var: v, IsSet: set})
			if v.Required && !set && st.Set == "" {
				st.Set = v.Name
			}
		}
		if st.Set == "" && len(f.Vars) > 0 && !anySet {
			st.Set = f.Vars[0].Name
		}
		var e easel.Engine
		switch {
		case !st.Configured:
			st.State = "not configured"
		default:
			var err error
			if e, err = reg.Open(f.Name, a.getenv); err != nil {
				st.State, st.Error = "misconfigured", easel.ErrorMessage(err)
				st.Configured = false
				break
			}
			caps := e.Capabilities()
			st.Caps = &caps
			if ed, ok := e.(easel.Editor); ok {
				st.Ops = ed.Ops()
			}
			st.Model = modelOf(e)
			switch {
			case len(f.Vars) == 0:
				st.State = "ready"
			case anySet:
				st.State = "configured"
			default:
				st.State = "default URL"
			}
		}
		out[i] = st
		if check && e != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				err := engine.Check(cctx, e)
				ok := err == nil
				out[i].Checked, out[i].Reachable = true, &ok
				out[i].Model = modelOf(e)
				if err != nil {
					out[i].Error = easel.ErrorMessage(err)
				}
			}()
		}
	}
	wg.Wait()
	return out
}

// modelOf returns the model an engine renders with, for the engines whose
// client knows it ("" for the others).
func modelOf(e easel.Engine) string {
	if m, ok := e.(interface{ Model() string }); ok {
		return m.Model()
	}
	return ""
}

func cmdEngines(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("engines", enginesUsage)
	asJSON := fs.Bool("json", false, "print one JSON object a line (NDJSON), for scripts")
	check := fs.Bool("check", false, "ask each configured engine and language model whether it is reachable")
	timeout := fs.Duration("timeout", 5*time.Second, "how long --check waits for each service")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel engines takes no arguments, got %q", strings.Join(pos, " "))
	}
	statuses := a.engineStatuses(ctx, engines(), *check, *timeout)
	writers := a.llmStatuses(ctx, *check, *timeout)
	if err := ctx.Err(); err != nil {
		return err
	}
	if *asJSON {
		for _, st := range statuses {
			if err := printJSON(a.stdout, st); err != nil {
				return err
			}
		}
		for _, st := range writers {
			if err := printJSON(a.stdout, st); err != nil {
				return err
			}
		}
		return nil
	}
	header := []string{"ENGINE", "STATE", "ENDPOINT", "SET"}
	if *check {
		header = append(header, "REACHABLE")
	}
	t := newTable(a.stdout, header...)
	for _, st := range statuses {
		endpoint := st.Endpoint
		if endpoint == "" {
			endpoint = "(this machine)"
		}
		cells := []string{st.Name, st.State, endpoint, dash(st.Set)}
		if *check {
			cells = append(cells, reachableCell(st.Checked, st.Reachable, st.Error, st.Model))
		}
		t.row(cells...)
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout)
	if err := a.printLLMStatuses(writers, *check); err != nil {
		return err
	}
	if !*check {
		fmt.Fprintln(a.stdout, "\nRun easel engines --check to see which are reachable; use one with --engine NAME[:MODEL].")
	}
	return nil
}
