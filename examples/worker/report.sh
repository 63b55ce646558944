#!/bin/sh
# Run by the `report` timer: prints a line and exits 0.
echo "report: $(date -u +%Y-%m-%dT%H:%M:%SZ) release ${RELEASE:-dev}"
