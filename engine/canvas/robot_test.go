package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestRobotDrawnAsRobot checks that a robot that stands or walks is drawn
// as a robot, not a person standing in for it (noted "plain shape: the
// robot" under a normal-size figure); one with something in its hands is
// still a figure, and the note says so.
func TestRobotDrawnAsRobot(t *testing.T) {
	for _, tc := range []struct {
		idea  string
		plain bool
	}{
		{"a giant robot walking through a city", false},
		{"a rusty robot standing in a field", false},
		{"a tiny robot walking on a beach", false},
		{"a robot watering plants", true},
	} {
		_, r := Notes(scene.Parse(tc.idea), "", 7)
		if got := slices.Contains(r, "the robot"); got != tc.plain {
			t.Errorf("%q: plain shape %v, want the robot plain %v", tc.idea, r, tc.plain)
		}
	}
}
