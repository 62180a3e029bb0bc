// Command batchbench runs the must-show benchmarks of `easel batch`
// against a built easel binary and prints their figures:
//
//	batchbench rate     -bin EASEL   # 300 jobs vs a fake allowing 120 images/min, 300 ms latency, 429 past that
//	batchbench canvas   -bin EASEL   # 10,000 jobs on the built-in canvas at 256x256: peak RSS
//	batchbench kill     -bin EASEL   # kill -9 at random moments, resume, ten times: exactly once, no orphans
//	batchbench postgres -bin EASEL -db postgres://…  # one queue on PostgreSQL, two easel worker processes
//	batchbench sharedrate -bin EASEL -db postgres://…  # two workers, one fake allowing 120/min: one shared limit
//
// The fake engine runs in this process, so its counts survive the easel
// process being killed. Run it through bench/run.sh, which builds the binary.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/easel-art/easel/store/sqlite"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: batchbench rate|canvas|kill|postgres|sharedrate -bin EASEL [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "rate":
		err = benchRate(os.Args[2:])
	case "canvas":
		err = benchCanvas(os.Args[2:])
	case "kill":
		err = benchKill(os.Args[2:])
	case "postgres":
		err = benchPostgres(os.Args[2:])
	case "sharedrate":
		err = benchSharedRate(os.Args[2:])
	default:
		err = fmt.Errorf("unknown benchmark %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "batchbench:", err)
		os.Exit(1)
	}
}

// writePrompts writes a batch file of n A1111-style lines, each a prompt
// of its own, so the fake engine can count calls per job.
func writePrompts(path string, n int) error {
	var b strings.Builder
	b.WriteString("# batchbench: one job a line\n")
	for i := range n {
		fmt.Fprintf(&b, "--prompt \"bench job %05d: a lighthouse on a cliff at dusk\"\n", i)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// result is one easel run.
type result struct {
	exit    int
	maxRSS  int64 // KiB
	elapsed time.Duration
	stdout  []byte
	stderr  []byte
}

func runEasel(ctx context.Context, bin string, env []string, args ...string) (result, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{elapsed: time.Since(start), stdout: out.Bytes(), stderr: errb.Bytes()}
	if cmd.ProcessState == nil {
		return r, err
	}
	r.exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss
	}
	return r, nil
}

// summary finds the summary event in an --json run's output.
func summary(out []byte) map[string]any {
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	var last map[string]any
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && (m["event"] == "summary" || m["event"] == "worker_summary") {
			last = m
		}
	}
	return last
}

// verifyGallery checks the data directory's gallery and files.
func verifyGallery(dir string) (sqlite.Integrity, error) {
	db, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		return sqlite.Integrity{}, err
	}
	defer db.Close()
	return db.VerifyJobs(context.Background())
}

// exactlyOnce checks the fake's per-prompt counts against n jobs.
func exactlyOnce(st fakeStats, n int) (missing, twice int) {
	for i := range n {
		p := fmt.Sprintf("bench job %05d: a lighthouse on a cliff at dusk", i)
		switch c := st.PerPrompt[p]; {
		case c == 0:
			missing++
		case c > 1:
			twice++
		}
	}
	return missing, twice
}

