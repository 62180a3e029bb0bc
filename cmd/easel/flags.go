package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/easel-art/easel"
)

// newFlags returns a FlagSet for a command. usage is the text shown above
// the flag list by --help, starting with the command's synopsis.
func (a *app) newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("easel "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintln(a.stdout, strings.TrimSpace(usage))
		fmt.Fprintln(a.stdout, "\nFlags:")
		printFlags(a.stdout, fs)
	}
	return fs
}

// printFlags lists fs's flags the way people type them: --name, with a
// single dash only for one-letter flags.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		kind, usage := flag.UnquoteUsage(f)
		line := "  " + dash + f.Name
		if kind != "" {
			line += " " + kind
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" {
			usage += " (default " + def + ")"
		}
		fmt.Fprintf(w, "%-24s %s\n", line, usage)
	})
}

// parseFlags parses args with fs, letting flags come before or after the
// arguments as people type them (easel imagine "a fox" -n 4). A lone "--"
// ends flag parsing. It returns the positional arguments.
// Errors are EINVALID with the flag package's message; --help prints the
// usage and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseFlagsOnly(fs, args)
	if err == nil {
		err = checkFlags(fs)
	}
	return pos, err
}

// checkFlags refuses values of the flags many commands share that would
// otherwise be taken silently for something else: a seed below -1 (read as
// "random") and an empty --data-dir (read as the default directory).
func checkFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if err != nil {
			return
		}
		switch f.Name {
		case "seed":
			if g, ok := f.Value.(flag.Getter); ok {
				if v, ok := g.Get().(int64); ok && v < -1 {
					err = easel.Errorf(easel.EINVALID, "--seed %d is not a seed: use 0 or more, or -1 for a random one", v)
				}
			}
		case "data-dir":
			if strings.TrimSpace(f.Value.String()) == "" {
				err = easel.Errorf(easel.EINVALID, "--data-dir is empty: give a directory, or leave the flag out for the default ($EASEL_HOME, else ~/.local/share/easel)")
			}
		}
	})
	return err
}

func parseFlagsOnly(fs *flag.FlagSet, args []string) ([]string, error) {
	// The flag package calls Usage on every parse error too; a typo should
	// get one line on stderr, not the whole help on stdout.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				usage()
				return nil, err
			}
			name := strings.TrimPrefix(fs.Name(), "easel ")
			return nil, easel.Errorf(easel.EINVALID, "%s: %s (see %s --help)", name, flagError(err), fs.Name())
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first non-flag or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError rewords the flag package's messages with the dashes people
// type: "flag provided but not defined: -bogus" becomes "unknown flag --bogus".
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag " + dashes(name)
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return dashes(rest) + " needs a value"
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// invalid value "x" for flag -n: parse error
		if i := strings.Index(rest, " for flag -"); i >= 0 {
			flagName, why, _ := strings.Cut(rest[i+len(" for flag -"):], ": ")
			msg := "invalid value " + rest[:i] + " for " + dashes(flagName)
			if why != "" && !strings.HasPrefix(why, "parse error") {
				msg += ": " + why // the flag's own reason, such as "must be 0 to 100"
			}
			return msg
		}
	}
	return msg
}

func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// oneArg joins the positional arguments into one, so that
// `easel imagine a beach sunset` works as well as the quoted form.
func oneArg(pos []string, what, example string) (string, error) {
	if len(pos) == 0 {
		return "", easel.Errorf(easel.EINVALID, "no %s given: for example %s", what, example)
	}
	return strings.Join(pos, " "), nil
}
