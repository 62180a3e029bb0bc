package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// benchSharedRate runs one batch on a PostgreSQL queue with several easel
// worker processes against one fake that allows N images a minute, each
// worker told that same limit: together they must keep to it (one rate
// limit shared through the database), not send N a minute each.
func benchSharedRate(args []string) error {
	fs := flag.NewFlagSet("sharedrate", flag.ExitOnError)
	bin := fs.String("bin", "easel", "easel binary")
	db := fs.String("db", "", "postgres:// URL of an empty database")
	jobs := fs.Int("jobs", 120, "jobs in the batch")
	workers := fs.Int("workers", 2, "easel worker processes")
	allowed := fs.Float64("allowed", 120, "images a minute the fake allows")
	burst := fs.Int("burst", 2, "the fake's token-bucket burst")
	latency := fs.Duration("latency", 300*time.Millisecond, "the fake's time per call")
	client := fs.Float64("client-ipm", 0, "images a minute each worker is told (default: -allowed)")
	conc := fs.Int("concurrency", 4, "each worker's concurrency for the engine")
	fs.Parse(args)
	if *db == "" {
		return fmt.Errorf("sharedrate: -db is required")
	}
	if *client == 0 {
		*client = *allowed
	}
	fake := newFake(*allowed, *burst, *latency)
	url, stop, err := fake.serve()
	if err != nil {
		return err
	}
	defer stop()
	dir, err := os.MkdirTemp("", "batchbench-sharedrate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "batch.txt")
	if err := writePrompts(file, *jobs); err != nil {
		return err
	}
	data := filepath.Join(dir, "data")
	env := []string{"EASEL_HOME=" + data, "OPENAI_BASE_URL=" + url, "OPENAI_API_KEY=sk-bench"}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	type out struct {
		r   result
		err error
	}
	batchDone := make(chan out, 1)
	go func() {
		r, err := runEasel(ctx, *bin, env, "batch", file, "--engine", "openai", "--db", *db, "--enqueue-only", "--json")
		batchDone <- out{r, err}
	}()
	// Start the workers once the jobs are stored, so none leaves early.
	time.Sleep(2 * time.Second)
	workerDone := make(chan out, *workers)
	for range *workers {
		go func() {
			r, err := runEasel(ctx, *bin, env, "worker", "--db", *db, "--idle-exit", "3s", "--json",
				"--workers", fmt.Sprint(*conc), "--concurrency", fmt.Sprint(*conc),
				"--ipm", fmt.Sprint(*client), "--rpm", fmt.Sprint(*client))
			workerDone <- out{r, err}
		}()
	}
	var counts []int
	for range *workers {
		w := <-workerDone
		if w.err != nil {
			return w.err
		}
		s := summary(w.r.stdout)
		if w.r.exit != 0 || s == nil {
			os.Stderr.Write(w.r.stderr)
			return fmt.Errorf("sharedrate: a worker failed (exit %d)", w.r.exit)
		}
		counts = append(counts, int(s["done"].(float64)))
	}
	b := <-batchDone
	if b.err != nil {
		return b.err
	}
	st := fake.stats()
	missing, twice := exactlyOnce(st, *jobs)
	s := summary(b.r.stdout)
	window := st.Last.Sub(st.First)
	perMin := float64(st.Accepted) / window.Minutes()
	// The bucket starts full: the ideal run takes (jobs-burst)/rate plus one call.
	ideal := time.Duration((float64(*jobs-*burst)/(*allowed/60))*float64(time.Second)) + *latency
	fmt.Printf("sharedrate: %d jobs, %d easel worker processes on one PostgreSQL queue, each told %.0f images/min, concurrency %d\n",
		*jobs, *workers, *client, *conc)
	fmt.Printf("sharedrate: fake allows %.0f images/min (burst %d), %v a call; jobs done per worker %v\n", *allowed, *burst, *latency, counts)
	fmt.Printf("sharedrate: %d images, %d answered 429, %d aborted, %d bad requests; %d missing, %d twice\n",
		st.Accepted, st.Rejected, st.Aborted, st.Bad, missing, twice)
	fmt.Printf("sharedrate: first call to last answer %.1fs (ideal %.1fs): %.1f images/min = %.1f%% of the allowed rate\n",
		window.Seconds(), ideal.Seconds(), perMin, 100*perMin / *allowed)
	if s != nil {
		fmt.Printf("sharedrate: batch exit %d, summary done=%v failed=%v\n", b.r.exit, s["done"], s["failed"])
	}
	done := 0
	for _, c := range counts {
		done += c
	}
	if b.r.exit != 0 || missing > 0 || twice > 0 || s == nil || s["failed"] != float64(0) || done != *jobs {
		os.Stderr.Write(b.r.stderr)
		return fmt.Errorf("sharedrate: the batch did not finish cleanly")
	}
	return nil
}
