package lexical

// FixArticles makes every "a" and "an" agree with the sound of the next
// word ("an old ship", "a unicorn", "an hour"). It changes s in place when
// it can and returns the result.
func FixArticles(s []byte) []byte {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		w := s[i:j]
		if j < len(s) && (len(w) == 1 && (w[0] == 'a' || w[0] == 'A') || len(w) == 2 && (w[0] == 'a' || w[0] == 'A') && w[1] == 'n') {
			k := j + 1
			for k < len(s) && s[k] != ' ' {
				k++
			}
			an := wantsAn(s[j+1 : k])
			switch {
			case an && len(w) == 1:
				s = append(s[:j+1], s[j:]...) // make room
				s[j] = 'n'
				j++
			case !an && len(w) == 2:
				s = append(s[:i+1], s[j:]...)
				j--
			}
		}
		i = j + 1
	}
	return s
}

// wantsAn reports whether a word is spoken with a leading vowel sound.
func wantsAn(word []byte) bool {
	for len(word) > 0 && (word[0] == '"' || word[0] == '\'' || word[0] == '(') {
		word = word[1:]
	}
	if len(word) == 0 {
		return false
	}
	c := word[0] | 0x20 // lower-case an ASCII letter
	hasPrefix := func(p string) bool {
		if len(word) < len(p) {
			return false
		}
		for i := 0; i < len(p); i++ {
			if word[i]|0x20 != p[i] {
				return false
			}
		}
		return true
	}
	switch {
	case word[0] >= '0' && word[0] <= '9':
		return word[0] == '8' || hasPrefix("11") || hasPrefix("18")
	case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u':
		for _, p := range []string{"uni", "use", "usu", "uti", "uro", "ufo", "eu", "ewe", "one", "once", "ubiq", "uku"} {
			if hasPrefix(p) {
				return false
			}
		}
		return true
	default:
		for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
			if hasPrefix(p) {
				return true
			}
		}
		return false
	}
}
