#!/usr/bin/env bash
# Deploy-to-first-response benchmark: the time from starting `wharf deploy` of an unchanged app (so the server
# reuses the cached build and only makes a new release of the same image) to the first HTTP response served by
# that new release through the router. The hello app answers {"release": "N", ...} (Wharf sets RELEASE), so a
# response is from the new release when its N is above the one served before the deploy. Also times the deploy
# command itself, to the exit. Prints every round and the medians.
#
#   bench/deploy-first-response.sh [ROUNDS]        ROUNDS defaults to 5
#
# Needs a running, logged-in Wharf with its router (scripts/up) and Docker.
#   BENCH_APP          the app deployed from examples/hello (default hello; created when missing, left running)
#   BENCH_ROUTER_URL   where the router listens (default $WHARF_ROUTER_URL or http://127.0.0.1:8080)
#   BENCH_VIA          router (default), or direct: ask the new release's container itself (found through the
#                      Docker engine by its labels), for a server that runs no router
#   BENCH_TIMEOUT      seconds a round may wait for the new release's first response (default 120)
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-${BENCH_ROUNDS:-5}}"
app="${BENCH_APP:-hello}"
router_url="${BENCH_ROUTER_URL:-${WHARF_ROUTER_URL:-http://127.0.0.1:8080}}"
router_url="${router_url%/}"
via="${BENCH_VIA:-router}"
timeout_seconds="${BENCH_TIMEOUT:-120}"
docker_socket="${WHARF_DOCKER_SOCKET:-/var/run/docker.sock}"
source_dir="$repo/examples/hello"
wharf="$repo/wharf"
host="web.$app.localhost"
work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-bench-first.XXXXXX")"
deploy_pid=""
direct_address=""

