#!/usr/bin/env python3
"""measure.py — time a command like /usr/bin/time -v does, over several runs, and report medians.

    measure.py [--runs 5] [--warmup 1] [--label NAME] [--json FILE] -- COMMAND [ARG...]

Runs COMMAND warmup + runs times, one after the other. For each run it takes the wall time
(monotonic clock around fork and reap) and, from the kernel's rusage of the reaped child
(os.wait4), user + system CPU time and the peak resident set size of the largest process
(ru_maxrss; a child's children count only if waited for — sozialsite is one process).
Prints each run and one summary line with the medians; appends the same as one JSON line to
FILE. The command's output is discarded unless it fails, then it is shown and measure.py exits
with the command's status.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(cmd: list) -> dict:
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            sys.stdout.write(log.read().decode("utf-8", "replace")[-4000:])
        return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "user_s": ru.ru_utime,
                "sys_s": ru.ru_stime, "peak_rss_mib": ru.ru_maxrss / 1024, "exit": proc.returncode}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--label", default="")
    ap.add_argument("--json", help="append the result as one JSON line to this file")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd or args.runs < 1:
        ap.print_usage(sys.stderr)
        return 2
    label = args.label or os.path.basename(cmd[0])
    runs = []
    for i in range(args.warmup + args.runs):
        r = run_once(cmd)
        kind = "warm-up" if i < args.warmup else f"run {i - args.warmup + 1}"
        print(f"  {label} {kind:8s} wall {r['wall_s']:7.3f} s  cpu {r['cpu_s']:7.3f} s  "
              f"peak RSS {r['peak_rss_mib']:7.1f} MiB", flush=True)
        if r["exit"] != 0:
            print(f"measure: {label}: command failed with exit status {r['exit']}: {' '.join(cmd)}")
            return r["exit"] if 0 < r["exit"] < 256 else 1
        if i >= args.warmup:
            runs.append(r)
    med = {k: statistics.median(r[k] for r in runs) for k in ("wall_s", "cpu_s", "user_s", "sys_s", "peak_rss_mib")}
    print(f"{label}: median of {len(runs)} runs: wall {med['wall_s']:.3f} s, CPU (user+sys) {med['cpu_s']:.3f} s, "
          f"peak RSS {med['peak_rss_mib']:.1f} MiB (wall range {min(r['wall_s'] for r in runs):.3f}–"
          f"{max(r['wall_s'] for r in runs):.3f} s)")
    if args.json:
        with open(args.json, "a", encoding="utf-8") as f:
            f.write(json.dumps({"label": label, "command": cmd, "median": med, "runs": runs}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
