package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/queue"
)

// reporter tells people and scripts how a batch goes: a progress bar on a
// terminal (stderr), NDJSON events with --json (stdout), one line per
// saved picture when stdout is not a terminal, and a final summary.
type reporter struct {
	a    *app
	gal  easel.Gallery // where --out copies are read from
	json bool
	bar  bool // stderr is a terminal: draw the bar
	// ceiling is the most pictures a second the engine's limits allow
	// (0: unknown), so the rate and ETA shown never promise more.
	ceiling float64
	// limitOf gives an engine's limits, to learn the ceiling from the
	// first job reported when the engine was not known at the start
	// (easel batch --resume).
	limitOf func(engine string) queue.Limit
	perJob  bool // print a line per saved picture on stdout
	started time.Time

	mu        sync.Mutex // guards the fields below and the output
	doneFirst int
	drawn     bool
	lastJSON  time.Time
	last      queue.Stats
}

func newReporter(a *app, json bool) *reporter {
	r := &reporter{a: a, json: json, started: time.Now()}
	r.bar = !json && isTerminal(a.stderr)
	r.perJob = !json && !isTerminal(a.stdout)
	return r
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := raw(w).(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (r *reporter) start(id, name string, jobs int, ins queue.InsertResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.json {
		printJSON(r.a.stdout, map[string]any{"event": "batch", "batch": id, "file": name, "jobs": jobs, "stored": ins.Inserted, "stored_before": ins.Existing})
		return
	}
	before := ""
	if ins.Existing > 0 {
		before = fmt.Sprintf(" (%d stored by an earlier run: only what did not finish runs)", ins.Existing)
	}
	fmt.Fprintf(r.a.stderr, "easel: batch %s from %s: %s%s\n", id, name, plural(jobs, "job"), before)
}

func (r *reporter) begin(st queue.Stats) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.doneFirst = st.Done
	r.started = time.Now()
	r.last = st
}

// event returns the queue's OnEvent: one report per job this process ran.
func (r *reporter) event(out string) func(queue.Event) {
	return func(ev queue.Event) {
		r.mu.Lock()
		defer r.mu.Unlock()
		j := ev.Job
		if r.ceiling == 0 && r.limitOf != nil && j.Engine != "" {
			name, _ := engine.ParseSpec(j.Engine)
			r.ceiling = limitCeiling(r.limitOf(name))
		}
		if r.json {
			m := map[string]any{"event": string(ev.State), "batch": j.Batch, "line": j.Line, "variation": j.Variation, "attempt": ev.Attempt}
			if ev.Err != nil {
				m["error"] = easel.ErrorMessage(ev.Err)
			}
			for _, art := range ev.Artworks {
				m2 := imageJSON(art, r.a.copyOut(context.Background(), r.gal, art, out))
				for k, v := range m {
					m2[k] = v
				}
				printJSON(r.a.stdout, m2)
			}
			if len(ev.Artworks) == 0 {
				printJSON(r.a.stdout, m)
			}
			return
		}
		switch ev.State {
		case queue.StateDone:
			for _, art := range ev.Artworks {
				path := r.a.copyOut(context.Background(), r.gal, art, out)
				if r.perJob {
					fmt.Fprintf(r.a.stdout, "saved %s  (line %d, id %s, seed %d)\n", path, j.Line, art.ID, art.Seed)
				}
			}
		case queue.StateFailed:
			r.clearBar()
			fmt.Fprintf(r.a.stderr, "easel: line %d failed: %s\n", j.Line, easel.ErrorMessage(ev.Err))
		case queue.StateRetry:
			r.clearBar()
			fmt.Fprintf(r.a.stderr, "easel: line %d: %s (will retry)\n", j.Line, easel.ErrorMessage(ev.Err))
		}
	}
}

// rate returns pictures a second finished by this run, and the time left.
// Both keep to the engine's limits: a first picture that came quickly
// says nothing about a limit of five a minute.
func (r *reporter) rate(st queue.Stats) (perSec float64, eta time.Duration) {
	el := time.Since(r.started).Seconds()
	done := st.Done - r.doneFirst
	left := float64(st.Queued + st.Running)
	if el <= 0 || done <= 0 {
		if r.ceiling > 0 && left > 0 {
			return 0, time.Duration(left / r.ceiling * float64(time.Second))
		}
		return 0, -1
	}
	perSec = float64(done) / el
	if r.ceiling > 0 {
		perSec = min(perSec, r.ceiling)
	}
	return perSec, time.Duration(left / perSec * float64(time.Second))
}

// limitCeiling is the most pictures a second lim allows, 0 for no limit.
func limitCeiling(lim queue.Limit) float64 {
	per := lim.ImagesPerMinute
	if rpm := lim.RequestsPerMinute; rpm > 0 && (per == 0 || rpm < per) {
		per = rpm
	}
	return per / 60
}

func (r *reporter) progress(st queue.Stats, spent float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	changed := st != r.last
	r.last = st
	perSec, eta := r.rate(st)
	if r.json {
		if !changed && time.Since(r.lastJSON) < 5*time.Second {
			return
		}
		if time.Since(r.lastJSON) < time.Second && !st.Finished() {
			return
		}
		r.lastJSON = time.Now()
		m := map[string]any{"event": "progress", "total": st.Total(), "done": st.Done, "failed": st.Failed, "skipped": st.Skipped,
			"queued": st.Queued, "running": st.Running, "per_minute": round2(perSec * 60), "spent_usd": round4(spent)}
		if eta >= 0 {
			m["eta_s"] = int(eta.Seconds())
		}
		printJSON(r.a.stdout, m)
		return
	}
	if !r.bar {
		return
	}
	const width = 24
	total := max(st.Total(), 1)
	fill := width * (st.Done + st.Failed + st.Skipped) / total
	etaText := "–"
	if eta >= 0 {
		etaText = eta.Round(time.Second).String()
	}
	line := fmt.Sprintf("[%s%s] %d/%d done · %d failed · %d queued · %.1f/min · ETA %s · $%.2f",
		strings.Repeat("█", fill), strings.Repeat("░", width-fill), st.Done, st.Total(), st.Failed+st.Skipped,
		st.Queued+st.Running, perSec*60, etaText, spent)
	fmt.Fprintf(raw(r.a.stderr), "\r%s\x1b[K", termSafe(line))
	r.drawn = true
}

// clearBar removes the bar so a message can take its line; the next
// tick draws it again. The caller holds mu.
func (r *reporter) clearBar() {
	if r.drawn {
		fmt.Fprint(raw(r.a.stderr), "\r\x1b[K")
		r.drawn = false
	}
}

func (r *reporter) summary(batch string, st queue.Stats, b queue.Budget, fails []queue.Failure) {
	r.mu.Lock()
	defer r.mu.Unlock()
	elapsed := time.Since(r.started)
	perSec, _ := r.rate(st)
	if r.json {
		m := map[string]any{"event": "summary", "batch": batch, "total": st.Total(), "done": st.Done, "failed": st.Failed,
			"skipped": st.Skipped, "queued": st.Queued + st.Running, "done_now": st.Done - r.doneFirst,
			"elapsed_s": round2(elapsed.Seconds()), "per_minute": round2(perSec * 60), "spent_usd": round4(b.Spent)}
		if b.HasMax {
			m["max_cost_usd"] = b.MaxUSD
		}
		var fl []map[string]any
		for _, f := range fails {
			fl = append(fl, map[string]any{"line": f.Job.Line, "variation": f.Job.Variation, "skipped": f.Skipped, "error": f.Error})
		}
		if fl != nil {
			m["failures"] = fl
		}
		printJSON(r.a.stdout, m)
		return
	}
	r.clearBar()
	for _, g := range groupFailures(fails) {
		fmt.Fprintf(r.a.stderr, "easel: %s: %s\n", g.lines, g.msg)
	}
	budget := ""
	if b.HasMax {
		budget = fmt.Sprintf(" of $%.2f", b.MaxUSD)
	}
	fmt.Fprintf(r.a.stdout, "batch %s: %d of %d done (%d in this run), %d failed, %d not started, %d left · %s · %.1f pictures/min · spent $%.4f%s\n",
		batch, st.Done, st.Total(), st.Done-r.doneFirst, st.Failed, st.Skipped, st.Queued+st.Running,
		elapsed.Round(time.Second), perSec*60, b.Spent, budget)
	if st.Queued+st.Running > 0 {
		fmt.Fprintf(r.a.stderr, "easel: %d jobs are left: run easel batch --resume to finish them\n", st.Queued+st.Running)
	}
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }
func round4(v float64) float64 { return float64(int64(v*10000+0.5)) / 10000 }

// failureGroup is one line of a batch's summary: the lines that failed
// the same way.
type failureGroup struct {
	lines string // "line 4", "lines 2, 3 and 5"
	msg   string
}

// groupFailures folds failures with the same message into one line each,
// in line order, so that a budget that stops 300 jobs says so once. The
// budget's message names what was spent when each job was refused, which
// differs from job to job: skipped jobs are one group.
func groupFailures(fails []queue.Failure) []failureGroup {
	var keys []string
	byKey := map[string][]int{}
	msgs := map[string]string{}
	for _, f := range fails {
		key, msg := f.Error, f.Error
		if f.Skipped {
			key = "\x00skipped"
			// "not started: its price ($0.0420) could take the batch
			// past --max-cost $0.10 ($0.0840 spent or reserved)": the
			// last part is the moment's, not the group's.
			if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, " spent or reserved)") {
				msg = msg[:i]
			}
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
			msgs[key] = msg
		}
		if ls := byKey[key]; len(ls) == 0 || ls[len(ls)-1] != f.Job.Line {
			byKey[key] = append(ls, f.Job.Line)
		}
	}
	out := make([]failureGroup, len(keys))
	for i, k := range keys {
		out[i] = failureGroup{lineList(byKey[k]), msgs[k]}
	}
	return out
}

// lineList writes batch-file lines for a person: "line 4", "lines 2, 3
// and 5", "lines 2, 3, 4, 5, 6, 7, 8, 9 and 292 more".
func lineList(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d", lines[0])
	}
	const show = 8
	var parts []string
	for i, l := range lines {
		if i == show && len(lines) > show+1 {
			return "lines " + strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", len(lines)-show)
		}
		parts = append(parts, fmt.Sprint(l))
	}
	return "lines " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
