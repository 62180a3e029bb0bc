package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/batch"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/pool"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/prompt/template"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/verb"
)

const batchUsage = `Usage: easel batch [flags] FILE|-
       easel batch --resume

Renders many pictures: one idea a line (# starts a comment), dynamic-prompt
templates (each expanded -v times), and lines in AUTOMATIC1111's
prompts-from-file style:

  a lighthouse on a cliff at dawn
  a {red|blue|golden} fox in the snow
  --prompt "a castle, oil painting" --negative_prompt "blurry" --seed 7 --steps 30 --width 768 --height 512

Every job is stored before any engine call. If the batch stops (Ctrl-C, a
crash, kill -9), run the same command again, or easel batch [FILE] --resume
(which keeps the options the batch started with): only what did not finish
runs; nothing finished is paid for twice. Jobs --max-cost did not start run
when the same command is given a bigger --max-cost.

Engines are driven within their limits (concurrency, requests and images a
minute; raise them with the flags or EASEL_<ENGINE>_CONCURRENCY, _RPM and
_IPM) and slowed down when they answer "too many requests". --max-cost
starts no job that could take the batch past the budget.

With --db postgres://… the queue lives in PostgreSQL and easel worker
processes, on any number of machines, share the work.

Examples:
  easel batch ideas.txt
  easel batch ideas.txt --engine openai --max-cost 5 -v 2
  easel batch prompts.txt --json | jq -c 'select(.event == "done")'
  cat ideas.txt | easel batch - --size 512x512`

// limitFlags are the per-engine limits given on the command line.
type limitFlags struct {
	concurrency int
	rpm, ipm    float64
}

func (l *limitFlags) add(fs *flag.FlagSet) {
	fs.Func("concurrency", "engine calls at once (default: the engine's, see EASEL_<ENGINE>_CONCURRENCY)", func(s string) error {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			return fmt.Errorf("give a whole number of calls, 1 or more")
		}
		l.concurrency = v
		return nil
	})
	perMinute := func(dst *float64) func(string) error {
		return func(s string) error {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || !(v > 0) || math.IsInf(v, 0) {
				return fmt.Errorf("give a number above 0, such as 60")
			}
			*dst = v
			return nil
		}
	}
	fs.Func("rpm", "engine requests a minute at most (default: the engine's)", perMinute(&l.rpm))
	fs.Func("ipm", "engine images a minute at most (default: the engine's)", perMinute(&l.ipm))
}

// limits returns each engine's limit: the defaults, then the environment
// (EASEL_OPENAI_RPM, …), then the flags, which apply to the engine named
// only (every engine when only is "").
func (a *app) limits(l limitFlags, only string) func(name string) queue.Limit {
	return func(name string) queue.Limit {
		lim := queue.DefaultLimit(name)
		prefix := "EASEL_" + strings.ToUpper(name) + "_"
		lim.Concurrency = pool.Capacity(a.getenv, prefix+"URL", lim.Concurrency) // a pool of boxes takes more
		if v, err := strconv.Atoi(a.getenv(prefix + "CONCURRENCY")); err == nil && v > 0 {
			lim.Concurrency = v
		}
		if v, err := strconv.ParseFloat(a.getenv(prefix+"RPM"), 64); err == nil && v >= 0 {
			lim.RequestsPerMinute = v
		}
		if v, err := strconv.ParseFloat(a.getenv(prefix+"IPM"), 64); err == nil && v >= 0 {
			lim.ImagesPerMinute = v
		}
		if only == "" || only == name {
			if l.concurrency > 0 {
				lim.Concurrency = l.concurrency
			}
			if l.rpm > 0 {
				lim.RequestsPerMinute = l.rpm
			}
			if l.ipm > 0 {
				lim.ImagesPerMinute = l.ipm
			}
		}
		return lim
	}
}

type batchFlags struct {
	genFlags
	limitFlags
	resume      bool
	maxCost     float64
	enqueueOnly bool
	fresh       bool
}

