#!/usr/bin/env bash
# The dists part of run-all.sh (cold and warm, every outcome checked): see benchmarks/README.md.
#   benchmarks/run-dist-bench.sh [--quick]
exec "$(dirname "$0")/run-all.sh" --only dists "$@"
