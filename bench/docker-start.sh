#!/usr/bin/env bash
# One "bare Docker" start for bench/deploy.sh: `docker run -d` of IMAGE as container NAME with PORT=5000, then
# polls http://CONTAINER_IP:5000/ until it answers 200. Returns once it does; the caller removes the container
# (so the removal is not part of the time measured).
#
#   bench/docker-start.sh IMAGE NAME
set -euo pipefail

image="${1:?usage: docker-start.sh IMAGE NAME}"
name="${2:?usage: docker-start.sh IMAGE NAME}"
deadline_seconds="${BENCH_START_TIMEOUT:-60}"

docker run -d --name "$name" -e PORT=5000 "$image" >/dev/null
ip="$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$name")"
[[ -n "$ip" ]] || {
  echo "docker-start.sh: container $name has no IP address" >&2
  exit 1
}
deadline=$((SECONDS + deadline_seconds))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$ip:5000/" 2>/dev/null)" == 200 ]]; do
  if ((SECONDS >= deadline)); then
    echo "docker-start.sh: $image did not answer on http://$ip:5000/ within ${deadline_seconds}s; its log:" >&2
    docker logs "$name" >&2 || true
    exit 1
  fi
  sleep 0.01
done
