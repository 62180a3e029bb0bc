package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/llm"
)

// llmStatus is one prompt writer's line in `easel engines` and `easel doctor`.
type llmStatus struct {
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	Summary    string `json:"summary"`
	Model      string `json:"default_model,omitempty"`
	Configured bool   `json:"configured"`
	State      string `json:"state"`
	Set        string `json:"set,omitempty"`
	Endpoint   string `json:"endpoint_var,omitempty"`
	Checked    bool   `json:"checked"`
	Reachable  *bool  `json:"reachable,omitempty"`
	Error      string `json:"error,omitempty"`
}

// llmStatuses describes the built-in writer and every LLM provider; with
// check, it asks each configured one whether it answers (no tokens spent).
func (a *app) llmStatuses(ctx context.Context, check bool, timeout time.Duration) []llmStatus {
	out := []llmStatus{{Kind: "llm", Name: "builtin", Summary: "the built-in prompt writer (offline, free)", Configured: true, State: "ready"}}
	if check {
		// It is in this process, so it always answers, like the built-in engine.
		yes := true
		out[0].Checked, out[0].Reachable = true, &yes
	}
	var wg sync.WaitGroup
	for _, p := range llms().Providers() {
		st := llmStatus{Kind: "llm", Name: p.Name, Summary: p.Summary, Model: p.DefaultModel, Endpoint: p.URLVar}
		c, err := p.Open("", a.getenv, nil)
		switch {
		case err != nil && easel.ErrorCode(err) == easel.ECONFIG:
			st.State, st.Set = "not configured", p.KeyVar
		case err != nil:
			st.State, st.Error = "misconfigured", easel.ErrorMessage(err)
		default:
			st.Configured, st.State = true, "configured"
			if p.KeyVar == "" && strings.TrimSpace(a.getenv(p.URLVar)) == "" {
				// As for the engines: name the variable that points it elsewhere.
				st.State, st.Set = "default URL", p.URLVar
			}
		}
		out = append(out, st)
		if ck, ok := c.(llm.Checker); ok && check && err == nil {
			i := len(out) - 1
			wg.Add(1)
			go func() {
				defer wg.Done()
				cctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				err := ck.Check(cctx)
				ok := err == nil
				out[i].Checked, out[i].Reachable = true, &ok
				if err != nil {
					out[i].Error = easel.ErrorMessage(err)
				}
			}()
		}
	}
	wg.Wait()
	return out
}

func (a *app) printLLMStatuses(sts []llmStatus, check bool) error {
	header := []string{"PROMPT WRITER", "STATE", "DEFAULT MODEL", "SET"}
	if check {
		header = append(header, "REACHABLE")
	}
	t := newTable(a.stdout, header...)
	for _, st := range sts {
		cells := []string{st.Name, st.State, dash(st.Model), dash(st.Set)}
		if check {
			cells = append(cells, reachableCell(st.Checked, st.Reachable, st.Error, ""))
		}
		t.row(cells...)
	}
	return t.flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

const doctorUsage = `Usage: easel doctor [--json] [--timeout D] [--repair | --rebuild]

Checks that easel can work here: the data directory and gallery (SQLite's
integrity check, every picture's file, files no picture owns, temporary
files a killed run left), every image engine and every prompt writer
(language model) that is configured, asking each service whether it
answers (no picture made, no tokens spent). Exits 1 when the gallery is
damaged or cannot be used, or a service whose variable is set does not
answer. --repair fixes what is safe to fix (leftover temporary files are
removed, a damaged search index rebuilt, pictures whose records were lost
added back from their own metadata) and says how to fix the rest.
--rebuild, for a damaged database, moves it aside (it is not deleted) and
makes a new gallery from every picture's own metadata; stop other easel
processes first.`

func cmdDoctor(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("doctor", doctorUsage)
	a.addTeamFlags(fs)
	var df dataFlags
	df.add(fs)
	timeout := fs.Duration("timeout", 5*time.Second, "how long to wait for each service")
	repair := fs.Bool("repair", false, "fix what is safe to fix: remove leftover temporary files, rebuild a damaged search index, add back pictures whose records were lost")
	rebuild := fs.Bool("rebuild", false, "for a damaged database: move it aside and make a new gallery from the pictures' own metadata")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel doctor takes no arguments")
	}
	dir := config.DataDir(df.dataDir, a.getenv)
	gallery, gerr := a.checkGallery(ctx, dir, *repair, *rebuild)
	var engs []engineStatus
	var writers []llmStatus
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); engs = a.engineStatuses(ctx, engines(), true, *timeout) }()
	go func() { defer wg.Done(); writers = a.llmStatuses(ctx, true, *timeout) }()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if df.json {
		printJSON(a.stdout, gallery)
		for _, st := range engs {
			printJSON(a.stdout, st)
		}
		for _, st := range writers {
			printJSON(a.stdout, st)
		}
	} else {
		gallery.print(a.stdout)
		fmt.Fprintln(a.stdout)
		t := newTable(a.stdout, "ENGINE", "STATE", "REACHABLE")
		for _, st := range engs {
			r := reachableCell(st.Checked, st.Reachable, st.Error, "")
			if !st.Checked && st.Error == "" && !st.Configured && st.Set != "" {
				r = "set " + st.Set
			}
			t.row(st.Name, st.State, r)
		}
		t.flush()
		fmt.Fprintln(a.stdout)
		a.printLLMStatuses(writers, true)
	}
	if gerr != nil {
		return gerr
	}
	// A service the person pointed easel at (its variable is set) and that
	// does not answer is a problem; one left at its default address is not.
	var down []string
	for _, st := range engs {
		if st.State == "configured" && st.Checked && !*st.Reachable {
			down = append(down, st.Name)
		}
	}
	for _, st := range writers {
		if st.State == "configured" && st.Checked && !*st.Reachable {
			down = append(down, st.Name)
		}
	}
	if len(down) > 0 {
		return easel.Errorf(easel.EUNAVAILABLE, "configured but not answering: %s (see above)", strings.Join(down, ", "))
	}
	return nil
}
