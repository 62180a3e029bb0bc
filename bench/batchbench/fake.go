package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// fakeOpenAI is a loopback fake of OpenAI's Images API
// (POST /v1/images/generations, b64_json answers) that allows a given
// number of images a minute (a token bucket), answers 429 past that with
// the headers OpenAI sends, takes a fixed time per accepted call, and
// counts what it did, per prompt.
type fakeOpenAI struct {
	lim *rate.Limiter // nil: no limit
	// announce sends the limit in x-ratelimit-*-images headers on every
	// answer, as OpenAI does for requests and tokens.
	announce bool
	latency  time.Duration
	png      []byte

	mu        sync.Mutex
	accepted  int            // calls answered with images
	rejected  int            // 429s
	aborted   int            // calls whose client went away before the answer
	bad       int            // 400s
	perPrompt map[string]int // delivered answers per prompt
	answered  map[string][]time.Time
	first     time.Time // first accepted call
	last      time.Time // last answer delivered
}

func newFake(imagesPerMinute float64, burst int, latency time.Duration) *fakeOpenAI {
	f := &fakeOpenAI{latency: latency, perPrompt: map[string]int{}, answered: map[string][]time.Time{}}
	if imagesPerMinute > 0 {
		f.lim = rate.NewLimiter(rate.Limit(imagesPerMinute/60), burst)
	}
	img := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.NRGBA{1, 2, 3, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	f.png = b.Bytes()
	return f
}

// serve starts the fake on a loopback port and returns its base URL (with /v1).
func (f *fakeOpenAI) serve() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/images/generations", f.generate)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/v1", func() { srv.Close() }, nil
}

type genReq struct {
	Model  string `json:"model"`
	Prompt string `json:"prompt"`
	N      int    `json:"n"`
	Size   string `json:"size"`
}

func openAIError(w http.ResponseWriter, status int, typ, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": typ, "code": code, "param": nil}})
}

func (f *fakeOpenAI) generate(w http.ResponseWriter, r *http.Request) {
	var req genReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Model == "" || req.Prompt == "" || req.N < 1 || req.N > 10 {
		f.mu.Lock()
		f.bad++
		f.mu.Unlock()
		openAIError(w, 400, "invalid_request_error", "invalid_value", "bad request")
		return
	}
	if f.lim != nil {
		now := time.Now()
		res := f.lim.ReserveN(now, req.N)
		if d := res.DelayFrom(now); d > 0 {
			res.CancelAt(now)
			f.mu.Lock()
			f.rejected++
			f.mu.Unlock()
			ms := int(math.Ceil(float64(d) / float64(time.Millisecond)))
			w.Header().Set("retry-after-ms", fmt.Sprint(ms))
			w.Header().Set("retry-after", fmt.Sprint(int(math.Ceil(d.Seconds()))))
			w.Header().Set("x-ratelimit-limit-images", fmt.Sprint(int(float64(f.lim.Limit())*60)))
			w.Header().Set("x-ratelimit-remaining-images", "0")
			w.Header().Set("x-ratelimit-reset-images", d.String())
			openAIError(w, 429, "images", "rate_limit_exceeded", "Rate limit reached for images per minute. Please try again in "+d.String()+".")
			return
		}
	}
	f.mu.Lock()
	if f.first.IsZero() {
		f.first = time.Now()
	}
	f.mu.Unlock()
	select {
	case <-time.After(f.latency):
	case <-r.Context().Done():
		f.mu.Lock()
		f.aborted++
		f.mu.Unlock()
		return
	}
	data := make([]map[string]any, req.N)
	for i := range data {
		data[i] = map[string]any{"b64_json": base64.StdEncoding.EncodeToString(f.png)}
	}
	body, _ := json.Marshal(map[string]any{"created": time.Now().Unix(), "data": data, "size": "1024x1024"})
	// A client that is gone by now (killed) is not answered. One that
	// goes after this check cannot be told from one that read the answer:
	// the service has done (and billed) the work, so it counts.
	if r.Context().Err() != nil {
		f.mu.Lock()
		f.aborted++
		f.mu.Unlock()
		return
	}
	if f.announce && f.lim != nil {
		f.announceHeaders(w.Header())
	}
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(body)
	if err == nil {
		err = http.NewResponseController(w).Flush()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil {
		f.aborted++
		return
	}
	f.accepted += req.N
	f.perPrompt[req.Prompt]++
	f.last = time.Now()
	f.answered[req.Prompt] = append(f.answered[req.Prompt], f.last)
}

type fakeStats struct {
	Accepted, Rejected, Aborted, Bad int
	PerPrompt                        map[string]int
	Answered                         map[string][]time.Time
	First, Last                      time.Time
}

func (f *fakeOpenAI) stats() fakeStats {
	f.mu.Lock()
	defer f.mu.Unlock()
	pp := make(map[string]int, len(f.perPrompt))
	for k, v := range f.perPrompt {
		pp[k] = v
	}
	an := make(map[string][]time.Time, len(f.answered))
	for k, v := range f.answered {
		an[k] = append([]time.Time(nil), v...)
	}
	return fakeStats{f.accepted, f.rejected, f.aborted, f.bad, pp, an, f.first, f.last}
}

// announceHeaders sets the x-ratelimit-*-images headers: the limit a
// minute, the images the bucket holds now, and the time until it is full.
func (f *fakeOpenAI) announceHeaders(h http.Header) {
	now := time.Now()
	tokens := max(f.lim.TokensAt(now), 0)
	perSec := float64(f.lim.Limit())
	full := time.Duration((float64(f.lim.Burst()) - tokens) / perSec * float64(time.Second))
	h.Set("x-ratelimit-limit-images", fmt.Sprint(int(perSec*60)))
	h.Set("x-ratelimit-remaining-images", fmt.Sprint(int(tokens)))
	h.Set("x-ratelimit-reset-images", full.Round(time.Millisecond).String())
}
