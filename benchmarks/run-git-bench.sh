#!/usr/bin/env bash
# Times every git rule of stage release on a repository of 50,000 files and 10,000 tags, beside
# the git command line doing the same reading on the same repository.
#
#   benchmarks/run-git-bench.sh [JMH options, e.g. -i 3]
#
# Generates the repository (benchmarks/generate_git_repo.py) when it is missing. Figures move with
# machine load: note `uptime` with them, and compare runs made on an idle machine.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repo="$here/target/git-bench/repo"
result="$here/target/jmh-git.json"

cd "$root"
[ -d "$repo/.git" ] || python3 "$here/generate_git_repo.py"
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
java -Dpyrelease.bench.repo="$repo" -jar "$here/target/benchmarks.jar" GitRulesBenchmark \
  -rf json -rff "$result" "$@"

# best of 5 wall-clock runs of a git command, in ms
best() {
  local best=999999 start end ms
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N); git -C "$repo" "$@" >/dev/null; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

echo
echo "load: $(uptime | sed 's/.*load average: //')"
printf '%-62s %10s\n' "what (same repository)" "ms"
python3 - "$result" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    label = {"allGitRules": "pyrelease: all 6 git rules (PolicyCheck, fetch + ls-remote)",
             "statusAlone": "pyrelease: status (JGit)",
             "tagsAlone": "pyrelease: tags (JGit, peeled)"}.get(name, name)
    print(f"{label:<62} {r['primaryMetric']['score']:>10.0f}")
PY
printf '%-62s %10s\n' "git status --porcelain" "$(best status --porcelain)"
printf '%-62s %10s\n' "git tag -l" "$(best tag -l)"
printf '%-62s %10s\n' "git for-each-ref refs/tags (peeled)" "$(best for-each-ref refs/tags --format='%(*objectname)')"
printf '%-62s %10s\n' "git ls-remote origin" "$(best ls-remote origin)"
printf '%-62s %10s\n' "git fetch origin main" "$(best fetch -q origin main)"
