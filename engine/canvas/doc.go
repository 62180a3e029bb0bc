// Package canvas is easel's built-in engine: a procedural painter that draws
// a Scene (sky, sun and moon, clouds, mountains, water and reflections,
// fields, forests, cities, buildings, boats, creatures, weather, underwater
// and space, and one everyday object as a product shot) in one of several
// styles, offline, in pure Go. It is procedural art, not a diffusion
// model: it paints the Elements it knows from shapes and noise, and it
// never fails on words it does not know.
//
// Draw paints a picture; Engine (New) wraps it as an easel.Engine that
// returns PNGs encoded at image/png BestSpeed; Sheet lays pictures out as a
// captioned contact sheet. The Scene JSON format is documented in
// docs/scene.md with a JSON Schema in docs/scene.schema.json.
//
// How it paints: shapes are polylines rasterised with x/image/vector into a
// coverage mask the size of their bounding box, then blended by hand into a
// float RGB buffer, so fills can carry gradients and textures without
// per-pixel interface calls or allocations. Per-pixel passes (sky, clouds,
// water, fog, grading, style) are split into bands of rows across all
// cores. Randomness comes from a PCG seeded by the seed and the Scene's
// words, and from pure hash-based noise, so a picture is the same on every
// run and every core count.
package canvas
