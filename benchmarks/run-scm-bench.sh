#!/usr/bin/env bash
# Times the version computed from git tags, `pyrelease version show`, beside the real setuptools_scm
# computing it (`python3 -c 'setuptools_scm.get_version(...)'`), on the git benchmark repository
# (50,000 files, 10,000 tags; benchmarks/generate_git_repo.py), and checks that both give the same
# version. The project is a sub-folder of that repository with [tool.setuptools_scm] root = "..".
#
#   benchmarks/run-scm-bench.sh            (PYTHON=/usr/bin/python3 by default, with setuptools_scm)
#
# Figures move with machine load: note `uptime` with them, and compare runs made on an idle machine.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repo="$here/target/git-bench/repo"
project="$repo/scm-project"
python="${PYTHON:-/usr/bin/python3}"
runs=5

cd "$root"
[ -d "$repo/.git" ] || python3 "$here/generate_git_repo.py"
[ -f policy-rules/target/policy-rules-0.1.0-SNAPSHOT-cli.jar ] \
  || ./mvnw -B -q -pl policy-rules package -DskipTests -Dinvoker.skip
mkdir -p "$project"
printf '[project]\nname = "scm-bench"\ndynamic = ["version"]\n\n[tool.setuptools_scm]\nroot = ".."\n' \
  > "$project/pyproject.toml"

ours=$(bin/pyrelease version show "$project" | head -1 | cut -d' ' -f2)
theirs=$(cd "$project" && "$python" -W ignore -c 'import setuptools_scm; print(setuptools_scm.get_version(root=".."))')
if [ "$ours" != "$theirs" ]; then
  echo "different versions: pyrelease $ours, setuptools_scm $theirs" >&2
  exit 1
fi
echo "both compute $ours"

# best of $runs wall-clock runs, and the user+sys CPU time of that run, in ms
measure() {
  local best=999999 cpu=0 start end ms out
  for _ in $(seq "$runs"); do
    out=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$out" "$@" >/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ "$ms" -lt "$best" ]; then
      best=$ms
      cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$out")
    fi
    rm -f "$out"
  done
  echo "$best $cpu"
}

echo "load: $(uptime | sed 's/.*load average: //')"
printf '%-58s %8s %8s\n' "what (same repository)" "wall ms" "cpu ms"
read -r w c < <(measure bin/pyrelease version show "$project")
printf '%-58s %8s %8s\n' "pyrelease version show (JVM start included)" "$w" "$c"
read -r w c < <(cd "$project" && measure "$python" -W ignore -c 'import setuptools_scm; setuptools_scm.get_version(root="..")')
printf '%-58s %8s %8s\n' "setuptools_scm.get_version (Python start included)" "$w" "$c"
