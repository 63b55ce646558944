# shellcheck shell=bash
# Docker engine and local base images for Wharf's set-up and test scripts.
#
#   source scripts/lib/docker.sh
#   ensure_docker          # engine answering on /var/run/docker.sock + base images
#
# Every machine here is a fresh Debian box without access to any container registry, so the
# engine comes from Debian's docker.io and the base image is made with debootstrap. Quiet when
# everything works; on failure it names the step and prints the tail of that step's log.
# Sourced, so it never touches the caller's shell options.

WHARF_CACHE="${WHARF_CACHE:-$HOME/.cache/wharf}"
WHARF_DOCKER_SOCKET="${WHARF_DOCKER_SOCKET:-/var/run/docker.sock}"
WHARF_DOCKERD_LOG="${WHARF_DOCKERD_LOG:-/var/log/dockerd.log}"
WHARF_DOCKERD_TIMEOUT="${WHARF_DOCKERD_TIMEOUT:-60}"
WHARF_BASE_IMAGE="${WHARF_BASE_IMAGE:-debian:bookworm-slim}"

_wharf_docker_fail() {
  echo "ensure_docker: $*" >&2
  return 1
}

# /usr/local/bin/docker may be a newer client than the engine; Debian's own client always matches it.
_wharf_docker_cli() {
  if [[ -x /usr/bin/docker ]]; then
    echo /usr/bin/docker
  else
    command -v docker || true
  fi
}

_wharf_docker() {
  local cli
  cli="$(_wharf_docker_cli)"
  [[ -n "$cli" ]] || return 127
  DOCKER_HOST="unix://$WHARF_DOCKER_SOCKET" "$cli" "$@"
}

_wharf_docker_answers() {
  _wharf_docker version >/dev/null 2>&1
}

# apt-get update runs at most once per shell: it is the slow part of an install.
_wharf_apt_install() {
  local log="$WHARF_CACHE/apt.log"
  if [[ -z "${_WHARF_APT_UPDATED:-}" ]]; then
    if ! apt-get update >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      _wharf_docker_fail "apt-get update failed (log: $log)"
      return 1
    fi
    _WHARF_APT_UPDATED=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    _wharf_docker_fail "apt-get install $* failed (log: $log)"
    return 1
  fi
}

_wharf_start_dockerd() {
  if ! command -v dockerd >/dev/null 2>&1 || [[ -z "$(_wharf_docker_cli)" ]]; then
    _wharf_apt_install docker.io debootstrap || return 1
  fi
  # A socket left by a dockerd that died makes the new one refuse to start.
  if [[ -S "$WHARF_DOCKER_SOCKET" ]] && ! pgrep -x dockerd >/dev/null 2>&1; then
    rm -f "$WHARF_DOCKER_SOCKET"
  fi
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    # fd 9 is ensure_docker's lock: a daemon that inherited it would hold the lock for its lifetime.
    # Every app gets a network of its own: the engine's default pools hold only about 30 networks, so give it
    # room for 4096 (/24 each, from 10.192.0.0/12) before the tests or a real host run out.
    setsid nohup dockerd --host="unix://$WHARF_DOCKER_SOCKET" --default-address-pool base=10.192.0.0/12,size=24 \
      >"$WHARF_DOCKERD_LOG" 2>&1 </dev/null 9>&- &
  fi
  local deadline=$((SECONDS + WHARF_DOCKERD_TIMEOUT))
  until _wharf_docker_answers; do
    if ((SECONDS >= deadline)); then
      echo "--- last lines of $WHARF_DOCKERD_LOG ---" >&2
      tail -n 30 "$WHARF_DOCKERD_LOG" >&2 2>/dev/null || true
      _wharf_docker_fail "dockerd did not answer on $WHARF_DOCKER_SOCKET within ${WHARF_DOCKERD_TIMEOUT}s"
      return 1
    fi
    sleep 0.25
  done
}

