// Command teambench is the team setup's must-show benchmark (bench/team.sh
// starts PostgreSQL and versitygw and runs it): canvas jobs through several
// `easel worker` processes sharing one PostgreSQL gallery and queue and one
// S3 store, two `easel serve` replicas on the same, one worker and one
// replica killed with kill -9 mid-run; then every job done exactly once,
// every row's object present with its SHA-256, no orphan after gc, canvas
// throughput with 1, 2 and 3 workers, and image GET latency through a
// replica.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/easel-art/easel/store/postgres"
	"github.com/easel-art/easel/store/s3"
)

var (
	bin        = flag.String("bin", "easel", "easel binary")
	dbURL      = flag.String("db", "", "PostgreSQL database URL (a scratch database: schemas are made in it)")
	store      = flag.String("store", "", "s3://BUCKET?endpoint=… (an empty bucket; a prefix per run is used)")
	jobs       = flag.Int("jobs", 1000, "jobs in the main run")
	tjobs      = flag.Int("throughput-jobs", 400, "jobs in each throughput run")
	size       = flag.String("size", "256x256", "picture size")
	studioJobs = flag.Int("studio-jobs", 20, "studio jobs submitted to the replica that is killed")
)

func main() {
	flag.Parse()
	if *dbURL == "" || *store == "" {
		fmt.Fprintln(os.Stderr, "teambench: give -db and -store")
		os.Exit(2)
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "teambench:", err)
		os.Exit(1)
	}
}

func run() error {
	var rates []float64
	for w := 1; w <= 3; w++ {
		r, err := throughput(w)
		if err != nil {
			return err
		}
		rates = append(rates, r)
	}
	fmt.Printf("throughput: 1 worker %.1f pictures/s, 2 workers %.1f (%.2fx), 3 workers %.1f (%.2fx); each worker renders one at a time (EASEL_BUILTIN_CONCURRENCY=1) on %d cores\n",
		rates[0], rates[1], rates[1]/rates[0], rates[2], rates[2]/rates[0], runtime.NumCPU())
	return mainRun()
}

// team is one scratch gallery: a schema and a store prefix of their own.
type team struct {
	db, store, dir string
	env            []string
}

func newTeam(name string) (*team, error) {
	var b [4]byte
	rand.Read(b[:])
	schema := "tb_" + name + "_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	c, err := pgx.Connect(ctx, *dbURL)
	if err != nil {
		return nil, err
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		return nil, err
	}
	sep := "?"
	if strings.Contains(*dbURL, "?") {
		sep = "&"
	}
	u, q, _ := strings.Cut(*store, "?")
	st := strings.TrimRight(u, "/") + "/" + schema + "?" + q
	dir, err := os.MkdirTemp("", "teambench-")
	if err != nil {
		return nil, err
	}
	t := &team{db: *dbURL + sep + "search_path=" + schema, store: st, dir: dir}
	t.env = append(os.Environ(), "EASEL_HOME="+filepath.Join(dir, "home"), "EASEL_DB="+t.db, "EASEL_STORE="+t.store,
		"EASEL_BUILTIN_CONCURRENCY=1")
	return t, nil
}

func (t *team) cmd(args ...string) *exec.Cmd {
	c := exec.Command(*bin, args...)
	c.Env = t.env
	return c
}

// enqueue writes n ideas and stores them as a batch, returning the
// process that watches it (it exits when the batch is done).
func (t *team) enqueue(n int) (*exec.Cmd, *bytes.Buffer, error) {
	subjects := []string{"a castle on a hill", "a fox in a snowy forest", "a lighthouse in a storm", "a beach at sunset",
		"a red barn in a wheat field", "a city street at night in the rain", "a mountain lake at dawn", "a sailboat on a calm sea"}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s, number %d --seed %d\n", subjects[i%len(subjects)], i, i)
	}
	file := filepath.Join(t.dir, "batch.txt")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	c := t.cmd("batch", file, "--engine", "builtin", "--size", *size, "--enqueue-only", "--json")
	c.Stdout, c.Stderr = &out, &out
	if err := c.Start(); err != nil {
		return nil, nil, err
	}
	// Wait until the jobs are stored before workers start, so the
	// throughput is the workers'.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if n2, err := t.count(`SELECT count(*) FROM river_job`); err == nil && n2 >= n {
			return c, &out, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, nil, fmt.Errorf("jobs not stored in time: %s", out.String())
}

