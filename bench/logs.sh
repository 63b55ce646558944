#!/usr/bin/env bash
# Log store benchmark: ingest rate of 200-byte lines (collectors appending batches, each awaiting its durable ack),
# append-to-visible latency for a follower (what `wharf logs -f` reads; idle and under that ingest load), and a
# text filter over ~1 GB of log text against `grep -F -c` over the same text, timed in the same run.
#
#   bench/logs.sh [--gb 1] [--ingest-seconds 10] [--collectors 8] [--apps 4] [--batch 500] [--latency-lines 2000]
#
# Needs the .NET SDK and grep; about 3 GB of free disk per GB of text (the store, the text file, the ingest runs).
#   BENCH_DIR   where the data goes (default: a new directory under $TMPDIR, deleted afterwards)
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
project="$repo/bench/logs/LogBench/LogBench.csproj"

fail() {
  printf 'bench/logs.sh: %s\n' "$*" >&2
  exit 1
}

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is needed."
command -v grep >/dev/null 2>&1 || fail "grep is needed: apt-get install -y grep"

if [[ -n "${BENCH_DIR:-}" ]]; then
  work="$BENCH_DIR"
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-logbench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

echo "Building the bench (Release)..."
dotnet build -c Release -nologo -v q "$project" >/dev/null || fail "the build failed: dotnet build -c Release $project"
dotnet "$repo/bench/logs/LogBench/bin/Release/net10.0/LogBench.dll" --dir "$work" "$@"
