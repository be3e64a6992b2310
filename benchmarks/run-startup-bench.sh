#!/usr/bin/env bash
# The start-up part of run-all.sh: cold one-shot commands beside the JVM alone.
#   benchmarks/run-startup-bench.sh [--quick]
exec "$(dirname "$0")/run-all.sh" --only startup "$@"
