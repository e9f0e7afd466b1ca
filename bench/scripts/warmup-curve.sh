#!/usr/bin/env bash
# How long does a fresh server JVM take to warm up on one CPU? For each runtime: a new server
# pinned to one CPU, then back-to-back 1-second wrk runs (-t1, 64 connections) on another CPU,
# printing requests/s per second, and the first second at which throughput reached 90% of its
# plateau (the median of the last 5 seconds). This is the evidence behind the adaptive warm-up
# (docs/methodology.md#warm-up).
#
#   bench/scripts/warmup-curve.sh [--seconds 25] [--runtimes "netty vertx-web undertow threadpool"]
#                                 [--server-cpu 0] [--driver-cpu 1]
#
# It installs nothing: it says what is missing (wrk) and how to get it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds=25; runtimes="netty vertx-web undertow threadpool"; server_cpu=0; driver_cpu=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runtimes) runtimes="$2"; shift 2 ;;
    --server-cpu) server_cpu="$2"; shift 2 ;;
    --driver-cpu) driver_cpu="$2"; shift 2 ;;
    *) echo "warmup-curve: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done
for tool in wrk taskset curl python3; do
  command -v "$tool" >/dev/null || { echo "warmup-curve: missing $tool (apt-get install $tool); install it and rerun" >&2; exit 2; }
done
"$root/greetbench" list >/dev/null 2>&1 || { echo "warmup-curve: ./greetbench does not run; build it first" >&2; exit 1; }

server=""
stop_server() {
  [[ -n "$server" ]] || return 0
  kill -TERM "$server" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server" 2>/dev/null || true
  server=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "# warm-up curves: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, $(uname -r), $(date -u +%FT%TZ)"
echo "# server on CPU $server_cpu, wrk -t1 -c64 -d1s on CPU $driver_cpu, $seconds one-second runs per runtime"
for runtime in $runtimes; do
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  taskset -c "$server_cpu" "$root/greetbench" serve --runtime "$runtime" --port "$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$port/world" >/dev/null 2>&1 && break; sleep 0.1; done
  rates=()
  for _ in $(seq "$seconds"); do
    rates+=("$(taskset -c "$driver_cpu" wrk -t1 -c64 -d1s "http://127.0.0.1:$port/world" | awk '/Requests\/sec/ {printf "%d", $2}')")
  done
  stop_server
  python3 - "$runtime" "${rates[@]}" <<'PY'
import statistics, sys
runtime, rates = sys.argv[1], [int(r or 0) for r in sys.argv[2:]]
plateau = statistics.median(rates[-5:])
first = next((i + 1 for i, r in enumerate(rates) if r >= 0.9 * plateau), None)
print(f"{runtime:<20} 90% of plateau ({plateau:,.0f} req/s) at second {first}: " + " ".join(f"{r}" for r in rates))
PY
done
