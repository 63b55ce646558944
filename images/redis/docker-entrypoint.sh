#!/bin/sh
# Starts Redis as the official image does: in /data, as the redis user, listening on every interface (the
# container's network is the boundary; Wharf sets --requirepass). Arguments go to redis-server.
set -eu

if [ "${1#-}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" != redis-server ]; then
  exec "$@"
fi

shift
set -- redis-server --dir /data --bind '* -::*' --protected-mode no --daemonize no "$@"
if [ "$(id -u)" = 0 ]; then
  chown redis:redis /data
  exec setpriv --reuid=redis --regid=redis --init-groups "$@"
fi
exec "$@"