# The first URIs: line of the deb822 sources is the main archive; security comes after it.
_wharf_debian_mirror() {
  local mirror=""
  if [[ -r /etc/apt/sources.list.d/debian.sources ]]; then
    mirror="$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)"
  fi
  if [[ -z "$mirror" && -r /etc/apt/sources.list ]]; then
    mirror="$(awk '/^deb / && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list)"
  fi
  echo "${mirror:-http://deb.debian.org/debian}"
}

# The host's extra CA certificates go into the image (npm and NuGet need them behind the egress
# proxy), so the cached tarball is only valid for the same set of certificates.
_wharf_ca_fingerprint() {
  local certs=(/usr/local/share/ca-certificates/*.crt)
  if [[ -e "${certs[0]:-}" ]]; then
    cat "${certs[@]}" | sha256sum | cut -c1-12
  else
    echo "nocerts"
  fi
}

_wharf_build_rootfs_tarball() {
  local tarball="$1" log="$WHARF_CACHE/debootstrap.log"
  command -v debootstrap >/dev/null 2>&1 || _wharf_apt_install debootstrap || return 1
  local dir
  dir="$(mktemp -d "$WHARF_CACHE/rootfs.XXXXXX")" || return 1
  if ! debootstrap --variant=minbase --include=ca-certificates bookworm "$dir" "$(_wharf_debian_mirror)" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -rf "$dir"
    _wharf_docker_fail "debootstrap of bookworm failed (log: $log)"
    return 1
  fi
  local certs=(/usr/local/share/ca-certificates/*.crt)
  if [[ -e "${certs[0]:-}" ]]; then
    mkdir -p "$dir/usr/local/share/ca-certificates"
    cp "${certs[@]}" "$dir/usr/local/share/ca-certificates/"
    if ! chroot "$dir" update-ca-certificates >>"$log" 2>&1; then
      tail -n 20 "$log" >&2
      rm -rf "$dir"
      _wharf_docker_fail "update-ca-certificates in the base image failed (log: $log)"
      return 1
    fi
  fi
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/cache/apt/*.bin "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log
  # Written under a temporary name so an interrupted run never leaves a truncated cache entry.
  if ! tar -C "$dir" --numeric-owner -cf "$tarball.partial" .; then
    rm -rf "$dir" "$tarball.partial"
    _wharf_docker_fail "could not write $tarball"
    return 1
  fi
  mv "$tarball.partial" "$tarball"
  rm -rf "$dir"
}

ensure_base_images() {
  mkdir -p "$WHARF_CACHE" || return 1
  _wharf_docker image inspect "$WHARF_BASE_IMAGE" >/dev/null 2>&1 && return 0
  local tarball
  tarball="$WHARF_CACHE/debian-bookworm-minbase-$(_wharf_ca_fingerprint).tar"
  if [[ ! -s "$tarball" ]]; then
    _wharf_build_rootfs_tarball "$tarball" || return 1
  fi
  # docker import keeps no config, so give the image what the published one has plus the CA
  # bundle for Node, which ignores the system store.
  if ! _wharf_docker import \
    --change 'CMD ["bash"]' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    - "$WHARF_BASE_IMAGE" <"$tarball" >"$WHARF_CACHE/import.log" 2>&1; then
    tail -n 20 "$WHARF_CACHE/import.log" >&2
    _wharf_docker_fail "docker import of $tarball as $WHARF_BASE_IMAGE failed"
    return 1
  fi
}

ensure_docker() {
  mkdir -p "$WHARF_CACHE" || _wharf_docker_fail "cannot create cache directory $WHARF_CACHE" || return 1
  # Several scripts may run at once on one machine; only one of them may start dockerd or build the image.
  (
    flock -w 900 9 || _wharf_docker_fail "timed out waiting for $WHARF_CACHE/docker.lock" || exit 1
    if ! _wharf_docker_answers; then
      _wharf_start_dockerd || exit 1
    fi
    ensure_base_images || exit 1
  ) 9>"$WHARF_CACHE/docker.lock"
}
