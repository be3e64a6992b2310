"""The Python side of run-all.sh's cold version benchmark: what `pyrelease version normalize` and
`version sort` do, with packaging, one version per line of standard input.

Usage: version_cli_packaging.py normalize|sort|valid [ROUNDS] < versions
  normalize  each line's str(Version(line)), or "invalid"; exits 1 when any line is invalid
  sort       the lines in PEP 440 order (a stable sort: equal versions keep their order)
  valid      the lines that are versions, as given
With ROUNDS, the warm figure: the work done ROUNDS times in this process, printing
"round N <wall ms> <CPU ms> <exit>" for each instead of the output.
"""
import sys
import time

from packaging.version import InvalidVersion, Version


def work(mode, lines):
    out = []
    status = 0
    if mode == "sort":
        out = [line for line in sorted((l for l in lines if l.strip()), key=Version)]
    else:
        for line in lines:
            try:
                normalised = str(Version(line))
            except InvalidVersion:
                status = 1
                if mode == "normalize":
                    out.append("invalid")
                continue
            out.append(normalised if mode == "normalize" else line)
    return "".join(line + "\n" for line in out), status if mode == "normalize" else 0


def main():
    lines = sys.stdin.read().splitlines()
    mode = sys.argv[1]
    if len(sys.argv) > 2:
        first = None
        for round_ in range(1, int(sys.argv[2]) + 1):
            cpu, start = time.process_time(), time.perf_counter()
            out, status = work(mode, lines)
            wall, used = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
            first = first or out
            if out != first:
                sys.exit(f"round {round_} printed other output than round 1")
            print(f"round {round_} {wall:.2f} {used:.2f} {status}")
        return
    out, status = work(mode, lines)
    sys.stdout.write(out)
    sys.exit(status)


if __name__ == "__main__":
    main()
