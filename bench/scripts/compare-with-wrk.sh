#!/usr/bin/env bash
# Does the greetbench load driver keep up with wrk? Side by side on one machine, in one run:
# the server pinned to one CPU, and on another CPU wrk -t1 and `greetbench load --threads 1` in
# alternation (A B A B ...), at each connection count, against the `netty` runtime and against
# nginx (one worker) for the ceiling. Prints a Markdown table: min / median / max over the rounds.
#
#   bench/scripts/compare-with-wrk.sh [--rounds 3] [--duration 10] [--connections "64 256"]
#                                     [--server-cpu 0] [--driver-cpu 1] [--out FILE]
#
# It installs nothing: it says what is missing (wrk, nginx) and how to get it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=3; duration=10; connections="64 256"; server_cpu=0; driver_cpu=1; out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --server-cpu) server_cpu="$2"; shift 2 ;;
    --driver-cpu) driver_cpu="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "compare-with-wrk: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done

missing=()
command -v wrk >/dev/null || missing+=("wrk (apt-get install wrk)")
command -v nginx >/dev/null || missing+=("nginx (apt-get install nginx-light)")
command -v taskset >/dev/null || missing+=("taskset (apt-get install util-linux)")
command -v python3 >/dev/null || missing+=("python3")
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "compare-with-wrk: missing: ${missing[*]}; install them and rerun" >&2
  exit 2
fi

work="$(mktemp -d)"
# The servers are this shell's background jobs. A job is signalled only while this shell lists it as
# running: once the shell has reaped it, its PID may be another process's.
running() { local p; for p in $(jobs -pr); do [[ $p == "$1" ]] && return 0; done; return 1; }
stop_job() { # PID: SIGTERM, then SIGKILL after 5 s, each only while it runs; then reaped
  local pid="$1"
  if running "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  for _ in $(seq 50); do running "$pid" || break; sleep 0.1; done
  if running "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in $(jobs -pr); do stop_job "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_ready() { # url
  for _ in $(seq 150); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "compare-with-wrk: server at $1 did not answer within 15 s" >&2
  exit 1
}

"$root/greetbench" list >/dev/null 2>&1 || { echo "compare-with-wrk: ./greetbench does not run; build it first" >&2; exit 1; }

results="$work/results.tsv"
: > "$results"

measure() { # label url
  local label="$1" url="$2"
  # Warm the server (its JIT, on its single CPU) unrecorded. Each greetbench run is a fresh JVM, so
  # it warms its own JIT for 10 s, unrecorded, before its window: the methodology always warms up.
  taskset -c "$driver_cpu" wrk -t1 -c64 -d20s "$url" >/dev/null
  for c in $connections; do
    for r in $(seq "$rounds"); do
      w="$(taskset -c "$driver_cpu" wrk -t1 -c"$c" -d"${duration}s" --latency "$url")"
      wrps="$(awk '/Requests\/sec/ {print $2}' <<<"$w")"
      wp50="$(awk '$1=="50%" {print $2}' <<<"$w" | python3 -c '
import sys; v=sys.stdin.read().strip()
m={"us":1,"ms":1000,"s":1000000}
for u in ("us","ms","s"):
    if v.endswith(u): print(float(v[:-len(u)])*m[u]); break')"
      g="$(taskset -c "$driver_cpu" "$root/greetbench" load --url "$url" -c "$c" -d "${duration}s" --warmup 10s --threads 1 --json 2>/dev/null)"
      grps="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["requestsPerSecond"])' <<<"$g")"
      gp50="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["latencyMicros"]["p50"])' <<<"$g")"
      gcpu="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["driverCpuUtilization"])' <<<"$g")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$c" "$r" "$wrps" "$grps" "$wp50" "$gp50" "$gcpu" >> "$results"
      printf '  %-6s c=%-4s round %s: wrk %8.0f req/s p50 %6.0f us | greetbench %8.0f req/s p50 %6.0f us (driver CPU %.0f%%)\n' \
        "$label" "$c" "$r" "$wrps" "$wp50" "$grps" "$gp50" "$(python3 -c "print($gcpu*100)")" >&2
    done
  done
}

echo "compare-with-wrk: server on CPU $server_cpu, drivers on CPU $driver_cpu, ${rounds} rounds of ${duration}s" >&2

# 1. the netty runtime
port="$(free_port)"
taskset -c "$server_cpu" "$root/greetbench" serve --runtime netty --port "$port" --io-threads 1 >"$work/netty.log" 2>&1 &
netty=$!
wait_ready "http://127.0.0.1:$port/world"
measure netty "http://127.0.0.1:$port/world"
stop_job "$netty"

# 2. nginx, one worker, the same body: the ceiling of this machine's loopback
nport="$(free_port)"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:$nport backlog=8192;
    location / { default_type "text/plain; charset=utf-8"; return 200 "Hello, world!\n"; }
  }
}
NGINX
taskset -c "$server_cpu" nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx=$!
wait_ready "http://127.0.0.1:$nport/world"
measure nginx "http://127.0.0.1:$nport/world"
stop_job "$nginx"

python3 - "$results" "$rounds" "$duration" <<'PY' | tee "${out:-/dev/null}"
import statistics, sys, collections, platform, subprocess
path, rounds, duration = sys.argv[1], sys.argv[2], sys.argv[3]
rows = collections.OrderedDict()
for line in open(path):
    label, c, r, wrps, grps, wp50, gp50, gcpu = line.split("\t")
    rows.setdefault((label, int(c)), []).append((float(wrps), float(grps), float(wp50), float(gp50), float(gcpu)))
def mmm(xs, fmt):
    return " / ".join(fmt.format(v) for v in (min(xs), statistics.median(xs), max(xs)))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Driver vs wrk: {rounds} alternating rounds of {duration} s per cell; server and driver pinned to separate CPUs.")
print(f"Machine: {cpu}, {subprocess.getoutput('nproc')} CPUs, kernel {platform.release()}. Values are min / median / max.")
print()
print("| server | connections | wrk req/s | greetbench req/s | ratio (greetbench / wrk, per round) | wrk p50 µs | greetbench p50 µs | driver CPU |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for (label, c), vals in rows.items():
    w = [v[0] for v in vals]; g = [v[1] for v in vals]
    ratio = [v[1] / v[0] for v in vals]
    print(f"| {label} | {c} | {mmm(w, '{:,.0f}')} | {mmm(g, '{:,.0f}')} | {mmm(ratio, '{:.3f}')} | "
          f"{mmm([v[2] for v in vals], '{:,.0f}')} | {mmm([v[3] for v in vals], '{:,.0f}')} | {mmm([v[4]*100 for v in vals], '{:.0f}%')} |")
PY