func cmdBatch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("batch", batchUsage)
	var g batchFlags
	g.genFlags.add(fs)
	g.limitFlags.add(fs)
	fs.BoolVar(&g.resume, "resume", false, "resume the last batch (no FILE needed)")
	fs.Float64Var(&g.maxCost, "max-cost", -1, "budget in US dollars: no job starts that could cross it (default: none)")
	fs.Lookup("max-cost").DefValue = "" // not "-1": --help shows the usage's default
	a.addTeamFlags(fs)
	fs.BoolVar(&g.enqueueOnly, "enqueue-only", false, "store the jobs and report progress, leaving the work to easel worker processes")
	fs.BoolVar(&g.fresh, "new", false, "start a new batch even if this file and these options ran before")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if g.system != "" {
		// Jobs carry names, not files: a worker on another machine could not read it.
		return easel.Errorf(easel.EINVALID, "easel batch does not take --system: use it with easel prompt or imagine")
	}
	setMax := false
	fs.Visit(func(f *flag.Flag) { setMax = setMax || f.Name == "max-cost" })
	if setMax && g.maxCost < 0 {
		return easel.Errorf(easel.EINVALID, "--max-cost %g is negative: give a budget in US dollars, such as --max-cost 5", g.maxCost)
	}
	if len(pos) > 1 {
		return easel.Errorf(easel.EINVALID, "easel batch takes one FILE (or - for standard input); got %d: quote ideas inside the file, one a line", len(pos))
	}
	if len(pos) == 0 && !g.resume {
		return easel.Errorf(easel.EINVALID, "no batch file given: easel batch FILE (one idea a line), or easel batch --resume")
	}
	if g.n < 1 || g.v < 1 {
		return easel.Errorf(easel.EINVALID, "-n and -v must be at least 1")
	}
	if g.chaos < 0 || g.chaos > 100 {
		return easel.Errorf(easel.EINVALID, "--chaos %d is out of range: use 0 to 100", g.chaos)
	}
	dataDir := config.DataDir(g.dataDir, a.getenv)

	var jobs []easel.Job
	var batchID, name string
	if len(pos) == 1 {
		if jobs, batchID, name, err = a.batchJobs(ctx, pos[0], &g, dataDir); err != nil {
			return err
		}
	}

	gal, err := a.openGallery(ctx, dataDir)
	if err != nil {
		return err
	}
	defer gal.Close()
	if err := recoverJobs(ctx, gal); err != nil {
		return err
	}
	engName, _ := engine.ParseSpec(g.engine)
	workers := 0
	if !g.enqueueOnly {
		workers = a.limits(g.limitFlags, engName)(engName).Concurrency + 2
	}
	rep := newReporter(a, g.json)
	rep.gal = gal
	rep.limitOf = a.limits(g.limitFlags, engName)
	q, err := queue.Open(ctx, queue.Config{
		URL: a.dbURL(), File: filepath.Join(dataDir, "queue.db"), Workers: workers,
		Run: a.jobRunner(gal, dataDir), Limits: a.limits(g.limitFlags, engName),
		OnEvent: rep.event(g.out), Log: a.log,
	})
	if err != nil {
		return err
	}
	defer q.Close()
	if jobs != nil && g.resume {
		if jobs, err = a.resumeFile(ctx, q, jobs, batchID, name); err != nil {
			return err
		}
	}
	if jobs != nil {
		rep.ceiling = limitCeiling(rep.limitOf(engName))
	}

	if jobs == nil {
		b, err := q.LatestBatch(ctx)
		if err != nil {
			return err
		}
		batchID, name = b.ID, b.Name
		if setMax {
			if err := q.SaveBatch(ctx, b.ID, b.Name, b.Jobs, g.maxCost, true); err != nil {
				return err
			}
		}
	} else {
		if err := q.SaveBatch(ctx, batchID, name, len(jobs), g.maxCost, setMax); err != nil {
			return err
		}
		ins, err := q.Insert(ctx, jobs)
		if err != nil {
			return err
		}
		rep.start(batchID, name, len(jobs), ins)
	}
	return a.runBatch(ctx, q, rep, batchID, workers > 0)
}

// resumeFile decides what easel batch FILE --resume resumes. The batch is
// named by the file and its options, so the same file typed again without
// the options it ran with (easel batch ideas.txt --resume, after
// easel batch ideas.txt --engine openai) names another batch: then the
// file's last batch is resumed, as the person means, rather than a new
// one started. It returns nil jobs to resume the last batch, or jobs
// unchanged when that batch is the one the options name.
func (a *app) resumeFile(ctx context.Context, q *queue.Queue, jobs []easel.Job, batchID, name string) ([]easel.Job, error) {
	st, err := q.Stats(ctx, batchID)
	if err != nil {
		return nil, err
	}
	if st.Total() > 0 {
		return jobs, nil // stored already: only what did not finish runs
	}
	last, err := q.LatestBatch(ctx)
	if err == nil && last.Name == name {
		fmt.Fprintf(a.stderr, "easel: resuming batch %s of %s, with the options it was started with\n", last.ID, name)
		return nil, nil
	}
	return nil, easel.Errorf(easel.EINVALID, "nothing to resume: %s has not run before with these options; run it without --resume to start it", name)
}

