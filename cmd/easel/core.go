package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/retry"
	"github.com/easel-art/easel/verb"
)

// core is the one place cmd/easel builds the verbs' core: imagine, vary,
// reproduce and the server's jobs all open engines, writers and styles
// the same way and make engine calls through a.engineCall. writer opens
// the prompt writer a spec names (nil: a.openWriter without --system or
// streaming).
func (a *app) core(gal easel.Gallery, dataDir string, writer func(spec string) (easel.PromptWriter, error)) *verb.Core {
	if writer == nil {
		writer = func(spec string) (easel.PromptWriter, error) { return a.openWriter(spec, "", false) }
	}
	return &verb.Core{
		Gallery: gal, Engine: a.openEngine, Engines: engines().Names(), Writer: writer,
		Style: func(name string) (*styles.Style, error) { return loadStyle(dataDir, name) },
		Call:  a.engineCall(false), Log: a.log,
		LLM: func(spec string) (llm.Client, error) { return llms().Open(spec, a.getenv, nil) },
	}
}

// engineCall returns how this process calls engines: through one limiter
// per engine, honouring Retry-After and retrying transient failures, each
// try within retry.DefaultAttemptTimeout. Retries are said on stderr (the
// command line) or, with logOnly, logged (the server).
//
// A server (logOnly) keeps to the limits of easel batch: defaults, then
// EASEL_<ENGINE>_*. A command makes one call for one person: it keeps to
// the engine's concurrency and to the rates set in EASEL_<ENGINE>_RPM and
// _IPM or announced by the service, not to the batch defaults, which
// would make easel imagine -n 4 on openai wait 36 seconds before calling.
func (a *app) engineCall(logOnly bool) pipeline.Call {
	a.limitersOnce.Do(func() {
		limits := a.limits(limitFlags{}, "")
		if !logOnly {
			limits = a.commandLimits
		}
		a.limiters = queue.NewLimiters(limits)
	})
	p := retry.Default()
	p.OnRetry = func(attempt int, wait time.Duration, err error) {
		if logOnly {
			a.log.Info("engine call will be retried", "err", easel.ErrorMessage(err), "wait", wait)
			return
		}
		fmt.Fprintf(a.stderr, "easel: %s; trying again in %s\n", easel.ErrorMessage(err), wait.Round(time.Second))
	}
	return func(ctx context.Context, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error) {
		return a.limiters.Render(ctx, p, refusedEngine{eng}, req)
	}
}

// commandLimits are a command's limits: the defaults' concurrency and the
// rates set in the environment (see engineCall).
func (a *app) commandLimits(name string) queue.Limit {
	lim := a.limits(limitFlags{}, "")(name)
	def := queue.DefaultLimit(name)
	prefix := "EASEL_" + strings.ToUpper(name) + "_"
	if lim.RequestsPerMinute == def.RequestsPerMinute && a.getenv(prefix+"RPM") == "" {
		lim.RequestsPerMinute = 0
	}
	if lim.ImagesPerMinute == def.ImagesPerMinute && a.getenv(prefix+"IPM") == "" {
		lim.ImagesPerMinute = 0
	}
	return lim
}

// refusedEngine makes a refused connection permanent: nothing listens
// there, and a local engine that is not running will not start while we
// wait, so say so at once.
type refusedEngine struct{ easel.Engine }

func (e refusedEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	res, err := e.Engine.Render(ctx, req)
	if errors.Is(err, syscall.ECONNREFUSED) {
		err = &easel.Error{Code: easel.EPERMANENT, Message: easel.ErrorMessage(err), Err: err}
	}
	return res, err
}

// shareLimits makes ls the limiters of every engine call this process
// makes from now on: a queue's, which on PostgreSQL shares each engine's
// rate with every worker. Call it before the first engine call.
func (a *app) shareLimits(ls *queue.Limiters) {
	a.limitersOnce.Do(func() {})
	a.limiters = ls
}

// limiterSet is the app's per-engine limiters, made on first use.
type limiterSet struct {
	limitersOnce sync.Once
	limiters     *queue.Limiters
}
