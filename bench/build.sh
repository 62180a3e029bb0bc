#!/usr/bin/env bash
# Builds the easel binary for the benchmarks into $1. Until the batch and
# worker commands are listed in cmd/easel/commands.go, it builds a copy of
# cmd/easel with them added (in a scratch directory inside the module).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"
if grep -q '"batch"' cmd/easel/commands.go && grep -q '"worker"' cmd/easel/commands.go; then
	go build -o "$out" ./cmd/easel
	exit 0
fi
tmp="bench/.cmd-easel-$$"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"
cp cmd/easel/*.go "$tmp"/
rm -f "$tmp"/*_test.go
sed -i 's|^\t\t{"version", |\t\t{"batch", "many pictures from a file: concurrent, rate-limited, budgeted, resumable", cmdBatch},\n\t\t{"worker", "work the batch queue (several with --db postgres://…)", cmdWorker},\n&|' "$tmp/commands.go"
go build -o "$out" "./$tmp"