func benchRate(args []string) error {
	fs := flag.NewFlagSet("rate", flag.ExitOnError)
	bin := fs.String("bin", "easel", "easel binary")
	jobs := fs.Int("jobs", 300, "jobs in the batch")
	allowed := fs.Float64("allowed", 120, "images a minute the fake allows")
	burst := fs.Int("burst", 2, "the fake's token-bucket burst")
	latency := fs.Duration("latency", 300*time.Millisecond, "the fake's time per call")
	client := fs.Float64("client-ipm", 0, "images a minute easel is told (default: -allowed)")
	conc := fs.Int("concurrency", 4, "easel's concurrency for the engine")
	announce := fs.Bool("announce", false, "the fake announces its limit in x-ratelimit-*-images headers on every answer")
	noFlags := fs.Bool("no-rate-flags", false, "run easel with no --ipm, --rpm or --concurrency (its defaults, and what it learns)")
	fs.Parse(args)
	if *client == 0 {
		*client = *allowed
	}
	fake := newFake(*allowed, *burst, *latency)
	fake.announce = *announce
	url, stop, err := fake.serve()
	if err != nil {
		return err
	}
	defer stop()
	dir, err := os.MkdirTemp("", "batchbench-rate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "batch.txt")
	if err := writePrompts(file, *jobs); err != nil {
		return err
	}
	env := []string{"EASEL_HOME=" + filepath.Join(dir, "data"), "OPENAI_BASE_URL=" + url, "OPENAI_API_KEY=sk-bench"}
	cmd := []string{"batch", file, "--engine", "openai", "--json"}
	told := fmt.Sprintf("easel told %.0f/min, concurrency %d", *client, *conc)
	if *noFlags {
		told = "easel given no rate flags"
	} else {
		cmd = append(cmd, "--ipm", fmt.Sprint(*client), "--rpm", fmt.Sprint(*client), "--concurrency", fmt.Sprint(*conc))
	}
	if *announce {
		told += ", the fake announcing its limit"
	}
	r, err := runEasel(context.Background(), *bin, env, cmd...)
	if err != nil {
		return err
	}
	st := fake.stats()
	s := summary(r.stdout)
	window := st.Last.Sub(st.First)
	perMin := float64(st.Accepted) / window.Minutes()
	// The bucket starts full: the ideal run takes (jobs-burst)/rate plus one call.
	ideal := time.Duration((float64(*jobs-*burst)/(*allowed/60))*float64(time.Second)) + *latency
	missing, twice := exactlyOnce(st, *jobs)
	fmt.Printf("rate: %d jobs, fake allows %.0f images/min (burst %d), %v a call; %s\n",
		*jobs, *allowed, *burst, *latency, told)
	fmt.Printf("rate: exit %d, wall %.1fs (ideal %.1fs), first call to last answer %.1fs\n", r.exit, r.elapsed.Seconds(), ideal.Seconds(), window.Seconds())
	fmt.Printf("rate: %d images, %d answered 429, %d aborted, %d bad requests; %d missing, %d twice\n", st.Accepted, st.Rejected, st.Aborted, st.Bad, missing, twice)
	fmt.Printf("rate: achieved %.1f images/min = %.1f%% of the allowed rate; %.1f%% of the ideal run time\n",
		perMin, 100*perMin / *allowed, 100*ideal.Seconds()/r.elapsed.Seconds())
	if s != nil {
		fmt.Printf("rate: summary done=%v failed=%v spent=$%v\n", s["done"], s["failed"], s["spent_usd"])
	}
	if r.exit != 0 || missing > 0 || twice > 0 || s == nil || s["failed"] != float64(0) {
		os.Stderr.Write(r.stderr)
		return fmt.Errorf("rate: the batch did not finish cleanly")
	}
	return nil
}

func benchCanvas(args []string) error {
	fs := flag.NewFlagSet("canvas", flag.ExitOnError)
	bin := fs.String("bin", "easel", "easel binary")
	jobs := fs.Int("jobs", 10000, "jobs in the batch")
	size := fs.String("size", "256x256", "picture size")
	fs.Parse(args)
	dir, err := os.MkdirTemp("", "batchbench-canvas-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ideas := []string{"a beach sunset", "a lighthouse on a cliff at dusk", "a snowy forest at dawn", "a city skyline at night in the rain",
		"a desert with camels under a full moon", "a lake with mountains and pines, watercolor", "a village in autumn", "a stormy sea with a ship"}
	var b strings.Builder
	for i := range *jobs {
		fmt.Fprintf(&b, "%s\n", ideas[i%len(ideas)])
	}
	file := filepath.Join(dir, "batch.txt")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return err
	}
	data := filepath.Join(dir, "data")
	r, err := runEasel(context.Background(), *bin, []string{"EASEL_HOME=" + data}, "batch", file, "--size", *size, "--json", "--seed", "1")
	if err != nil {
		return err
	}
	s := summary(r.stdout)
	in, verr := verifyGallery(data)
	fmt.Printf("canvas: %d jobs at %s on the built-in canvas: exit %d, wall %.1fs (%.1f pictures/s), peak RSS %.1f MB\n",
		*jobs, *size, r.exit, r.elapsed.Seconds(), float64(*jobs)/r.elapsed.Seconds(), float64(r.maxRSS)/1024)
	fmt.Printf("canvas: gallery %d artworks, %d files, %d job rows, %d problems\n", in.Artworks, in.Files, in.JobRows, len(in.Problems))
	if r.exit != 0 || s == nil || verr != nil || len(in.Problems) > 0 || in.JobRows != *jobs {
		os.Stderr.Write(r.stderr)
		return fmt.Errorf("canvas: the batch did not finish cleanly (verify: %v, %v)", verr, in.Problems)
	}
	return nil
}

