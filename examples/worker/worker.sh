#!/bin/sh
# A background process with no port: does a unit of work every few seconds until told to stop.
trap 'echo "worker: SIGTERM, finishing the current job"; exit 0' TERM
n=0
echo "worker started (release ${RELEASE:-dev})"
while true; do
  n=$((n + 1))
  echo "worker: job $n done"
  sleep "${INTERVAL:-5}" &
  wait $!
done
