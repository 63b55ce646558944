# shellcheck shell=bash
# Local images for Wharf's backing resources, for machines that cannot pull from a registry.
#
#   source scripts/lib/docker.sh && ensure_docker   # the engine and debian:bookworm-slim first
#   source scripts/lib/images.sh && ensure_images   # postgres:15 and redis:7
#
# Each is built from images/NAME (Debian's postgresql-15 and redis-server packages) under the name the
# official image has, so `type: postgres` and `type: redis` resources run them unchanged. An image that
# exists is kept: a pulled official one, or one built from the same sources (label wharf.image.source).
# Quiet when everything works; on failure it names the image and prints the tail of its build log.
# Sourced, so it never touches the caller's shell options.

WHARF_CACHE="${WHARF_CACHE:-$HOME/.cache/wharf}"
WHARF_IMAGES_DIR="${WHARF_IMAGES_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/images}"
# tag=directory under images/
WHARF_RESOURCE_IMAGES=("postgres:15=postgres" "redis:7=redis")

_wharf_images_fail() {
  echo "ensure_images: $*" >&2
  return 1
}

_wharf_images_docker() {
  if declare -F _wharf_docker >/dev/null; then
    _wharf_docker "$@"
  else
    docker "$@"
  fi
}

# A digest of the files an image is built from: a changed Dockerfile or entrypoint makes a new image.
_wharf_images_source() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

_wharf_images_build() {
  local tag="$1" dir="$2" source="$3" log="$WHARF_CACHE/image-${1//[:\/]/-}.log"
  if ! _wharf_images_docker build --label "wharf.image.source=$source" -t "$tag" "$dir" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    _wharf_images_fail "building $tag from $dir failed (log: $log)"
    return 1
  fi
}

ensure_images() {
  mkdir -p "$WHARF_CACHE" || _wharf_images_fail "cannot create cache directory $WHARF_CACHE" || return 1
  _wharf_images_docker image inspect debian:bookworm-slim >/dev/null 2>&1 ||
    _wharf_images_fail "the base image debian:bookworm-slim is missing: run ensure_docker (scripts/lib/docker.sh) first" || return 1
  # Several scripts may run at once on one machine; only one of them builds.
  (
    flock -w 900 8 || _wharf_images_fail "timed out waiting for $WHARF_CACHE/images.lock" || exit 1
    local entry tag dir source current
    for entry in "${WHARF_RESOURCE_IMAGES[@]}"; do
      tag="${entry%%=*}"
      dir="$WHARF_IMAGES_DIR/${entry#*=}"
      [[ -f "$dir/Dockerfile" ]] || _wharf_images_fail "$dir/Dockerfile is missing" || exit 1
      source="$(_wharf_images_source "$dir")"
      if current="$(_wharf_images_docker image inspect -f '{{index .Config.Labels "wharf.image.source"}}' "$tag" 2>/dev/null)"; then
        # Pulled (no label) or built from these very files: nothing to do.
        if [[ -z "$current" || "$current" == "<no value>" || "$current" == "$source" ]]; then
          continue
        fi
      fi
      _wharf_images_build "$tag" "$dir" "$source" || exit 1
    done
  ) 8>"$WHARF_CACHE/images.lock"
}