func benchKill(args []string) error {
	fs := flag.NewFlagSet("kill", flag.ExitOnError)
	bin := fs.String("bin", "easel", "easel binary")
	jobs := fs.Int("jobs", 400, "jobs in the batch")
	rounds := fs.Int("rounds", 10, "kill -9 rounds before the final run")
	latency := fs.Duration("latency", 250*time.Millisecond, "the fake's time per call")
	maxWait := fs.Duration("max-wait", 2500*time.Millisecond, "longest a round runs before its kill")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "random seed of the kill moments")
	fs.Parse(args)
	fake := newFake(0, 0, *latency)
	url, stop, err := fake.serve()
	if err != nil {
		return err
	}
	defer stop()
	dir, err := os.MkdirTemp("", "batchbench-kill-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "batch.txt")
	if err := writePrompts(file, *jobs); err != nil {
		return err
	}
	data := filepath.Join(dir, "data")
	env := append(os.Environ(), "EASEL_HOME="+data, "OPENAI_BASE_URL="+url, "OPENAI_API_KEY=sk-bench")
	args2 := []string{"batch", file, "--engine", "openai", "--json", "--concurrency", "8", "--rpm", "100000", "--ipm", "100000"}
	rng := rand.New(rand.NewPCG(*seed, 1))
	var kills []time.Time
	fmt.Printf("kill: %d jobs, fake %v a call, %d rounds of kill -9 at random moments (seed %d)\n", *jobs, *latency, *rounds, *seed)
	for round := 1; round <= *rounds; round++ {
		cmd := exec.Command(*bin, args2...)
		cmd.Env = env
		if logs := os.Getenv("BATCHBENCH_LOGS"); logs != "" {
			f, err := os.Create(filepath.Join(logs, fmt.Sprintf("round%02d.log", round)))
			if err == nil {
				cmd.Stderr = f
				cmd.Stdout = f
				defer f.Close()
			}
		}
		if err := cmd.Start(); err != nil {
			return err
		}
		wait := time.Duration(rng.Int64N(int64(*maxWait-100*time.Millisecond))) + 100*time.Millisecond
		time.Sleep(wait)
		cmd.Process.Signal(syscall.SIGKILL)
		kills = append(kills, time.Now())
		cmd.Wait()
		st := fake.stats()
		fmt.Printf("kill: round %2d: killed after %5.2fs; engine so far: %d answered, %d cut off by the kill\n", round, wait.Seconds(), st.Accepted, st.Aborted)
	}
	r, err := runEasel(context.Background(), *bin, []string{"EASEL_HOME=" + data, "OPENAI_BASE_URL=" + url, "OPENAI_API_KEY=sk-bench"}, append(args2[:2:2], append([]string{"--resume"}, args2[2:]...)...)...)
	if err != nil {
		return err
	}
	st := fake.stats()
	missing, twice := exactlyOnce(st, *jobs)
	// Why a job was answered twice. A first answer sent after a kill, to
	// a call the killed process had made (the fake had not yet seen the
	// connection close), or within a hair before the kill, was on the
	// wire when the kill came: the call was cut off by it. A first answer
	// sent earlier than that reached a live process that did not store it
	// before the kill: the time it had is the gap, and a long gap would be
	// a bug (storing takes well under a millisecond on a quiet machine).
	const hair, longGap = 2 * time.Millisecond, 100 * time.Millisecond
	atKill, late, maxGap := 0, 0, time.Duration(0)
	for p, c := range st.PerPrompt {
		if c < 2 {
			continue
		}
		a := st.Answered[p][0]
		var prev, next time.Time
		for _, k := range kills {
			if !k.After(a) {
				prev = k
			} else if next.IsZero() {
				next = k
			}
		}
		switch {
		case !prev.IsZero() && a.Sub(prev) < *latency:
			atKill++
		case !next.IsZero() && next.Sub(a) <= hair:
			atKill++
		default:
			late++
			if g := next.Sub(a); g > maxGap {
				maxGap = g
			}
		}
	}
	in, verr := verifyGallery(data)
	s := summary(r.stdout)
	fmt.Printf("kill: final run: exit %d, wall %.1fs, summary done=%v failed=%v\n", r.exit, r.elapsed.Seconds(), s["done"], s["failed"])
	fmt.Printf("kill: engine answered %d calls for %d jobs: %d jobs never; %d calls cut off mid-call by kills\n", st.Accepted, *jobs, missing, st.Aborted)
	fmt.Printf("kill: %d jobs answered twice: %d because the first answer was on the wire when the kill came, %d because the kill came before the answer was stored (at most %v after it)\n",
		twice, atKill, late, maxGap)
	fmt.Printf("kill: gallery %d artworks, %d files, %d job rows, %d problems\n", in.Artworks, in.Files, in.JobRows, len(in.Problems))
	for _, p := range in.Problems {
		fmt.Println("kill: problem:", p)
	}
	if twice > 0 {
		var ps []string
		for p, c := range st.PerPrompt {
			if c > 1 {
				// How long before the next kill the first answer went out:
				// the time the client had to store it.
				ps = append(ps, fmt.Sprintf("%s ×%d", strings.TrimSuffix(p, ": a lighthouse on a cliff at dusk"), c))
				if os.Getenv("BATCHBENCH_LOGS") != "" {
					var ts []string
					for _, a := range st.Answered[p] {
						ts = append(ts, a.Format("15:04:05.000"))
					}
					var ks []string
					for _, k := range kills {
						ks = append(ks, k.Format("15:04:05.000"))
					}
					fmt.Println("kill: debug:", p, "answers", ts, "kills", ks)
				}
			}
		}
		sort.Strings(ps)
		fmt.Println("kill: answered more than once:", strings.Join(ps, "; "))
	}
	if r.exit != 0 || verr != nil || len(in.Problems) > 0 || missing > 0 || maxGap > longGap || in.JobRows != *jobs || in.Artworks != *jobs {
		os.Stderr.Write(r.stderr)
		return fmt.Errorf("kill: not exactly once (verify error: %v)", verr)
	}
	return nil
}

