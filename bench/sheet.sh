#!/usr/bin/env bash
# Renders contact sheets of the built-in canvas for a person to look at.
#   bench/sheet.sh OUT.png                    the corpus (testdata/ideas.txt), one sheet per section: OUT-people.png ...
#   bench/sheet.sh OUT.png IDEAS.txt          any ideas file (one a line; "## name" starts a section)
#   bench/sheet.sh OUT.png --styles "IDEA"    one idea in every style, side by side
# Extra flags pass through: --style oil, --seed 3, --cell 320, --one (one sheet, not one per section),
# --notes (each caption says what the canvas noted as not drawn or drawn as a plain shape).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/sheet.sh OUT.png [IDEAS.txt] [--styles IDEA] [--style S] [--seed N] [--cell PX] [--one] [--notes]" >&2; exit 2; }
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out="$(abs "$1")"
shift
args=(-sheet "$out")
while [ $# -gt 0 ]; do
	case "$1" in
	--styles) args+=(-sheet-styles "$2"); shift 2 ;;
	--style) args+=(-sheet-style "$2"); shift 2 ;;
	--seed) args+=(-sheet-seed "$2"); shift 2 ;;
	--cell) args+=(-sheet-cell "$2"); shift 2 ;;
	--one) args+=(-sheet-one); shift ;;
	--notes) args+=(-sheet-notes); shift ;;
	*) args+=(-sheet-ideas "$(abs "$1")"); shift ;;
	esac
done
cd "$(dirname "$0")/.."
go test -count=1 -run '^TestContactSheet$' ./engine/canvas/ -v -args "${args[@]}" | grep -E '^\s+sheet_review_test|^(ok|FAIL|---)' || true
