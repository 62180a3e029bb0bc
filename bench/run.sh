#!/usr/bin/env bash
# Runs the batch must-show benchmarks and prints their figures.
#   bench/run.sh [rate|learn|canvas|kill|postgres|sharedrate|all]
# rate takes ~2.5 min, learn ~9 min, canvas ~6 min on 2 cores, kill ~1 min, postgres ~15 s,
# sharedrate ~2 min (postgres and sharedrate start Debian's PostgreSQL 15
# and use a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bench/build.sh "$tmp/easel"
go build -o "$tmp/batchbench" ./bench/batchbench
run() { echo "== $1"; "$tmp/batchbench" "$@" -bin "$tmp/easel"; }
case "$what" in rate | all) run rate ;; esac
case "$what" in rate | all) run rate -client-ipm 600 ;; esac
# learn: no rate flags; the fake announces its limit (x-ratelimit-*-images) and easel learns it.
case "$what" in learn | all) run rate -announce -no-rate-flags ;; esac
case "$what" in learn | all) run rate -announce -no-rate-flags -allowed 5 -burst 1 -jobs 15 ;; esac
case "$what" in learn | all) run rate -announce -allowed 5 -burst 1 -jobs 15 -client-ipm 600 ;; esac
case "$what" in canvas | all) run canvas ;; esac
case "$what" in kill | all) run kill ;; esac
# pgscratch starts PostgreSQL and makes an empty easel_bench database.
pgscratch() {
	pg_ctlcluster 15 main start 2>/dev/null || true
	for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
	runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'easel'" | grep -q 1 ||
		runuser -u postgres -- psql -qc "CREATE ROLE easel LOGIN PASSWORD 'easel' CREATEDB"
	runuser -u postgres -- dropdb --if-exists easel_bench
	runuser -u postgres -- createdb -O easel easel_bench
}
case "$what" in postgres | all)
	pgscratch
	run postgres -db "postgres://easel:easel@127.0.0.1:5432/easel_bench?sslmode=disable"
	;;
esac
case "$what" in sharedrate | all)
	pgscratch
	run sharedrate -db "postgres://easel:easel@127.0.0.1:5432/easel_bench?sslmode=disable"
	pgscratch
	run sharedrate -db "postgres://easel:easel@127.0.0.1:5432/easel_bench?sslmode=disable" -workers 4 -client-ipm 600
	;;
esac