fail() {
  printf 'bench/deploy-first-response.sh: %s\n' "$*" >&2
  exit 1
}
cleanup() {
  trap - INT TERM
  # A deploy interrupted here keeps running on the server; only the CLI following it is stopped.
  [[ -z "$deploy_pid" ]] || kill -TERM "$deploy_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a whole number from 1 up, got '$rounds'."
[[ "$timeout_seconds" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_TIMEOUT must be a whole number of seconds, got '$timeout_seconds'."
[[ "$via" == router || "$via" == direct ]] || fail "BENCH_VIA must be router or direct, got '$via'."
command -v jq >/dev/null 2>&1 || fail "jq is needed: apt-get install -y jq"
command -v curl >/dev/null 2>&1 || fail "curl is needed: apt-get install -y curl"
"$wharf" whoami >/dev/null || fail "the wharf CLI cannot reach a server: run scripts/up first."

# Microseconds since the epoch, into the variable now_us, without starting a process.
clock() {
  local t="${EPOCHREALTIME/[.,]/}"
  now_us=$((10#$t))
}

# The release that answered BODY ("release": "N" in the hello app's JSON), into the variable answered.
release_of() {
  answered=""
  if [[ "$1" =~ \"release\":\ *\"?([0-9]+) ]]; then
    answered="${BASH_REMATCH[1]}"
  fi
}

# One try at a response from a release above OLD; sets answered to the release that answered (maybe OLD).
ask_router() {
  release_of "$(curl -s --max-time 1 -H "Host: $host" "$router_url/" 2>/dev/null || true)"
}
ask_direct() {
  local old="$1"
  answered=""
  # Once a newer release's container is known, only its address is asked again: a poll stays one curl.
  if [[ -n "$direct_address" ]]; then
    release_of "$(curl -s --max-time 1 "http://$direct_address/" 2>/dev/null || true)"
    return 0
  fi
  # The app's running service containers of a newer release, from the engine's labels: IP on wharf-APP and port.
  direct_address="$(curl -s --max-time 1 --unix-socket "$docker_socket" -G "http://docker/containers/json" \
    --data-urlencode "filters={\"label\":[\"wharf.app=$app\",\"wharf.service=web\",\"wharf.kind=service\"],\"status\":[\"running\"]}" 2>/dev/null |
    jq -r --argjson old "$old" --arg net "wharf-$app" \
      '[.[] | select((.Labels["wharf.release"] | tonumber) > $old)]
       | sort_by(.Labels["wharf.release"] | tonumber) | reverse
       | [.[] | "\(.NetworkSettings.Networks[$net].IPAddress // ""):\(.Labels["wharf.port"] // "")"
              | select(test("^[0-9.]+:[0-9]+$"))][0] // empty' 2>/dev/null || true)"
  [[ -n "$direct_address" ]] || return 0
  release_of "$(curl -s --max-time 1 "http://$direct_address/" 2>/dev/null || true)"
}
ask() {
  if [[ "$via" == router ]]; then
    ask_router
  else
    ask_direct "$1"
  fi
}

"$wharf" apps info "$app" >/dev/null 2>&1 || "$wharf" apps create "$app" >/dev/null
echo "Warm-up: deploying $source_dir as $app (builds the image once; later deploys reuse it)..."
"$wharf" deploy "$source_dir" -a "$app" >"$work/warmup.log" 2>&1 || {
  cat "$work/warmup.log" >&2
  fail "the warm-up deploy failed (its output is above)."
}
if [[ "$via" == router ]]; then
  where="through the router at $router_url/ (Host: $host)"
  hint="; is the router running? (BENCH_VIA=direct asks the container itself)"
else
  where="at its web container's own address (BENCH_VIA=direct: the router is not in the path)"
  hint="."
fi
echo "Asking for the new release $where"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '\n%-6s %8s %22s %20s %8s\n' round release "first response (ms)" "deploy exits (ms)" polls
: >"$work/first.ms"
: >"$work/exit.ms"
for ((i = 1; i <= rounds; i++)); do
  # The current release, from the API: the new one is above it. Something must answer before the clock starts.
  old="$("$wharf" apps info "$app" --json | jq -r '.currentRelease // empty')"
  [[ "$old" =~ ^[0-9]+$ ]] || fail "$app has no current release before round $i; see \`wharf releases -a $app\`."
  deadline=$((SECONDS + 30))
  until direct_address="" && ask 0 && [[ -n "$answered" ]]; do
    ((SECONDS < deadline)) || fail "$app does not answer $where before round $i$hint"
    sleep 0.2
  done
  direct_address=""

  log="$work/deploy-$i.log"
  clock
  start=$now_us
  # The subshell notes when the command exits, so its time is exact even though this loop is busy polling.
  (
    rc=0
    "$wharf" deploy "$source_dir" -a "$app" >"$log" 2>&1 || rc=$?
    clock
    echo "$rc $now_us" >"$work/exit-$i"
  ) &
  deploy_pid=$!
  polls=0
  first=""
  while [[ -z "$first" ]]; do
    ask "$old"
    polls=$((polls + 1))
    if [[ -n "$answered" ]] && ((answered > old)); then
      clock
      first=$(((now_us - start) / 1000))
      release="$answered"
      break
    fi
    if [[ -s "$work/exit-$i" ]] && read -r rc _ <"$work/exit-$i" && ((rc != 0)); then
      cat "$log" >&2
      fail "round $i: wharf deploy failed (its output is above)."
    fi
    clock
    if (((now_us - start) / 1000000 >= timeout_seconds)); then
      cat "$log" >&2
      fail "round $i: no response from a release above $old within ${timeout_seconds}s (deploy output above)."
    fi
    sleep 0.005
  done
  wait "$deploy_pid" || true
  deploy_pid=""
  read -r rc end <"$work/exit-$i"
  if ((rc != 0)); then
    cat "$log" >&2
    fail "round $i: wharf deploy exited $rc after release $release answered (its output is above)."
  fi
  took=$(((end - start) / 1000))
  echo "$first" >>"$work/first.ms"
  echo "$took" >>"$work/exit.ms"
  printf '%-6s %8s %22s %20s %8s\n' "$i" "$release" "$first" "$took" "$polls"
done

fm="$(median <"$work/first.ms")"
em="$(median <"$work/exit.ms")"
printf '%-6s %8s %22s %20s\n' median "" "$fm" "$em"
echo
echo "Median time from \`wharf deploy\` (cached image, new release) to the new release's first response: ${fm} ms"
echo "($rounds rounds, via $via; the deploy command itself exits after a median ${em} ms)"
