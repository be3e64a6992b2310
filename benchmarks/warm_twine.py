"""The warm figure of a twine command: run ROUNDS times in one Python process (imports paid once).

Usage: warm_twine.py ROUNDS EXPECTED ARGS...   (ARGS as for `twine`; {round} is the round's number)
Prints "round N <wall ms> <CPU ms> <exit>" per round; exits 1 when a round's exit code is not
EXPECTED.
"""
import contextlib
import io
import sys
import time

from twine import cli


def main():
    rounds, expected, args = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    for round_ in range(1, rounds + 1):
        argv = [a.replace("{round}", str(round_)) for a in args]
        out = io.StringIO()
        cpu, start = time.process_time(), time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                result = cli.dispatch(argv)
                code = 1 if result else 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            except Exception as e:  # twine's errors, as its main() turns them into exit 1
                print(f"{type(e).__name__}: {e}")
                code = 1
        wall, used = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        print(f"round {round_} {wall:.1f} {used:.1f} {code}", flush=True)
        if code != expected:
            sys.stdout.write(out.getvalue())
            print(f"round {round_} exited {code}, expected {expected}")
            sys.exit(1)


if __name__ == "__main__":
    main()
