#!/usr/bin/env bash
# The versions part of run-all.sh (cold and warm, every outcome checked): see benchmarks/README.md.
#   benchmarks/run-version-bench.sh [--quick]
exec "$(dirname "$0")/run-all.sh" --only versions "$@"
