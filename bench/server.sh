#!/bin/sh
# kg serve under load (docs/PERFORMANCE.md, "Server"): the M graph's snapshot
# served on a free loopback port, wrk with 32 connections sending a seeded
# mix of 60% path, 30% neighbours and 10% search requests, and the server's
# resident memory before and after; KG_BENCH_PATHS=100 asks paths alone
# (wrk: scripts/install-deps.sh --bench). Bounded: SECONDS per round
# (default 10), ROUNDS rounds (default 1); the server is stopped at the end.
#   bench/server.sh [KG] [DATA_DIR]
set -eu
KG=${1:-build/cli/kg}
DATA=${2:-/tmp/benchdata}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-10}
ROUNDS=${ROUNDS:-1}
HERE=$(dirname "$0")

[ -f "$DATA/M.json" ] || python3 "$HERE/inputs.py" synthetic M "$DATA"
[ -f "$DATA/M.kgs" ] || "$KG" export "$DATA/M.json" --to kgs -o "$DATA/M.kgs"

log=$(mktemp)
"$KG" serve "$DATA/M.kgs" --port 0 --threads 32 --queue 256 --quiet >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q serving "$log" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$log")
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }

echo "RSS after load: $(rss)"
for round in $(seq "$ROUNDS"); do
  wrk -t2 -c32 -d"${SECONDS_PER_ROUND}s" --latency -s "$HERE/server_mix.lua" "http://127.0.0.1:$port" -- "$round" |
    grep -E "requests|Non-2xx|Latency|99%|50%"
  echo "RSS after round $round: $(rss)"
done
kill -TERM $server
wait $server
