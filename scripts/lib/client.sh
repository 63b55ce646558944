# shellcheck shell=bash
# Source this file, then call ensure_client: it builds the native client as `./wharf` does (.wharf/client/wharf,
# installing gcc first when no C compiler is there) and exports WHARF_TEST_CLIENT, so the CLI tests run every
# client command with the program users run. A client that cannot be built fails the run, with the build's
# errors; the tests never fall back to the .NET build in silence. Idempotent; silent on success.

ensure_client() {
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
    local output
    if ! output=$({ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev; } 2>&1); then
      echo "ensure_client: installing gcc failed:" >&2
      echo "$output" | tail -n 20 >&2
      return 1
    fi
  fi
  local out="$repo/.wharf/client"
  # ./wharf does not try a failed build again until a source changes; a test run always does.
  if [[ -f "$out/.failed" ]]; then
    rm -f "$out/.failed" "$out/.stamp"
  fi
  "$repo/wharf" --version >/dev/null 2>&1 || true
  local built="$out/wharf"
  if [[ -f "$out/.failed" || ! -x "$built" ]]; then
    echo "ensure_client: the native client did not build; the end of $repo/.wharf/client/build.log:" >&2
    tail -n 30 "$out/build.log" >&2 || true
    return 1
  fi
  export WHARF_TEST_CLIENT="$built"
}
