// Package pngmeta writes and reads the text chunks of PNG files that carry
// generation metadata: AUTOMATIC1111's `parameters` infotext, easel's own
// JSON (an iTXt chunk with keyword `easel`), ComfyUI's `prompt` and
// `workflow` graphs and InvokeAI's `invokeai_metadata`.
//
// Go's image/png neither writes nor reads text chunks, so this package
// splices them by hand (length, type, data, CRC-32) and leaves the pixel
// data untouched. It uses the standard library only.
//
// Three levels:
//
//   - Chunks: Inject adds Text chunks after IHDR; ReadTexts returns every
//     tEXt, zTXt and iTXt chunk.
//   - A1111 infotext: FormatInfotext and ParseInfotext follow
//     create_infotext and parse_generation_parameters exactly.
//   - Metadata: Write adds the `parameters` and `easel` chunks; Read
//     recognises easel, A1111, ComfyUI and InvokeAI images.
package pngmeta
