package canvas

import "math/rand/v2"

// look is what a seed changes in a composition, as a photographer changes
// it between frames of the same subject: which way the picture faces, how
// near the camera stands, where the horizon and the sun sit, how big the
// sun or moon is, how much cloud there is and how many small things share
// the frame. The words still win: a side, a centre or a low horizon they
// name is kept (see frame and makePlan).
//
// It has a random source of its own, so the seed's other draws (ridges,
// trees, waves) stay as they were when a field is added here.
type look struct {
	// cliffLeft puts a coast's cliff on the left. It is chosen with the
	// rest of the look, from the seed alone, so a refined picture ("make
	// it night") keeps its cliff where it was.
	cliffLeft bool
	// mirror paints the picture left-right reversed. A side the words
	// name is flipped before painting, so it lands where they say.
	mirror bool
	// zoom is the camera distance as the main subject's scale: below 1
	// the camera steps back, above 1 it comes near.
	zoom float32
	// horizon picks a place in the horizon range of the scene's kind:
	// 0 its highest, 1 its lowest.
	horizon float32
	// sunX, sunY (a factor of the time of day's height) and sunR (a
	// factor of its radius) place and size the sun and the moon.
	sunX, sunY, sunR float32
	// cloud picks the cloud cover in the weather's range (0 least, 1
	// most); cloudScale sizes the cloud masses.
	cloud, cloudScale float32
	// ridge scales the height of mountain ranges; ridgeLayers is how many
	// ranges stand behind each other (2 to 4).
	ridge       float32
	ridgeLayers int
	// shore places the water line between its range's ends (0 near the
	// horizon, 1 near the bottom).
	shore float32
	// extras is how many secondary things (trees, birds, boats) the frame
	// gets beyond the least: 0, 1 or 2.
	extras int
	// birds adds a flock where the sky allows one.
	birds bool
}

// newLook draws a look from seed (the seed already mixed with the Scene's
// words).
func newLook(seed int64) look {
	// splitmix64 spreads neighbouring seeds over the whole state: PCG's
	// first outputs for seeds that differ in a few bits are alike.
	z := uint64(seed) + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	z ^= z >> 31
	r := rand.New(rand.NewPCG(z, 0x2545f4914f6cdd1d))
	f := func(a, b float32) float32 { return a + (b-a)*r.Float32() }
	l := look{
		mirror:      r.IntN(2) == 1,
		zoom:        f(0.78, 1.32),
		horizon:     r.Float32(),
		sunX:        f(0.12, 0.88),
		sunY:        f(0.72, 1.15),
		sunR:        f(0.72, 1.4),
		cloud:       f(0.55, 1.6),
		cloudScale:  f(0.7, 1.45),
		ridge:       f(0.7, 1.3),
		ridgeLayers: 2 + r.IntN(3),
		shore:       r.Float32(),
		extras:      r.IntN(3),
		birds:       r.IntN(3) == 0,
		cliffLeft:   r.IntN(2) == 1,
	}
	return l
}

// near returns where a subject at depth t (0 at the horizon, 1 at the
// bottom) stands when the camera comes nearer or steps back: a nearer
// subject sits lower in the frame, as it does through a lens.
func (l look) near(t float32) float32 {
	return min(max(t+(l.zoom-1)*0.35, 0.02), 0.9)
}

// between returns the point t (0..1) of the way from a to b.
func between(a, b, t float32) float32 { return a + (b-a)*t }
