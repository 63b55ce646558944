# shellcheck shell=bash
# Source this file, then call ensure_prometheus: it installs Prometheus from apt when `prometheus` or `promtool` is
# missing (the metrics tests run `promtool check metrics` and start their own Prometheus, on a free port, that
# scrapes Wharf). Idempotent; silent on success; prints the failing step's output on failure.

_wharf_prom_quiet() {
  local output
  if ! output=$("$@" 2>&1); then
    echo "ensure_prometheus: '$*' failed:" >&2
    echo "$output" >&2
    return 1
  fi
}

ensure_prometheus() {
  if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
    return 0
  fi
  _wharf_prom_quiet apt-get update || return 1
  _wharf_prom_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus || return 1
  if ! command -v promtool >/dev/null 2>&1; then
    echo "ensure_prometheus: the prometheus package installed no promtool" >&2
    return 1
  fi
}
