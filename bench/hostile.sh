#!/usr/bin/env bash
# bench/hostile.sh: feeds easel the hostile inputs of issue 19 and prints,
# for each, how it ended, its exit status, peak RSS and time. Needs
# /usr/bin/time (Debian: apt-get install time) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(cat "$work/serve.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/easel" ./cmd/easel
go run ./bench/hostile "$work"
export EASEL_HOME="$work/home"
E="$work/easel"

measure() { # name, then the command
	local name=$1; shift
	local code=0
	/usr/bin/time -f '%M %e' -o "$work/time" "$@" >"$work/out" 2>"$work/err" </dev/null || code=$?
	read -r kb secs < <(tail -1 "$work/time")
	printf '| %-44s | %4s | %6.1f MB | %5.2f s | %s\n' "$name" "$code" "$(echo "$kb/1024" | bc -l)" "$secs" \
		"$(grep -m1 '^easel' "$work/err" | cut -c1-90 || true)"
}

echo "| input | exit | peak RSS | time | first line of stderr"
echo "| --- | --- | --- | --- | ---"
measure "info bomb.png" "$E" info "$work/bomb.png"
measure "reproduce bomb.png" "$E" reproduce "$work/bomb.png"
measure "vary bomb.png" "$E" vary "$work/bomb.png"
measure "describe bomb.png" "$E" describe "$work/bomb.png"
measure "upscale bomb.png" "$E" upscale "$work/bomb.png"
measure "info /dev/zero" "$E" info /dev/zero
measure "batch /dev/zero" "$E" batch /dev/zero
"$E" imagine "a beach sunset" --size 256x256 --json >"$work/a.json"
"$E" imagine "a fox in the snow" --size 256x256 >/dev/null
cp "$work/bomb.png" "$(sed -n 's/.*"path":"\([^"]*\)".*/\1/p' "$work/a.json")"
id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$work/a.json")
measure "gallery sheet (a bomb in the gallery)" "$E" gallery sheet -o "$work/sheet.png"
measure "gallery sheet --limit 10000 --cell 1024" "$E" gallery sheet --limit 10000 --cell 1024 --columns 100000 -o "$work/sheet.png"
measure "template __w30__ (combinatorial)" "$E" template --wildcards "$work/wildcards" "__w30__"
measure "template __w30__ (random)" "$E" template --mode random --wildcards "$work/wildcards" "__w30__"
vars='${v0={a|b}}'
for i in $(seq 1 20); do vars+="\${v$i=\${v$((i-1))} \${v$((i-1))}}"; done
vars+='${v20}'
measure "template 20 doubling variables (random)" "$E" template --mode random "$vars"
measure "template 20 doubling variables (combin.)" "$E" template "$vars"

"$E" serve --addr 127.0.0.1:18419 >"$work/serve.log" 2>&1 &
echo $! >"$work/serve.pid"
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:18419/api/v1/artworks && break; sleep 0.1; done
thumb=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:18419/api/v1/artworks/$id/image?w=256")
after=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18419/api/v1/artworks)
echo
echo "serve: thumbnail of the bomb answered $thumb; the gallery then answered $after; server peak RSS $(( $(awk '/VmHWM/ {print $2}' /proc/$(cat "$work/serve.pid")/status) / 1024 )) MB"

kill "$(cat "$work/serve.pid")" && wait "$(cat "$work/serve.pid")" 2>/dev/null || true
rm "$work/serve.pid"

for _ in $(seq 20); do
	d=$(mktemp -d -p "$work")
	for i in $(seq 8); do EASEL_HOME=$d "$E" imagine "a fox $i" --size 64x64 >/dev/null 2>&1 || echo x >>"$work/fails" & done
	wait
done
echo "8 concurrent first runs x 20 trials: $( [ -f "$work/fails" ] && wc -l <"$work/fails" || echo 0) failed of 160"
