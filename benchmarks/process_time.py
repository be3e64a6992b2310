"""Runs a command and writes its wall and CPU (user + system) seconds, at microsecond resolution
(/usr/bin/time's is 10 ms, too coarse for a 0.1 s command), to a file.

Usage: process_time.py OUTFILE COMMAND...   (standard streams pass through; exits as the command)
"""
import os
import subprocess
import sys
import time


def main():
    start = time.perf_counter()
    child = subprocess.Popen(sys.argv[2:])
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    with open(sys.argv[1], "w") as out:
        out.write(f"T {wall:.4f} {usage.ru_utime + usage.ru_stime:.4f}\n")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
