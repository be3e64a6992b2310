#!/usr/bin/env bash
# The uploads part of run-all.sh (cold and warm, every outcome checked): see benchmarks/README.md.
#   benchmarks/run-upload-bench.sh [--quick]
exec "$(dirname "$0")/run-all.sh" --only uploads "$@"
