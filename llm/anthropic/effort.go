package anthropic

import (
	"strconv"
	"strings"
)

// PromptEffort is the output_config.effort sent to models that take one.
// Those models think before they answer, and their thinking counts against
// max_tokens: at the default (high) effort it can spend the whole budget
// on a prompt-sized question and leave no text. Writing a prompt needs
// little thought.
const PromptEffort = "low"

// TakesEffort reports whether model takes output_config.effort: Claude
// Opus 4.5 and later, Sonnet 4.6 and later, and every 5-generation model
// (as anthropic-sdk-go's OutputConfigParam documents). Others (Haiku 4.5,
// Sonnet 4.5, Opus 4.1, proxies with their own names) are sent none, and a
// model that refuses it anyway is asked again without.
func TakesEffort(model string) bool {
	m := strings.TrimPrefix(strings.ToLower(model), "claude-")
	if m == strings.ToLower(model) {
		return false
	}
	if strings.HasPrefix(m, "mythos") {
		return true
	}
	// name-major[-minor][-date]
	parts := strings.Split(m, "-")
	if len(parts) < 2 {
		return false
	}
	major, err := strconv.Atoi(parts[1])
	if err != nil {
		return false
	}
	minor := 0
	if len(parts) > 2 && len(parts[2]) < 3 {
		minor, _ = strconv.Atoi(parts[2])
	}
	switch {
	case major >= 5:
		return true
	case major == 4 && parts[0] == "opus":
		return minor >= 5
	case major == 4 && parts[0] == "sonnet":
		return minor >= 6
	}
	return false
}
