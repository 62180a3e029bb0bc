package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/queue"
)

const workerUsage = `Usage: easel worker [flags]

Works the batch queue: takes jobs stored by easel batch and renders them into
the gallery, until interrupted (or, with --idle-exit, until the queue has been
empty that long). With --db postgres://… any number of workers, on any number
of machines, share one queue. Together they keep to each engine's rate
(--rpm, --ipm), shared through the database, and wait out a 429 together;
--concurrency is per worker.

Examples:
  easel worker --db postgres://easel@db/easel
  easel worker --db postgres://easel@db/easel --idle-exit 10s --json`

func cmdWorker(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("worker", workerUsage)
	var d dataFlags
	var l limitFlags
	d.add(fs)
	l.add(fs)
	a.addTeamFlags(fs)
	workers := fs.Int("workers", 8, "jobs this worker runs at once (each engine's concurrency still applies)")
	idle := fs.Duration("idle-exit", 0, "exit once the queue has had no job left for this long (0: run until interrupted)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel worker takes no arguments: it works the queue that easel batch fills")
	}
	if *workers < 1 {
		return easel.Errorf(easel.EINVALID, "--workers must be at least 1")
	}
	dataDir := config.DataDir(d.dataDir, a.getenv)
	gal, err := a.openGallery(ctx, dataDir)
	if err != nil {
		return err
	}
	defer gal.Close()
	if err := recoverJobs(ctx, gal); err != nil {
		return err
	}
	rep := newReporter(a, d.json)
	done := 0
	onEvent := rep.event("")
	q, err := queue.Open(ctx, queue.Config{
		URL: a.dbURL(), File: filepath.Join(dataDir, "queue.db"), Workers: *workers,
		Run: a.jobRunner(gal, dataDir), Limits: a.limits(l, ""), Log: a.log,
		OnEvent: func(ev queue.Event) {
			if ev.State == queue.StateDone {
				rep.mu.Lock()
				done++
				rep.mu.Unlock()
			}
			onEvent(ev)
		},
	})
	if err != nil {
		return err
	}
	defer q.Close()
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	if !d.json {
		fmt.Fprintf(a.stderr, "easel: worker started (%d at once); Ctrl-C stops it\n", *workers)
	}
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	var emptySince time.Time
	for ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
		if *idle <= 0 || ctx.Err() != nil {
			continue
		}
		n, err := q.Outstanding(ctx)
		if err != nil {
			continue
		}
		if n > 0 {
			emptySince = time.Time{}
			continue
		}
		if emptySince.IsZero() {
			emptySince = time.Now()
		}
		if time.Since(emptySince) >= *idle {
			break
		}
	}
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if ctx.Err() != nil {
		q.StopAndCancel(stopCtx)
	} else {
		q.Stop(stopCtx)
	}
	rep.mu.Lock()
	n := done
	rep.mu.Unlock()
	if d.json {
		printJSON(a.stdout, map[string]any{"event": "worker_summary", "done": n})
	} else {
		fmt.Fprintf(a.stdout, "worker: %d jobs done\n", n)
	}
	return ctx.Err()
}
