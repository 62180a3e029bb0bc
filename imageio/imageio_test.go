package imageio_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/imageio/imageiotest"
)

func smallPNG(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDecodeRefusesBombs(t *testing.T) {
	cases := []struct {
		name string
		data []byte
	}{
		{"png 100000x100000", imageiotest.PNGBomb(100000, 100000)},
		{"png 1x2^31-1", imageiotest.PNGBomb(1, 1<<31-1)},
		{"png wide", imageiotest.PNGBomb(1<<30, 1)},
		{"jpeg 65535x65535", imageiotest.JPEGBomb(65535, 65535)},
		{"jpeg 10000x6000", imageiotest.JPEGBomb(10000, 6000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			img, _, err := imageio.Decode(c.data)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("decoded a %v bomb", img.Bounds())
			}
			if !errors.Is(err, imageio.ErrTooManyPixels) || easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v (code %s): want ErrTooManyPixels, EINVALID", err, easel.ErrorCode(err))
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
				t.Errorf("refusing the bomb allocated %d bytes", got)
			}
			if _, _, err := imageio.Config(c.data); !errors.Is(err, imageio.ErrTooManyPixels) {
				t.Errorf("Config: %v", err)
			}
		})
	}
	if len(imageiotest.PNGBomb(100000, 100000)) > 300 {
		t.Errorf("the bomb is %d bytes; the issue's was 193", len(imageiotest.PNGBomb(100000, 100000)))
	}
}

func TestDecodeWithinBudget(t *testing.T) {
	data := smallPNG(t, 64, 32)
	img, format, err := imageio.Decode(data)
	if err != nil || format != "png" || img.Bounds().Dx() != 64 {
		t.Fatalf("Decode = %v %q %v", img, format, err)
	}
	if _, _, err := imageio.DecodeMax(data, 64*32); err != nil {
		t.Errorf("exactly on budget: %v", err)
	}
	if _, _, err := imageio.DecodeMax(data, 64*32-1); !errors.Is(err, imageio.ErrTooManyPixels) {
		t.Errorf("one pixel over: %v", err)
	}
	if _, _, err := imageio.Decode([]byte("GIF89a not really")); err == nil || errors.Is(err, imageio.ErrTooManyPixels) {
		t.Errorf("junk: %v", err)
	}
	if _, _, err := imageio.Decode(data[:len(data)-20]); err == nil {
		t.Error("a truncated PNG decoded")
	}
}

func TestMaxPixelsEnv(t *testing.T) {
	data := smallPNG(t, 100, 100)
	t.Setenv(imageio.EnvMaxPixels, "9999")
	if _, _, err := imageio.Decode(data); !errors.Is(err, imageio.ErrTooManyPixels) {
		t.Errorf("with a 9999-pixel budget: %v", err)
	}
	t.Setenv(imageio.EnvMaxPixels, "10_000")
	if _, _, err := imageio.Decode(data); err != nil {
		t.Errorf("with a 10000-pixel budget: %v", err)
	}
	if err := imageio.CheckEnv(); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"lots", "-5", "0", "1e6"} {
		t.Setenv(imageio.EnvMaxPixels, bad)
		if imageio.MaxPixels() != imageio.DefaultMaxPixels {
			t.Errorf("%q: budget %d", bad, imageio.MaxPixels())
		}
		if err := imageio.CheckEnv(); easel.ErrorCode(err) != easel.ECONFIG {
			t.Errorf("CheckEnv(%q) = %v", bad, err)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.png")
	os.WriteFile(ok, []byte("0123456789"), 0o644)
	if b, err := imageio.ReadFile(ok, 10); err != nil || string(b) != "0123456789" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	if _, err := imageio.ReadFile(ok, 9); !errors.Is(err, imageio.ErrTooBig) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := imageio.ReadFile(dir, 0); !errors.Is(err, imageio.ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	if _, err := imageio.ReadFile(filepath.Join(dir, "nope"), 0); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("missing: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		done := make(chan error, 1)
		// No writer ever comes: a blocking open would wait for ever.
		go func() { _, err := imageio.ReadFile(fifo, 0); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, imageio.ErrNotRegular) {
				t.Errorf("fifo: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("reading a FIFO did not return")
		}
	}
}

func TestReadFileDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	start := time.Now()
	_, err := imageio.ReadFile("/dev/zero", 0)
	if !errors.Is(err, imageio.ErrNotRegular) {
		t.Fatalf("/dev/zero: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing /dev/zero took %v", d)
	}
}

func TestReadAll(t *testing.T) {
	if _, err := imageio.ReadAll(bytes.NewReader(make([]byte, 11)), 10); !errors.Is(err, imageio.ErrTooBig) {
		t.Errorf("11 bytes in 10: %v", err)
	}
	if b, err := imageio.ReadAll(bytes.NewReader(make([]byte, 10)), 10); err != nil || len(b) != 10 {
		t.Errorf("10 bytes in 10: %d %v", len(b), err)
	}
}
