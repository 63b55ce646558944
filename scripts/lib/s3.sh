# shellcheck shell=bash
# Source this file, then call ensure_s3: it installs the s3rver npm package (a small S3-compatible server)
# into a tools directory outside the repository, starts it on 127.0.0.1 unless it is already running, and
# exports WHARF_TEST_S3_URL, WHARF_TEST_S3_ACCESS_KEY and WHARF_TEST_S3_SECRET_KEY for the storage tests
# (the tests create their own buckets). Idempotent; silent on success; loud on failure.

WHARF_S3RVER_VERSION=3.7.1
WHARF_S3_PORT=${WHARF_S3_PORT:-4568}
WHARF_S3_HOME=${WHARF_S3_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/wharf/s3rver}

_wharf_s3_quiet() {
  local output
  if ! output=$("$@" 2>&1); then
    echo "ensure_s3: '$*' failed:" >&2
    echo "$output" >&2
    return 1
  fi
}

_wharf_s3_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$WHARF_S3_PORT") 2>/dev/null
}

_wharf_s3_install() {
  local bin="$WHARF_S3_HOME/node_modules/s3rver/bin/s3rver.js"
  if [ -f "$bin" ] && grep -q "\"version\": \"$WHARF_S3RVER_VERSION\"" "$WHARF_S3_HOME/node_modules/s3rver/package.json"; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    _wharf_s3_quiet apt-get update || return 1
    _wharf_s3_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm || return 1
  fi
  mkdir -p "$WHARF_S3_HOME" || return 1
  _wharf_s3_quiet npm install --prefix "$WHARF_S3_HOME" --no-audit --no-fund --loglevel=error "s3rver@$WHARF_S3RVER_VERSION" || return 1
}

_wharf_s3_start() {
  local log="$WHARF_S3_HOME/s3rver.log" tries=0
  mkdir -p "$WHARF_S3_HOME/data" || return 1
  # setsid: the server outlives this shell, so later test runs reuse it.
  setsid nohup node "$WHARF_S3_HOME/node_modules/s3rver/bin/s3rver.js" \
    -d "$WHARF_S3_HOME/data" -a 127.0.0.1 -p "$WHARF_S3_PORT" --silent \
    >"$log" 2>&1 </dev/null &
  echo $! >"$WHARF_S3_HOME/s3rver.pid"
  until _wharf_s3_listening; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then
      echo "ensure_s3: s3rver did not listen on 127.0.0.1:$WHARF_S3_PORT within 30 s; its log ($log):" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.5
  done
}

ensure_s3() {
  if ! _wharf_s3_listening; then
    _wharf_s3_install || return 1
    _wharf_s3_start || return 1
  fi
  export WHARF_TEST_S3_URL="http://127.0.0.1:$WHARF_S3_PORT"
  # s3rver's fixed credentials; it checks signatures made with them.
  export WHARF_TEST_S3_ACCESS_KEY=S3RVER
  export WHARF_TEST_S3_SECRET_KEY=S3RVER
}
