#!/usr/bin/env bash
# Router benchmark: requests/s and added latency of Wharf's router next to nginx and HAProxy (Debian's packages,
# tuned: upstream keep-alive, 2 workers, no logs), all in front of the same backend container, and that backend
# hit directly. One session, interleaved: every round runs every target once, in an order rotated each round, so a
# busy moment of the machine hits all of them. Per target and round: `wrk -t2 -c64` for requests/s, then
# `wrk -t1 -c1` for the median latency of one connection. Prints the medians, the ratios, the goals with PASS/MISS,
# and writes every run's raw numbers to a results file.
#
#   bench/router.sh [ROUNDS]        ROUNDS defaults to 5
#
#   BENCH_ROUTER=0          leave Wharf's router out (direct, nginx and HAProxy only)
#   BENCH_DURATION          seconds of each 64-connection run (default 10; DURATION works too)
#   BENCH_SINGLE_DURATION   seconds of each 1-connection run (default 5)
#   BENCH_WARMUP            seconds of the untimed warm-up of each target before round 1 (default 3; 0: none)
#   BENCH_RESULTS           the results file (default $TMPDIR/wharf-bench-router-DATE.tsv)
#
# Installs wrk, nginx, haproxy, jq and curl with apt-get when missing, and starts Docker (scripts/lib/docker.sh).
# Everything it starts (proxies, router, container, network) is stopped on exit, Ctrl+C included.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
here="$repo/bench/router"
rounds="${1:-${BENCH_ROUNDS:-5}}"
duration="${BENCH_DURATION:-${DURATION:-10}}"
single_duration="${BENCH_SINGLE_DURATION:-5}"
warmup="${BENCH_WARMUP:-3}"
with_router="${BENCH_ROUTER:-1}"
results="${BENCH_RESULTS:-${TMPDIR:-/tmp}/wharf-bench-router-$(date +%Y%m%d-%H%M%S).tsv}"
wrk_log="${results%.tsv}.wrk.log"
image="wharf-bench/backend"
host_header="web.bench.localhost"
suffix="$$-$RANDOM"
network="wharf-bench-router-$suffix"
container="wharf-bench-backend-$suffix"
nginx_pid=""
haproxy_pid=""
router_pid=""
work=""

fail() {
  printf 'bench/router.sh: %s\n' "$*" >&2
  exit 1
}

# Stops one process this script started: SIGTERM, then SIGKILL if it is still there after 5 s.
stop_pid() {
  local pid="$1" i
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  trap - INT TERM
  stop_pid "$router_pid"
  stop_pid "$haproxy_pid"
  stop_pid "$nginx_pid"
  docker rm -f "$container" >/dev/null 2>&1 || true
  docker network rm "$network" >/dev/null 2>&1 || true
  [[ -z "$work" ]] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

whole_number() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (($2 < $3)); then
    fail "$1 must be a whole number from $3 up, got '$2'."
  fi
}
whole_number ROUNDS "$rounds" 1
whole_number BENCH_DURATION "$duration" 1
whole_number BENCH_SINGLE_DURATION "$single_duration" 1
whole_number BENCH_WARMUP "$warmup" 0
[[ "$with_router" == 0 || "$with_router" == 1 ]] || fail "BENCH_ROUTER must be 0 or 1, got '$with_router'."

install_missing() {
  local missing=() tool package
  for tool in wrk:wrk nginx:nginx haproxy:haproxy jq:jq curl:curl; do
    package="${tool#*:}"
    tool="${tool%%:*}"
    command -v "$tool" >/dev/null 2>&1 || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return
  echo "Installing ${missing[*]} (apt-get)..."
  local log="${TMPDIR:-/tmp}/wharf-bench-router-apt.log"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } >"$log" 2>&1 || {
    tail -n 20 "$log" >&2
    fail "apt-get install ${missing[*]} failed (log: $log)."
  }
}

