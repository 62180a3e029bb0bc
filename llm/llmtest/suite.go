package llmtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

// Harness connects the conformance suite to one provider.
type Harness struct {
	// KeyVar names the key's environment variable ("" when the provider
	// needs no key).
	KeyVar string
	// Start starts the provider's fake, accepting fakeKey, and returns it
	// with a client for it that sends clientKey, uses model "test-model"
	// by default, and gives up on a call after timeout.
	Start func(t *testing.T, fakeKey, clientKey string, timeout time.Duration) (llm.Client, *Fake)
	// Seed reports whether the provider sends Request.Seed.
	Seed bool
}

// TestKey is the key the suite configures; it must never show in an error.
const TestKey = "sk-test-0123456789abcdef-SECRET"

// TestModel is the default model of the clients the suite starts.
const TestModel = "test-model"

// Schema returns the small strict schema the suite asks for.
func Schema() map[string]any {
	return map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []any{"word", "tags"},
		"properties": map[string]any{
			"word": map[string]any{"type": "string"},
			"tags": map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		},
	}
}

// Run runs the conformance suite: every llm.Client must pass it against
// its provider's fake.
func Run(t *testing.T, h Harness) {
	start := func(t *testing.T) (llm.Client, *Fake) {
		return h.Start(t, TestKey, TestKey, 5*time.Second)
	}
	ask := func(text string) llm.Request {
		return llm.Request{System: "You write image prompts.", Messages: []llm.Message{{Role: llm.RoleUser, Content: text}}}
	}

	t.Run("Text", func(t *testing.T) {
		c, f := start(t)
		f.Push(Reply{Kind: OK, Text: "A lighthouse on a cliff at dusk."})
		resp, err := c.Chat(t.Context(), ask("a lighthouse"))
		if err != nil {
			t.Fatalf("Chat: %v", err)
		}
		if resp.Text != "A lighthouse on a cliff at dusk." {
			t.Errorf("Text = %q; want the fake's reply", resp.Text)
		}
		if resp.FinishReason == "" || resp.Truncated() {
			t.Errorf("FinishReason = %q; want a normal stop", resp.FinishReason)
		}
		if resp.Model == "" {
			t.Errorf("Model is empty")
		}
		call := f.LastCall()
		if call.Model != TestModel {
			t.Errorf("model sent = %q; want %q", call.Model, TestModel)
		}
		if !strings.Contains(call.System, "You write image prompts.") {
			t.Errorf("system prompt sent = %q; want it to hold the request's system text", call.System)
		}
		want := []llm.Message{{Role: llm.RoleUser, Content: "a lighthouse"}}
		if !reflect.DeepEqual(call.Messages, want) {
			t.Errorf("messages sent = %+v; want %+v", call.Messages, want)
		}
		if call.Stream || call.Schema != nil || call.Seed != nil || call.Temperature != nil {
			t.Errorf("sent stream=%v schema=%v seed=%v temperature=%v; want none of them", call.Stream, call.Schema, call.Seed, call.Temperature)
		}
	})

	t.Run("ModelAndConversation", func(t *testing.T) {
		c, f := start(t)
		req := llm.Request{Model: "other-model", Messages: []llm.Message{
			{Role: llm.RoleUser, Content: "a fox"},
			{Role: llm.RoleAssistant, Content: "{}"},
			{Role: llm.RoleUser, Content: "again, with more detail"},
		}}
		if _, err := c.Chat(t.Context(), req); err != nil {
			t.Fatalf("Chat: %v", err)
		}
		call := f.LastCall()
		if call.Model != "other-model" {
			t.Errorf("model sent = %q; want other-model", call.Model)
		}
		if !reflect.DeepEqual(call.Messages, req.Messages) {
			t.Errorf("messages sent = %+v; want %+v", call.Messages, req.Messages)
		}
	})

	t.Run("Schema", func(t *testing.T) {
		c, f := start(t)
		f.Push(Reply{Kind: OK, Text: `{"word":"sunset","tags":["warm"]}`})
		req := ask("a sunset")
		req.Schema, req.SchemaName = Schema(), "words"
		resp, err := c.Chat(t.Context(), req)
		if err != nil {
			t.Fatalf("Chat: %v", err)
		}
		if resp.Text != `{"word":"sunset","tags":["warm"]}` || resp.Format != llm.FormatSchema {
			t.Errorf("got %q in format %q; want the fake's JSON in %q", resp.Text, resp.Format, llm.FormatSchema)
		}
		call := f.LastCall()
		if call.Format != llm.FormatSchema || !sameJSON(call.Schema, Schema()) {
			t.Errorf("sent format %q schema %v; want the request's schema", call.Format, call.Schema)
		}
	})

	t.Run("IgnoresSchema", func(t *testing.T) {
		// A model may answer prose anyway; the client hands it back and
		// the caller validates.
		c, f := start(t)
		f.Push(Reply{Kind: OK, Text: "Sure! Here is a prompt: a red fox in snow."})
		req := ask("a fox")
		req.Schema = Schema()
		resp, err := c.Chat(t.Context(), req)
		if err != nil {
			t.Fatalf("Chat: %v", err)
		}
		if resp.Text != "Sure! Here is a prompt: a red fox in snow." {
			t.Errorf("Text = %q; want the model's prose unchanged", resp.Text)
		}
	})

	t.Run("Stream", func(t *testing.T) {
		for _, schema := range []bool{false, true} {
			c, f := start(t)
			text := "A quiet harbour at dawn, fishing boats, soft pink mist over calm water."
			if schema {
				text = `{"word":"harbour","tags":["dawn","mist"]}`
			}
			f.Push(Reply{Kind: OK, Text: text})
			var pieces []string
			req := ask("a harbour")
			if schema {
				req.Schema = Schema()
			}
			req.OnToken = func(s string) { pieces = append(pieces, s) }
			resp, err := c.Chat(t.Context(), req)
			if err != nil {
				t.Fatalf("Chat: %v", err)
			}
			if resp.Text != text || strings.Join(pieces, "") != text {
				t.Errorf("Text = %q, streamed %q; want both %q", resp.Text, strings.Join(pieces, ""), text)
			}
			if len(pieces) < 2 {
				t.Errorf("got %d streamed pieces; want the reply piece by piece", len(pieces))
			}
			if call := f.LastCall(); !call.Stream {
				t.Errorf("the request did not ask for a stream")
			}
			if resp.FinishReason == "" {
				t.Errorf("FinishReason is empty after a finished stream")
			}
		}
	})

	if h.Seed {
		t.Run("Seed", func(t *testing.T) {
			c, f := start(t)
			req := ask("a castle")
			seed := int64(42)
			req.Seed = &seed
			if _, err := c.Chat(t.Context(), req); err != nil {
				t.Fatalf("Chat: %v", err)
			}
			if call := f.LastCall(); call.Seed == nil || *call.Seed != 42 {
				t.Errorf("seed sent = %v; want 42", call.Seed)
			}
		})
	}

	failures := []struct {
		name      string
		reply     Reply
		stream    bool
		code      string
		retryable bool
		after     time.Duration
		mention   string
	}{
		{"RateLimit", Reply{Kind: RateLimit, RetryAfter: "7"}, false, easel.ERATELIMIT, true, 7 * time.Second, ""},
		{"RateLimitNoHeader", Reply{Kind: RateLimit}, false, easel.ERATELIMIT, true, 0, ""},
		{"Quota", Reply{Kind: Quota}, false, easel.EPERMANENT, false, 0, ""},
		{"ServerError", Reply{Kind: ServerError}, false, easel.EUNAVAILABLE, true, 0, ""},
		{"Overloaded", Reply{Kind: Overloaded, RetryAfter: "2"}, false, easel.EUNAVAILABLE, true, 2 * time.Second, ""},
		{"BadRequest", Reply{Kind: BadRequest}, false, easel.EPERMANENT, false, 0, ""},
		{"NotFound", Reply{Kind: NotFound}, false, easel.ECONFIG, false, 0, TestModel},
		{"Malformed", Reply{Kind: Malformed}, false, easel.EUNAVAILABLE, true, 0, "cannot read"},
		{"StreamError", Reply{Kind: StreamError}, true, easel.EUNAVAILABLE, true, 0, ""},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			c, f := start(t)
			f.Push(tc.reply)
			req := ask("a beach")
			if tc.stream {
				req.OnToken = func(string) {}
			}
			_, err := c.Chat(t.Context(), req)
			CheckError(t, err, tc.code, TestKey)
			if got := easel.Retryable(err); got != tc.retryable {
				t.Errorf("Retryable = %v; want %v", got, tc.retryable)
			}
			if got := easel.RetryAfter(err); got != tc.after {
				t.Errorf("RetryAfter = %v; want %v", got, tc.after)
			}
			if tc.mention != "" && !strings.Contains(easel.ErrorMessage(err), tc.mention) {
				t.Errorf("message %q does not mention %q", easel.ErrorMessage(err), tc.mention)
			}
			if n := len(f.Calls()); n != 1 {
				t.Errorf("the client made %d calls; want 1 (retries belong to package queue)", n)
			}
		})
	}

	t.Run("Timeout", func(t *testing.T) {
		c, f := h.Start(t, TestKey, TestKey, 200*time.Millisecond)
		f.Push(Reply{Kind: Slow, Delay: 10 * time.Second, Text: "too late"})
		_, err := c.Chat(t.Context(), ask("a slow reply"))
		CheckError(t, err, easel.EUNAVAILABLE, TestKey)
	})

	t.Run("Cancel", func(t *testing.T) {
		c, f := start(t)
		f.Push(Reply{Kind: Slow, Delay: 10 * time.Second, Text: "too late"})
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(100*time.Millisecond, cancel)
		_, err := c.Chat(ctx, ask("Ctrl-C"))
		if !errors.Is(err, context.Canceled) || easel.ErrorCode(err) != easel.ECANCELED {
			t.Errorf("err = %v (code %q); want a cancellation", err, easel.ErrorCode(err))
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		// Clients are shared by workers; run with -race to check.
		c, _ := start(t)
		errs := make(chan error, 4)
		for range 4 {
			go func() {
				req := ask("a crowd")
				req.Schema = Schema()
				_, err := c.Chat(t.Context(), req)
				errs <- err
			}()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Errorf("Chat: %v", err)
			}
		}
	})

	t.Run("NoMessages", func(t *testing.T) {
		c, f := start(t)
		_, err := c.Chat(t.Context(), llm.Request{System: "x"})
		CheckError(t, err, easel.EINVALID, TestKey)
		if n := len(f.Calls()); n != 0 {
			t.Errorf("the client made %d calls for an empty request", n)
		}
	})

	if h.KeyVar != "" {
		t.Run("WrongKey", func(t *testing.T) {
			wrong := "sk-wrong-key-9876543210-SECRET"
			c, _ := h.Start(t, TestKey, wrong, 5*time.Second)
			_, err := c.Chat(t.Context(), ask("a beach"))
			CheckError(t, err, easel.ECONFIG, wrong)
			if !strings.Contains(easel.ErrorMessage(err), h.KeyVar) {
				t.Errorf("message %q does not name %s", easel.ErrorMessage(err), h.KeyVar)
			}
			if ch, ok := c.(llm.Checker); ok {
				CheckError(t, ch.Check(t.Context()), easel.ECONFIG, wrong)
			}
		})
	}

	t.Run("Check", func(t *testing.T) {
		c, _ := start(t)
		ch, ok := c.(llm.Checker)
		if !ok {
			t.Skip("the client cannot check its service")
		}
		if err := ch.Check(t.Context()); err != nil {
			t.Errorf("Check: %v", err)
		}
	})
}

// CheckError fails the test unless err is an easel.Error with code whose
// message, cause chain and formatted forms all leave out secret.
func CheckError(t testing.TB, err error, code, secret string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil; want a %q error", code)
	}
	if got := easel.ErrorCode(err); got != code {
		t.Errorf("code = %q (%v); want %q", got, err, code)
	}
	var e *easel.Error
	if !errors.As(err, &e) {
		t.Errorf("err %v is not an *easel.Error", err)
	}
	if secret == "" {
		return
	}
	for u := err; u != nil; u = errors.Unwrap(u) {
		for _, s := range []string{u.Error(), fmt.Sprintf("%+v", u), fmt.Sprintf("%#v", u)} {
			if strings.Contains(s, secret) {
				t.Errorf("the key shows in an error: %s", s)
			}
		}
	}
}

func sameJSON(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		return false
	}
	var va, vb any
	json.Unmarshal(ja, &va)
	json.Unmarshal(jb, &vb)
	return reflect.DeepEqual(va, vb)
}
