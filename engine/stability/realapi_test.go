package stability

import (
	"slices"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
)

// TestCapabilitiesAgreeWithFake is the one source of truth check: every
// model capabilities.json lists renders on the fake (with a style preset,
// which every endpoint now takes), every model the fake refuses as retired
// is absent, and every preset easel maps to is one the service has.
func TestCapabilitiesAgreeWithFake(t *testing.T) {
	for _, m := range data.Models {
		if !slices.Contains(stabilitytest.Models(), m.Name) {
			t.Errorf("capabilities.json lists %s; the service does not serve it", m.Name)
			continue
		}
		if !m.StylePresets {
			t.Errorf("%s: style_presets false; every endpoint takes style_preset", m.Name)
		}
		fk := newFake(t, enginetest.FaultNone)
		res, err := client(t, fk, Config{Model: m.Name}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1, Style: "anime"})
		if err != nil {
			t.Errorf("%s: %v", m.Name, err)
			continue
		}
		if fk.Forms()[0]["style_preset"] != "anime" || res.CostUSD != m.PricePerImage {
			t.Errorf("%s: sent %v, cost %v", m.Name, fk.Forms()[0], res.CostUSD)
		}
	}
	for _, gone := range stabilitytest.Retired() {
		if slices.ContainsFunc(data.Models, func(m modelData) bool { return m.Name == gone || m.Model == gone }) {
			t.Errorf("capabilities.json lists %s, which the service no longer serves", gone)
		}
	}
	for style, preset := range data.StylePresets {
		if !slices.Contains(stabilitytest.Presets(), preset) {
			t.Errorf("style %q maps to %q, which is no preset", style, preset)
		}
	}
}