# A port nothing listens on, in 20000-31999 (below the kernel's ephemeral range, so no outgoing connection holds it).
taken_ports=" 7070 8080 8443 "
free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 12000))
    [[ "$taken_ports" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken_ports+="$port "
      echo "$port"
      return
    fi
  done
  fail "found no free port on 127.0.0.1 in 200 tries."
}

# Waits until URL answers 200 with the backend's "ok" body; fails naming WHAT and showing LOG if PID dies first.
wait_ok() {
  local what="$1" url="$2" pid="${3:-}" log="${4:-}" deadline=$((SECONDS + 60))
  until [[ "$(curl -s --max-time 2 -H "Host: $host_header" "$url" 2>/dev/null)" == ok ]]; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      [[ -z "$log" ]] || tail -n 30 "$log" >&2
      fail "$what stopped while starting (its output is above)."
    fi
    if ((SECONDS >= deadline)); then
      [[ -z "$log" ]] || tail -n 30 "$log" >&2
      fail "$what did not answer 200 \"ok\" on $url within 60s."
    fi
    sleep 0.1
  done
}

fill() { sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$2|g" -e "s|@BACKEND@|$backend|g" "$here/$1" >"$work/$1"; }

start_backend() {
  local context current
  context="$(cat "$here/backend/Dockerfile" "$here/backend/nginx.conf" | sha256sum | cut -c1-12)"
  current="$(docker image inspect -f '{{index .Config.Labels "wharf.bench.context"}}' "$image" 2>/dev/null || true)"
  if [[ "$current" != "$context" ]]; then
    echo "Building $image from bench/router/backend (once; needs the Debian mirror)..."
    docker build --label "wharf.bench.context=$context" -t "$image" "$here/backend" >"$work/build.log" 2>&1 || {
      tail -n 30 "$work/build.log" >&2
      fail "docker build of $image failed (its last lines are above)."
    }
  fi
  docker network create "$network" >/dev/null
  docker run -d --name "$container" --network "$network" "$image" >/dev/null
  local ip
  ip="$(docker inspect -f "{{with index .NetworkSettings.Networks \"$network\"}}{{.IPAddress}}{{end}}" "$container")"
  [[ -n "$ip" ]] || fail "the backend container $container has no address on $network."
  backend="$ip:80"
  wait_ok "the backend container" "http://$backend/"
}

start_nginx() {
  local port
  port="$(free_port)"
  fill nginx.conf "$port"
  nginx -t -q -c "$work/nginx.conf" -e "$work/nginx-error.log" >"$work/nginx.out" 2>&1 || {
    cat "$work/nginx.out" >&2
    fail "nginx rejected $work/nginx.conf (made from bench/router/nginx.conf)."
  }
  nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" -g 'daemon off;' >>"$work/nginx.out" 2>&1 &
  nginx_pid=$!
  nginx_url="http://127.0.0.1:$port/"
  wait_ok nginx "$nginx_url" "$nginx_pid" "$work/nginx-error.log"
}

start_haproxy() {
  local port
  port="$(free_port)"
  fill haproxy.cfg "$port"
  haproxy -c -q -f "$work/haproxy.cfg" >"$work/haproxy.out" 2>&1 || {
    cat "$work/haproxy.out" >&2
    fail "HAProxy rejected $work/haproxy.cfg (made from bench/router/haproxy.cfg)."
  }
  haproxy -db -f "$work/haproxy.cfg" >>"$work/haproxy.out" 2>&1 &
  haproxy_pid=$!
  haproxy_url="http://127.0.0.1:$port/"
  wait_ok HAProxy "$haproxy_url" "$haproxy_pid" "$work/haproxy.out"
}

start_router() {
  local port socket="$work/data/router/control.sock" deadline
  echo "Building the wharf CLI (./wharf)..."
  "$repo/wharf" router --help >/dev/null || fail "building the wharf CLI failed (see the lines above)."
  # Its own copy, like scripts/up does for the server: `./wharf` rebuilds .wharf/cli in place.
  cp -a "$repo/.wharf/cli" "$work/cli"
  mkdir -p "$work/data"
  port="$(free_port)"
  dotnet "$work/cli/wharf.dll" router --data "$work/data" --http "http://127.0.0.1:$port" >"$work/router.log" 2>&1 &
  router_pid=$!
  deadline=$((SECONDS + 60))
  until [[ -S "$socket" ]]; do
    if ! kill -0 "$router_pid" 2>/dev/null; then
      tail -n 30 "$work/router.log" >&2
      fail "the router stopped while starting (its output is above); BENCH_ROUTER=0 leaves it out."
    fi
    ((SECONDS < deadline)) || fail "the router made no control socket $socket within 60s (log: $work/router.log)."
    sleep 0.1
  done
  jq --arg address "$backend" '.routes[0].backends[0].address = $address' "$here/table.json" >"$work/table.json"
  curl -fsS --max-time 10 --unix-socket "$socket" -X PUT http://router/table \
    -H 'Content-Type: application/json' --data-binary @"$work/table.json" >"$work/put.out" 2>&1 || {
    cat "$work/put.out" >&2
    fail "the router refused the route table (PUT /table over $socket; its answer is above)."
  }
  router_url="http://127.0.0.1:$port/"
  wait_ok "the router" "$router_url" "$router_pid" "$work/router.log"
}

# Runs wrk against TARGET's URL; prints "requests/s p50_us p99_us socket_errors". Fails on any non-2xx answer:
# a proxy that answers errors fast must not look fast.
run_wrk() {
  local target="$1" url="$2" out="$work/wrk.out" line kv rps socket_errors
  shift 2
  wrk "$@" --latency -s "$here/report.lua" -H "Host: $host_header" "$url" >"$out" 2>&1 || {
    cat "$out" >&2
    fail "wrk against $target ($url) failed (its output is above)."
  }
  {
    echo "### $target $* $url"
    cat "$out"
  } >>"$wrk_log"
  line="$(grep '^WRK_RESULT ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || {
    cat "$out" >&2
    fail "wrk printed no result line for $target (bench/router/report.lua); its output is above."
  }
  local -A r=()
  local fields
  read -ra fields <<<"${line#WRK_RESULT }"
  for kv in "${fields[@]}"; do
    r[${kv%%=*}]="${kv#*=}"
  done
  ((r[requests] > 0)) || fail "$target answered no request in the run (wrk output: $wrk_log)."
  ((r[non2xx] == 0)) || fail "$target answered ${r[non2xx]} of ${r[requests]} requests with an error status: its numbers would mean nothing (wrk output: $wrk_log)."
  socket_errors=$((r[connect] + r[read] + r[write] + r[timeout]))
  rps="$(awk -v n="${r[requests]}" -v us="${r[duration_us]}" 'BEGIN { printf "%.0f", n / (us / 1e6) }')"
  echo "$rps ${r[p50_us]} ${r[p99_us]} $socket_errors"
}

PATH="$PATH:/usr/sbin" # nginx and haproxy live there; a non-root PATH may lack it
install_missing
# shellcheck source=../scripts/lib/docker.sh
source "$repo/scripts/lib/docker.sh"
ensure_docker
mkdir -p "$(dirname "$results")"
work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-bench-router.XXXXXX")"
chmod 755 "$work"

start_backend
start_nginx
start_haproxy
targets=(direct nginx haproxy)
urls=("http://$backend/" "$nginx_url" "$haproxy_url")
if [[ "$with_router" == 1 ]]; then
  start_router
  targets+=(router)
  urls+=("$router_url")
fi
n=${#targets[@]}

{
  printf '# bench/router.sh %s; %s cores; %s; commit %s\n' "$(date -Is)" "$(nproc)" "$(uname -r)" \
    "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
  printf '# wrk %s; nginx %s; HAProxy %s; backend %s at %s\n' \
    "$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')" "$(nginx -v 2>&1 | sed 's|.*/||')" \
    "$(haproxy -v 2>&1 | awk 'NR == 1 { print $3 }')" "$image" "$backend"
  printf '# load: wrk -t2 -c64 -d%ss; single: wrk -t1 -c1 -d%ss; Host: %s\n' "$duration" "$single_duration" "$host_header"
  printf 'round\ttarget\trun\trequests_per_s\tp50_us\tp99_us\tsocket_errors\n'
} >"$results"
: >"$wrk_log"

echo "Targets: $(for ((i = 0; i < n; i++)); do printf '%s=%s ' "${targets[i]}" "${urls[i]}"; done)"
if ((warmup > 0)); then
  echo "Warm-up: ${warmup}s of load on each target (not recorded)..."
  for ((i = 0; i < n; i++)); do
    run_wrk "${targets[i]}" "${urls[i]}" -t2 -c64 -d"${warmup}s" >/dev/null
  done
fi
echo "Rounds: $rounds x $n targets x (${duration}s at 64 connections + ${single_duration}s at 1), about $((rounds * n * (duration + single_duration + 1) / 60 + 1)) min."
printf '\n%-6s %-8s %14s %14s %14s %8s\n' round target "req/s (c64)" "p99 (c64) us" "p50 (c1) us" errors
for ((r = 1; r <= rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    i=$(((r - 1 + k) % n))
    load="$(run_wrk "${targets[i]}" "${urls[i]}" -t2 -c64 -d"${duration}s")"
    single="$(run_wrk "${targets[i]}" "${urls[i]}" -t1 -c1 -d"${single_duration}s")"
    read -r rps _ p99 load_errors <<<"$load"
    read -r _ p50 single_p99 single_errors <<<"$single"
    printf '%s\t%s\tc64\t%s\t\t%s\t%s\n' "$r" "${targets[i]}" "$rps" "$p99" "$load_errors" >>"$results"
    printf '%s\t%s\tc1\t\t%s\t%s\t%s\n' "$r" "${targets[i]}" "$p50" "$single_p99" "$single_errors" >>"$results"
    printf '%-6s %-8s %14s %14s %14s %8s\n' "$r" "${targets[i]}" "$rps" "$p99" "$p50" "$((load_errors + single_errors))"
  done
done

# Medians per target, from the results file: "target rps p50" lines in the targets' order.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A median_rps=() median_p50=()
for target in "${targets[@]}"; do
  median_rps[$target]="$(awk -F '\t' -v t="$target" '$2 == t && $3 == "c64" { print $4 }' "$results" | median)"
  median_p50[$target]="$(awk -F '\t' -v t="$target" '$2 == t && $3 == "c1" { print $5 }' "$results" | median)"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

printf '\nMedians of %s rounds (%s cores shared by wrk, the proxy and the backend):\n' "$rounds" "$(nproc)"
printf '%-8s %12s %9s %9s %9s %14s %16s\n' target "req/s (c64)" "x nginx" "x haproxy" "x direct" "p50 (c1) us" "added p50 us"
for target in "${targets[@]}"; do
  printf '%-8s %12s %9s %9s %9s %14s %16s\n' "$target" "${median_rps[$target]}" \
    "$(ratio "${median_rps[$target]}" "${median_rps[nginx]}")" \
    "$(ratio "${median_rps[$target]}" "${median_rps[haproxy]}")" \
    "$(ratio "${median_rps[$target]}" "${median_rps[direct]}")" \
    "${median_p50[$target]}" "$((median_p50[$target] - median_p50[direct]))"
done

# goal LABEL VALUE OP LIMIT: one line with PASS or MISS.
goal() { awk -v l="$1" -v v="$2" -v op="$3" -v lim="$4" -v u="$5" 'BEGIN {
  ok = (op == ">=") ? (v >= lim) : (v <= lim)
  printf "  %-44s %8s%s  %s\n", l, v, u, ok ? "PASS" : "MISS" }'; }
echo
if [[ "$with_router" == 1 ]]; then
  echo "Goals (router):"
  goal "requests/s >= 1.2 x nginx" "$(ratio "${median_rps[router]}" "${median_rps[nginx]}" | tr -d x)" ">=" 1.2 x
  goal "requests/s >= 1.0 x HAProxy" "$(ratio "${median_rps[router]}" "${median_rps[haproxy]}" | tr -d x)" ">=" 1.0 x
  goal "requests/s >= 0.5 x direct" "$(ratio "${median_rps[router]}" "${median_rps[direct]}" | tr -d x)" ">=" 0.5 x
  goal "added median latency at 1 connection <= 100" "$((median_p50[router] - median_p50[direct]))" "<=" 100 " us"
else
  echo "Goals: not judged, the router was left out (BENCH_ROUTER=0)."
fi
echo
echo "Raw numbers: $results (wrk's own output: $wrk_log)"