// runBatch works (or, without workers, watches) the batch until no job is
// left, reporting progress, then prints the summary.
func (a *app) runBatch(ctx context.Context, q *queue.Queue, rep *reporter, batch string, work bool) error {
	first, err := q.Stats(ctx, batch)
	if err != nil {
		return err
	}
	rep.begin(first)
	if work {
		// The queue's own context outlives ctx, so that a stop can be
		// orderly: running jobs are cancelled and queued again.
		if err := q.Start(context.WithoutCancel(ctx)); err != nil {
			return err
		}
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var st queue.Stats
	for {
		st, err = q.Stats(ctx, batch)
		if err != nil && ctx.Err() == nil {
			return err
		}
		if ctx.Err() != nil {
			break
		}
		b, _ := q.Budget(ctx, batch)
		rep.progress(st, b.Spent)
		if st.Finished() {
			break
		}
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
	}
	if work {
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		if ctx.Err() != nil {
			q.StopAndCancel(stopCtx)
		} else {
			q.Stop(stopCtx)
		}
		cancel()
	}
	bg := context.WithoutCancel(ctx)
	st, _ = q.Stats(bg, batch)
	b, _ := q.Budget(bg, batch)
	fails, _ := q.Failures(bg, batch)
	rep.summary(batch, st, b, fails)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	failed := st.Failed + st.Skipped
	if failed > 0 {
		what := fmt.Sprintf("%d of %d jobs failed", st.Failed, st.Total())
		if st.Failed == 0 {
			// Only the budget stopped them: running the same command
			// again would stop them again.
			return easel.Errorf(easel.EPERMANENT, "%d of %d jobs were not started: they could take the batch past --max-cost $%.2f ($%.4f spent); to finish them, run the same command again with a bigger --max-cost (only those jobs run)",
				st.Skipped, st.Total(), b.MaxUSD, b.Spent)
		} else if st.Skipped > 0 {
			what += fmt.Sprintf(" and %d were not started", st.Skipped)
		}
		return easel.Errorf(easel.EPERMANENT, "%s (see above): fix what they say and run the same command again; only those jobs run", what)
	}
	return nil
}

// batchJobs reads the batch file and makes its jobs, and the batch's id:
// the same file with the same options is the same batch, so running it
// again only runs what did not finish.
func (a *app) batchJobs(ctx context.Context, file string, g *batchFlags, dataDir string) ([]easel.Job, string, string, error) {
	var src []byte
	var err error
	name := file
	if file == "-" {
		src, err = io.ReadAll(io.LimitReader(a.stdin, 256<<20))
		name = "stdin"
	} else if src, err = readInput(file, 256<<20, "batch file"); err != nil {
		return nil, "", "", err
	}
	if err != nil {
		return nil, "", "", easel.Errorf(easel.EINVALID, "cannot read batch file %s: %v", file, errors.Unwrap(err))
	}
	lines, err := batch.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, "", "", err
	}
	size, err := g.resolve()
	if err != nil {
		return nil, "", "", err
	}
	// Fail before storing anything when the engine, dialect or style is wrong.
	if _, _, err := a.openEngine(g.engine); err != nil {
		return nil, "", "", err
	}
	d, err := parseDialectFlag(g.dialect)
	if err != nil {
		return nil, "", "", err
	}
	if _, err := loadStyle(dataDir, g.style); err != nil {
		return nil, "", "", err
	}
	wc, closeWC, err := openWildcards(g.wildcards, dataDir)
	if err != nil {
		return nil, "", "", err
	}
	defer closeWC()
	jobs, id, err := batch.Jobs(ctx, src, lines, batch.Options{
		Engine: g.engine, LLM: g.llm, Style: g.style, Negative: g.negative, DialectFlag: g.dialect, Dialect: d,
		Size: size, Variations: g.v, N: g.n, Seed: g.seed, Chaos: g.chaos,
		WildcardsFlag: g.wildcards, Wildcards: wc, WildcardDir: template.WildcardsDir(g.wildcards, dataDir), Fresh: g.fresh,
	})
	if err != nil {
		return nil, "", "", err
	}
	return jobs, id, name, nil
}

// jobRunner returns the queue's RunFunc: each job through the pipeline,
// with engines and styles opened once.
func (a *app) jobRunner(gal gallery, dataDir string) queue.RunFunc {
	var mu sync.Mutex
	core := a.core(gal, dataDir, nil)
	engines := map[string]easel.Engine{}
	dialects := map[string]pipeline.DialectFunc{}
	writers := map[string]easel.PromptWriter{}
	return func(ctx context.Context, j easel.Job, call queue.Call) ([]*easel.Artwork, error) {
		mu.Lock()
		eng, ok := engines[j.Engine]
		if !ok {
			var err error
			if eng, _, err = a.openEngine(j.Engine); err != nil {
				mu.Unlock()
				return nil, err
			}
			engines[j.Engine] = eng
		}
		dial, ok := dialects[j.Style]
		if !ok {
			var st *styles.Style
			var err error
			if st, err = loadStyle(dataDir, j.Style); err != nil {
				mu.Unlock()
				return nil, err
			}
			dial = verb.DialectStage(st, nil)
			dialects[j.Style] = dial
		}
		w, ok := writers[j.Writer]
		if !ok {
			var err error
			if w, err = a.openWriter(j.Writer, "", false); err != nil {
				mu.Unlock()
				return nil, err
			}
			writers[j.Writer] = w
		}
		mu.Unlock()
		_, model := engine.ParseSpec(j.Engine)
		// call is the queue's: the engine's limiter, the retry policy and
		// the batch's budget.
		return core.Pipeline(w, dial).RunJob(ctx, pipeline.JobRun{Job: j, Engine: eng, Model: model, Store: gal, Call: call})
	}
}
