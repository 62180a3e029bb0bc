package pngmeta

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/easel-art/easel"
)

// addPNGSeeds adds every fixture, and a few damaged PNGs, to f's corpus.
func addPNGSeeds(f *testing.F) {
	for _, p := range fixtures(f) {
		f.Add(p)
	}
	base := testPNG(f, 4, 4)
	f.Add(withRaw(base, chunk("zTXt", []byte("k\x00\x00"), zlibBytes(f, []byte("caf\xe9")))))
	f.Add(withRaw(base, chunk("iTXt", []byte("k\x00\x01\x00en\x00t\x00"), zlibBytes(f, []byte("富士山")))))
	f.Add(withRaw(base, chunk("tEXt", []byte("no nul"))))
	f.Add(base[:len(base)-1])
	f.Add([]byte(signature))
}

func FuzzReadTexts(f *testing.F) {
	addPNGSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		texts, err := ReadTexts(b)
		if err != nil {
			var e *easel.Error
			if !errors.As(err, &e) || e.Code != easel.EINVALID {
				t.Fatalf("error %v is not an EINVALID *easel.Error", err)
			}
			return
		}
		// A readable PNG survives Inject unchanged in its texts.
		out, err := Inject(b, nil)
		if err != nil {
			t.Fatalf("ReadTexts accepted the file but Inject did not: %v", err)
		}
		again, err := ReadTexts(out)
		if err != nil || !reflect.DeepEqual(again, texts) {
			t.Fatalf("after Inject: %q, %v; want %q", again, err, texts)
		}
		if !bytes.Equal(out, b[:len(out)]) {
			t.Fatal("Inject with no texts changed the bytes before IEND")
		}
	})
}

func FuzzRead(f *testing.F) {
	addPNGSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(b)
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		switch m.Source {
		case SourceEasel, SourceA1111, SourceComfyUI, SourceInvokeAI, SourceUnknown:
		default:
			t.Fatalf("unknown source %q", m.Source)
		}
		// `easel info --json` marshals it: it must always work.
		if _, err := json.Marshal(m); err != nil {
			t.Fatalf("Metadata does not marshal: %v", err)
		}
		if m.Width < 0 || m.Height < 0 || m.Steps < 0 {
			t.Fatalf("negative size or steps: %+v", m)
		}
	})
}