func (t *team) count(q string) (int, error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, t.db)
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	var n int
	err = c.QueryRow(ctx, q).Scan(&n)
	return n, err
}

func (t *team) worker() (*exec.Cmd, error) {
	c := t.cmd("worker", "--workers", "4", "--idle-exit", "3s")
	c.Stdout = io.Discard
	f, err := os.Create(filepath.Join(t.dir, fmt.Sprintf("worker-%d.log", time.Now().UnixNano())))
	if err != nil {
		return nil, err
	}
	c.Stderr = f
	return c, c.Start()
}

// waitDone waits until n jobs have their rows and returns when the last
// one was saved.
func (t *team) waitDone(n int, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	for time.Since(start) < limit {
		done, err := t.count(`SELECT count(DISTINCT job_key) FROM easel_job_artworks`)
		if err == nil && done >= n {
			return time.Since(start), nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return 0, fmt.Errorf("%d jobs not done within %v", n, limit)
}

func throughput(workers int) (float64, error) {
	t, err := newTeam(fmt.Sprintf("w%d", workers))
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(t.dir)
	watch, _, err := t.enqueue(*tjobs)
	if err != nil {
		return 0, err
	}
	var ws []*exec.Cmd
	for range workers {
		w, err := t.worker()
		if err != nil {
			return 0, err
		}
		ws = append(ws, w)
	}
	d, err := t.waitDone(*tjobs, 10*time.Minute)
	if err != nil {
		return 0, err
	}
	for _, w := range ws {
		w.Wait()
	}
	watch.Wait()
	// The steady rate: from the first picture saved to the last (the
	// workers' start-up is not the workers' throughput).
	ms, err := t.count(`SELECT (extract(epoch FROM max(created_at) - min(created_at)) * 1000)::int FROM easel_artworks`)
	if err != nil {
		return 0, err
	}
	r := float64(*tjobs-1) / (float64(ms) / 1000)
	fmt.Printf("throughput: %d workers, %d jobs at %s: %.1fs from start, first to last save %.2fs = %.1f pictures/s\n", workers, *tjobs, *size, d.Seconds(), float64(ms)/1000, r)
	return r, nil
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func (t *team) replica() (*exec.Cmd, string, error) {
	addr, err := freePort()
	if err != nil {
		return nil, "", err
	}
	c := t.cmd("serve", "--addr", addr, "--workers", "1")
	f, err := os.Create(filepath.Join(t.dir, "serve-"+strings.ReplaceAll(addr, ":", "_")+".log"))
	if err != nil {
		return nil, "", err
	}
	c.Stdout, c.Stderr = f, f
	if err := c.Start(); err != nil {
		return nil, "", err
	}
	for range 100 {
		if resp, err := http.Get("http://" + addr + "/api/v1/info"); err == nil {
			resp.Body.Close()
			return c, "http://" + addr, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, "", fmt.Errorf("replica on %s did not start", addr)
}

func mainRun() error {
	t, err := newTeam("main")
	if err != nil {
		return err
	}
	defer os.RemoveAll(t.dir)
	r1, u1, err := t.replica()
	if err != nil {
		return err
	}
	r2, u2, err := t.replica()
	if err != nil {
		return err
	}
	defer r2.Process.Kill()
	watch, watchOut, err := t.enqueue(*jobs)
	if err != nil {
		return err
	}
	start := time.Now()
	var ws []*exec.Cmd
	for range 3 {
		w, err := t.worker()
		if err != nil {
			return err
		}
		ws = append(ws, w)
	}
	// Mid-run: kill -9 one worker and one replica.
	for {
		n, _ := t.count(`SELECT count(DISTINCT job_key) FROM easel_job_artworks`)
		if n >= *jobs/3 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Any replica serves any picture: some through replica 1 before it dies.
	if ids, err := t.ids(); err == nil {
		if lat, err := getLatency(u1, ids, 50); err != nil {
			return fmt.Errorf("GET through replica 1: %w", err)
		} else {
			fmt.Printf("main: replica 1 served 50 pictures the workers saved (p50 %.2f ms)\n", lat[0])
		}
	}
	// Studio jobs on replica 1 (one at a time there): most are still
	// queued or running when it is killed.
	var studio []string
	for i := range *studioJobs {
		body := fmt.Sprintf(`{"idea":"a lantern-lit harbour at dusk, study %d","size":%q,"engine":"builtin","seed":%d}`, i, *size, i)
		resp, err := http.Post(u1+"/api/v1/jobs", "application/json", strings.NewReader(body))
		if err != nil {
			return fmt.Errorf("studio job: %w", err)
		}
		var v struct{ ID string }
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if v.ID == "" {
			return fmt.Errorf("studio job: %s", resp.Status)
		}
		studio = append(studio, v.ID)
	}
	running, _ := t.count(`SELECT count(*) FROM river_job WHERE state = 'running'`)
	studioLeft, _ := t.count(`SELECT count(*) FROM easel_server_jobs WHERE state IN ('queued', 'running')`)
	ws[0].Process.Signal(syscall.SIGKILL)
	r1.Process.Signal(syscall.SIGKILL)
	ws[0].Wait()
	r1.Wait()
	killedAt := time.Since(start)
	fmt.Printf("main: %d jobs, 3 workers, 2 replicas; killed (-9) worker 1 and replica 1 at %.1fs with %d batch jobs running and %d of %d studio jobs unfinished on replica 1\n",
		*jobs, killedAt.Seconds(), running, studioLeft, len(studio))
	d, err := t.waitDone(*jobs, 15*time.Minute)
	if err != nil {
		return err
	}
	fmt.Printf("main: all %d jobs saved %.1fs after the start (%.1fs after the kill)\n", *jobs, (time.Since(start)).Seconds(), (time.Since(start) - killedAt).Seconds())
	_ = d
	// The killed replica's studio jobs: taken over by replica 2.
	for {
		left, err := t.count(`SELECT count(*) FROM easel_server_jobs WHERE state IN ('queued', 'running')`)
		if err == nil && left == 0 {
			break
		}
		if time.Since(start) > 10*time.Minute {
			return fmt.Errorf("studio jobs not finished: %d left", left)
		}
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Printf("main: the killed replica's studio jobs all ended %.1fs after the kill (taken over by replica 2)\n", (time.Since(start) - killedAt).Seconds())
	sDone, _ := t.count(`SELECT count(*) FROM easel_server_jobs WHERE state = 'done'`)
	sRows, _ := t.count(`SELECT count(*) FROM easel_server_job_artworks`)
	sJobs, _ := t.count(`SELECT count(DISTINCT job_id) FROM easel_server_job_artworks`)
	sArts, _ := t.count(`SELECT count(*) FROM easel_artworks WHERE method <> 'batch'`)
	fmt.Printf("main: studio: %d of %d jobs done, %d picture rows for %d jobs, %d studio artworks\n", sDone, len(studio), sRows, sJobs, sArts)
	// A job of the killed replica, asked through replica 2.
	if resp, err := http.Get(u2 + "/api/v1/jobs/" + studio[len(studio)-1]); err == nil {
		var v struct {
			State    string
			Artworks []any
		}
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		fmt.Printf("main: replica 2 shows replica 1's last job: %s, %d picture\n", v.State, len(v.Artworks))
	}
	for _, w := range ws[1:] {
		w.Wait()
	}
	if err := watch.Wait(); err != nil {
		return fmt.Errorf("batch watcher: %v: %s", err, watchOut.String())
	}
	// Exactly once.
	rows, _ := t.count(`SELECT count(*) FROM easel_job_artworks`)
	keys, _ := t.count(`SELECT count(DISTINCT job_key) FROM easel_job_artworks`)
	arts, _ := t.count(`SELECT count(*) FROM easel_artworks WHERE method = 'batch'`)
	completed, _ := t.count(`SELECT count(*) FROM river_job WHERE state = 'completed'`)
	other, _ := t.count(`SELECT count(*) FROM river_job WHERE state <> 'completed'`)
	rescued, _ := t.count(`SELECT count(*) FROM river_job WHERE array_length(errors, 1) > 0`)
	fmt.Printf("main: %d job rows for %d jobs, %d artworks; River: %d completed, %d not; %d jobs run again after the kill\n", rows, keys, arts, completed, other, rescued)
	// Objects, orphans, gc.
	ctx := context.Background()
	cfg, err := s3.ParseURL(t.store, os.Getenv)
	if err != nil {
		return err
	}
	st, err := s3.New(ctx, cfg)
	if err != nil {
		return err
	}
	g, err := postgres.Open(ctx, t.db, st)
	if err != nil {
		return err
	}
	defer g.Close()
	in, err := g.VerifyJobs(ctx)
	if err != nil {
		return err
	}
	orphansBefore := 0
	for _, p := range in.Problems {
		if strings.HasPrefix(p, "object without artwork") {
			orphansBefore++
		}
	}
	out, err := t.cmd("gallery", "gc", "--json").CombinedOutput()
	if err != nil {
		return fmt.Errorf("gc: %v: %s", err, out)
	}
	in2, err := g.VerifyJobs(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("main: before gc %d objects, %d problems (%d orphans); gc: %s", in.Objects, len(in.Problems), orphansBefore, out)
	fmt.Printf("main: after gc %d artworks, %d objects, every object read and its SHA-256 checked: %d problems\n", in2.Artworks, in2.Objects, len(in2.Problems))
	for _, p := range in2.Problems {
		fmt.Println("  problem:", p)
	}
	// GET latency through the surviving replica (and one GET through
	// the killed one's address shows it is gone).
	ids, err := t.ids()
	if err != nil {
		return err
	}
	lat, err := getLatency(u2, ids, 1000)
	if err != nil {
		return err
	}
	fmt.Printf("main: image GET through replica 2 (full %s PNG from S3, 1,000 GETs, keep-alive): p50 %.2f ms, p99 %.2f ms\n", *size, lat[0], lat[1])
	ok := rows == *jobs && keys == *jobs && arts == *jobs && completed == *jobs && other == 0 && len(in2.Problems) == 0 &&
		sDone == len(studio) && sRows == len(studio) && sJobs == len(studio) && sArts == len(studio)
	if !ok {
		return fmt.Errorf("main: not every job was saved exactly once, or the store is not sound")
	}
	fmt.Println("main: OK: every job done exactly once, every row's object present with its SHA-256, no orphan after gc")
	return nil
}

func (t *team) ids() ([]string, error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, t.db)
	if err != nil {
		return nil, err
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, `SELECT id FROM easel_artworks`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// getLatency GETs n random artworks' images and returns p50 and p99 in ms.
func getLatency(base string, ids []string, n int) ([2]float64, error) {
	var ms []float64
	c := &http.Client{Timeout: 10 * time.Second}
	for range n {
		id := ids[mrand.IntN(len(ids))]
		t0 := time.Now()
		resp, err := c.Get(base + "/api/v1/artworks/" + id + "/image")
		if err != nil {
			return [2]float64{}, err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(b) < 8 || string(b[1:4]) != "PNG" {
			return [2]float64{}, fmt.Errorf("GET %s: %d %d bytes", id, resp.StatusCode, len(b))
		}
		ms = append(ms, float64(time.Since(t0).Microseconds())/1000)
	}
	slices.Sort(ms)
	pct := func(p float64) float64 { return ms[int(math.Ceil(p*float64(len(ms))))-1] }
	return [2]float64{pct(0.50), pct(0.99)}, nil
}