func benchPostgres(args []string) error {
	fs := flag.NewFlagSet("postgres", flag.ExitOnError)
	bin := fs.String("bin", "easel", "easel binary")
	db := fs.String("db", "", "postgres:// URL of an empty database")
	jobs := fs.Int("jobs", 200, "jobs in the batch")
	latency := fs.Duration("latency", 100*time.Millisecond, "the fake's time per call")
	fs.Parse(args)
	if *db == "" {
		return fmt.Errorf("postgres: -db is required")
	}
	fake := newFake(0, 0, *latency)
	url, stop, err := fake.serve()
	if err != nil {
		return err
	}
	defer stop()
	dir, err := os.MkdirTemp("", "batchbench-pg-")
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
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// The batch stores the jobs and watches; the workers do the work.
	type out struct {
		r   result
		err error
	}
	batchDone := make(chan out, 1)
	go func() {
		r, err := runEasel(ctx, *bin, env, "batch", file, "--engine", "openai", "--db", *db, "--enqueue-only", "--json")
		batchDone <- out{r, err}
	}()
	// Start the workers once the jobs are stored, so neither leaves early.
	time.Sleep(2 * time.Second)
	workerDone := make(chan out, 2)
	for range 2 {
		go func() {
			r, err := runEasel(ctx, *bin, append(env, "EASEL_OPENAI_RPM=100000", "EASEL_OPENAI_IPM=100000"),
				"worker", "--db", *db, "--idle-exit", "3s", "--json", "--workers", "4", "--concurrency", "4")
			workerDone <- out{r, err}
		}()
	}
	var counts []int
	for range 2 {
		w := <-workerDone
		if w.err != nil {
			return w.err
		}
		s := summary(w.r.stdout)
		if w.r.exit != 0 || s == nil {
			os.Stderr.Write(w.r.stderr)
			return fmt.Errorf("postgres: a worker failed (exit %d)", w.r.exit)
		}
		counts = append(counts, int(s["done"].(float64)))
	}
	b := <-batchDone
	if b.err != nil {
		return b.err
	}
	st := fake.stats()
	missing, twice := exactlyOnce(st, *jobs)
	in, verr := verifyGallery(data)
	s := summary(b.r.stdout)
	fmt.Printf("postgres: %d jobs, one queue, two easel worker processes: worker A did %d, worker B did %d\n", *jobs, counts[0], counts[1])
	fmt.Printf("postgres: batch exit %d, summary done=%v failed=%v; engine answered %d calls: %d jobs twice, %d never\n",
		b.r.exit, s["done"], s["failed"], st.Accepted, twice, missing)
	fmt.Printf("postgres: gallery %d artworks, %d files, %d job rows, %d problems\n", in.Artworks, in.Files, in.JobRows, len(in.Problems))
	if b.r.exit != 0 || verr != nil || len(in.Problems) > 0 || missing > 0 || twice > 0 || counts[0] == 0 || counts[1] == 0 || counts[0]+counts[1] != *jobs {
		os.Stderr.Write(b.r.stderr)
		return fmt.Errorf("postgres: not all jobs done once by both workers (verify: %v %v)", verr, in.Problems)
	}
	return nil
}
