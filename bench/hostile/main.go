// Command hostile writes the hostile inputs bench/hostile.sh feeds easel:
// the pixel bomb (a PNG of a few hundred bytes declaring
// 100000×100000 pixels, with AUTOMATIC1111 parameters so vary and
// reproduce take it for a picture) and wildcard files that each include
// the previous one twice.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/easel-art/easel/imageio/imageiotest"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: hostile DIR")
	}
	dir := os.Args[1]
	p := imageiotest.PNGBomb(100000, 100000)
	var b bytes.Buffer
	b.Write(p[:8+25]) // signature and IHDR
	imageiotest.Chunk(&b, "tEXt", []byte("parameters\x00a red fox in snow\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model: sd_xl_base_1.0"))
	b.Write(p[8+25:])
	must(os.WriteFile(filepath.Join(dir, "bomb.png"), b.Bytes(), 0o644))
	wild := filepath.Join(dir, "wildcards")
	must(os.MkdirAll(wild, 0o755))
	must(os.WriteFile(filepath.Join(wild, "w0.txt"), []byte("{a|b}\n"), 0o644))
	for i := 1; i <= 30; i++ {
		must(os.WriteFile(filepath.Join(wild, fmt.Sprintf("w%d.txt", i)), fmt.Appendf(nil, "__w%d__ __w%d__\n", i-1, i-1), 0o644))
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
