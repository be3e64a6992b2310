#!/usr/bin/env bash
# Regenerates SpdxIds.java from the SPDX License List that the SPDX project publishes on Maven
# Central inside org.spdx:java-spdx-library (resources/stdlicenses/{licenses,exceptions}.json).
# pyrelease keeps only the identifiers (a few kilobytes) instead of depending on that 4 MB library.
# Usage: policy-rules/src/spdx/update-spdx-ids.sh [java-spdx-library version]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
version=${1:-2.0.1}
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
"$root/mvnw" -q -B dependency:get -Dartifact="org.spdx:java-spdx-library:$version" \
  -Dtransitive=false -Dmaven.repo.local="$repo"
jar="$repo/org/spdx/java-spdx-library/$version/java-spdx-library-$version.jar"
python3 "$here/generate_spdx_ids.py" "$jar" \
  > "$root/policy-rules/src/main/java/io/github/pyrelease/license/SpdxIds.java"
echo "wrote SpdxIds.java from java-spdx-library $version"
