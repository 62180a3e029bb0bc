#!/usr/bin/env bash
# The team setup's must-show benchmark: Debian's PostgreSQL and a real S3
# server (versitygw, posix mode) on this machine, 1,000 canvas jobs through
# 3 easel workers with 2 easel serve replicas, one of each killed with
# kill -9 mid-run; exactly once, objects and their SHA-256, gc, throughput
# with 1/2/3 workers and image GET latency through a replica.
#   bench/team.sh [-jobs N] [-throughput-jobs N]     (~5 min on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
bench/build.sh "$tmp/easel"
go build -o "$tmp/teambench" ./bench/teambench

# PostgreSQL: a scratch database.
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
pushd / >/dev/null
runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'easel'" | grep -q 1 ||
	runuser -u postgres -- psql -qc "CREATE ROLE easel LOGIN PASSWORD 'easel' CREATEDB"
runuser -u postgres -- dropdb --if-exists easel_team
runuser -u postgres -- createdb -O easel easel_team
popd >/dev/null

# versitygw: installed once into GOBIN (as .ci/run does), a bucket in a scratch root.
vgw="$(go env GOBIN)"; vgw="${vgw:-$(go env GOPATH)/bin}/versitygw"
[ -x "$vgw" ] || go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
mkdir -p "$tmp/s3/team"
port=7079
ROOT_ACCESS_KEY=teambench ROOT_SECRET_KEY=teambenchsecret "$vgw" --port "127.0.0.1:$port" posix "$tmp/s3" >"$tmp/vgw.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done

export AWS_ACCESS_KEY_ID=teambench AWS_SECRET_ACCESS_KEY=teambenchsecret
"$tmp/teambench" -bin "$tmp/easel" -db "postgres://easel:easel@127.0.0.1:5432/easel_team?sslmode=disable" \
	-store "s3://team?endpoint=http://127.0.0.1:$port&region=us-east-1" "$@"
