#!/usr/bin/env bash
# Deploy benchmark: how long `wharf deploy` of an unchanged app takes (cached build; from the command to the new
# release running: the command returns when the rollout has finished), next to a bare `docker run -d` of the same
# image until it answers HTTP 200. Both run in one session, interleaved round by round, so machine noise hits both.
# Prints each round, the medians and the ratio wharf/docker (goal: at most 1.5).
#
#   bench/deploy.sh [ROUNDS]        ROUNDS defaults to 10
#
# Needs a running, logged-in Wharf (scripts/up) and Docker. Uses hyperfine (installed with apt-get when missing);
# without it, a loop timed with `date +%s%N`.
#   BENCH_APP  the app deployed (default benchhello; created when missing, left running afterwards)
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-${BENCH_ROUNDS:-10}}"
app="${BENCH_APP:-benchhello}"
source_dir="$repo/examples/hello"
wharf="$repo/wharf"
container="wharf-bench-docker-$$"
work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-bench.XXXXXX")"

fail() {
  printf 'bench/deploy.sh: %s\n' "$*" >&2
  exit 1
}
cleanup() {
  docker rm -f "$container" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a whole number from 1 up, got '$rounds'."
command -v jq >/dev/null 2>&1 || fail "jq is needed: apt-get install -y jq"
"$wharf" whoami >/dev/null || fail "the wharf CLI cannot reach a server: run scripts/up first."
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "Installing hyperfine..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
    echo "(hyperfine could not be installed; timing with date +%s%N instead)"
fi

"$wharf" apps info "$app" >/dev/null 2>&1 || "$wharf" apps create "$app" >/dev/null
echo "Warm-up: deploying $source_dir as $app (builds the image once; later deploys reuse it)..."
"$wharf" deploy "$source_dir" -a "$app" >"$work/warmup.log" 2>&1 || {
  cat "$work/warmup.log" >&2
  fail "the warm-up deploy failed (its output is above)."
}
image="$("$wharf" builds -a "$app" --json | jq -r '[.[] | select(.status == "succeeded")][0].images.web // empty')"
[[ -n "$image" ]] || fail "no succeeded build of $app with a web image; see \`wharf builds -a $app\`."
echo "Image: $image"

deploy_cmd=("$wharf" deploy "$source_dir" -a "$app")
docker_cmd=("$repo/bench/docker-start.sh" "$image" "$container")

# Prints the milliseconds one command took; its output goes to $work/last.log, shown when it fails.
time_ms() {
  local cleanup_cmd="$1"
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs 1 --style none -N --export-json "$work/run.json" --cleanup "$cleanup_cmd" \
      "$(printf '%q ' "$@")" >"$work/last.log" 2>&1 || {
      cat "$work/last.log" >&2
      fail "a timed run failed: $*"
    }
    jq -r '.results[0].times[0] * 1000 | floor' "$work/run.json"
  else
    local start end
    start="$(date +%s%N)"
    "$@" >"$work/last.log" 2>&1 || {
      cat "$work/last.log" >&2
      fail "a timed run failed: $*"
    }
    end="$(date +%s%N)"
    bash -c "$cleanup_cmd" >/dev/null 2>&1 || true
    echo $(((end - start) / 1000000))
  fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '\n%-6s %18s %18s\n' round "wharf deploy (ms)" "docker run (ms)"
: >"$work/wharf.ms"
: >"$work/docker.ms"
for ((i = 1; i <= rounds; i++)); do
  w="$(time_ms true "${deploy_cmd[@]}")"
  d="$(time_ms "docker rm -f $container" "${docker_cmd[@]}")"
  echo "$w" >>"$work/wharf.ms"
  echo "$d" >>"$work/docker.ms"
  printf '%-6s %18s %18s\n' "$i" "$w" "$d"
done

wm="$(median <"$work/wharf.ms")"
dm="$(median <"$work/docker.ms")"
ratio="$(awk -v w="$wm" -v d="$dm" 'BEGIN { printf "%.2f", w / d }')"
printf '%-6s %18s %18s\n' median "$wm" "$dm"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "goal met" : "goal missed") }')"
echo
echo "wharf/docker: ${ratio}x (goal <= 1.5x: $verdict); $rounds rounds, timer: $(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo date)"
