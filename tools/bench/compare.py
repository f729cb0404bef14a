#!/usr/bin/env python3
"""compare.py — time several commands side by side, alternating (A B A B …), and compare medians.

    compare.py [--runs 5] [--warmup 1] [--reference NAME] [--title TEXT] [--json FILE] [--markdown FILE]
               --tool NAME=COMMAND [--tool NAME=COMMAND …]

COMMAND is split like a shell would (shlex) and run directly (no shell, so the kernel's rusage is
the command's own). A `{out}` in COMMAND is replaced by a fresh, not yet existing folder for every
run (`--fresh-root DIR`): a build into an empty output folder, as in CI. These folders are deleted
only after the last round (with `--keep-fresh` not at all: the caller deletes them after its last
comparison): on ext4, creating thousands of folders within minutes after thousands were deleted is
several times slower (the inode allocator skips inodes freed in the last 1–6 minutes), which would
measure the benchmark's own clean-up rather than the tools. Without `{out}` the command writes where it says, usually over its
previous output, as on a developer's machine.

Method (the same as measure.py): wall time is a monotonic clock around fork and reap; CPU time
(user+sys) and peak RSS come from os.wait4. After `--warmup` rounds, `--runs` rounds follow; in
each round every tool runs once, in the given order, so a slow phase of the shared machine hits
all tools alike. For every run the script also records how busy the rest of the machine was:
`foreign` = (busy CPU time of the whole machine from /proc/stat − the command's own CPU) / wall,
in cores. The summary is a Markdown table with medians and the ratio to the reference tool.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_once  # noqa: E402  (same timing method for every script)

TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent on anything but idling, since boot."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / TICK


def timed(cmd: list) -> dict:
    before = machine_busy_seconds()
    r = run_once(cmd)
    busy = machine_busy_seconds() - before
    r["foreign_cores"] = max(0.0, busy - r["cpu_s"]) / r["wall_s"] if r["wall_s"] > 0 else 0.0
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--tool", action="append", required=True, metavar="NAME=COMMAND")
    ap.add_argument("--reference", help="tool the ratios are taken against (default: the last one)")
    ap.add_argument("--fresh-root", default="/tmp/sozialsite-bench/fresh",
                    help="where {out} folders are created (same disk as the usual output)")
    ap.add_argument("--keep-fresh", action="store_true",
                    help="leave the fresh output folders for the caller to delete after its last comparison")
    ap.add_argument("--title", default="")
    ap.add_argument("--json", help="append the result as one JSON line to this file")
    ap.add_argument("--markdown", help="write the summary table (Markdown) to this file")
    args = ap.parse_args()

    tools = []
    for spec in args.tool:
        name, sep, command = spec.partition("=")
        if not sep or not name or not command.strip():
            ap.error(f"--tool {spec!r}: expected NAME=COMMAND")
        tools.append((name, shlex.split(command)))
    names = [n for n, _ in tools]
    reference = args.reference or names[-1]
    if reference not in names:
        ap.error(f"--reference {reference!r} is not one of {names}")
    fresh_root = Path(args.fresh_root)

    with open("/proc/loadavg") as f:
        load_before = f.read().split()[:3]
    print(f"== {args.title or 'comparison'}: {args.warmup} warm-up round(s), {args.runs} rounds, "
          f"order {' → '.join(names)}; load average before: {' '.join(load_before)}", flush=True)

    results = {n: [] for n in names}
    counter = 0
    created = []
    for round_index in range(args.warmup + args.runs):
        kind = "warm-up" if round_index < args.warmup else f"run {round_index - args.warmup + 1}"
        for name, cmd in tools:
            out_dir = None
            if any("{out}" in part for part in cmd):
                counter += 1
                out_dir = fresh_root / f"{name}-{os.getpid()}-{counter}"
                if out_dir.exists():
                    shutil.rmtree(out_dir)
                fresh_root.mkdir(parents=True, exist_ok=True)
                cmd = [part.replace("{out}", str(out_dir)) for part in cmd]
            r = timed(cmd)
            if out_dir is not None:
                created.append(out_dir)
            print(f"  {name:12s} {kind:8s} wall {r['wall_s']:7.3f} s  cpu {r['cpu_s']:7.3f} s  "
                  f"peak RSS {r['peak_rss_mib']:7.1f} MiB  other load {r['foreign_cores']:4.2f} cores", flush=True)
            if r["exit"] != 0:
                print(f"compare: {name}: command failed with exit status {r['exit']}: {' '.join(cmd)}")
                for folder in created:
                    shutil.rmtree(folder, ignore_errors=True)
                return 1
            if round_index >= args.warmup:
                results[name].append(r)

    if not args.keep_fresh:
        for folder in created:
            shutil.rmtree(folder, ignore_errors=True)
    keys = ("wall_s", "cpu_s", "peak_rss_mib", "foreign_cores")
    med = {n: {k: statistics.median(r[k] for r in results[n]) for k in keys} for n in names}
    ref = med[reference]

    def num(x: float, digits: int) -> str:  # German decimal comma, as in the rest of the docs
        return f"{x:.{digits}f}".replace(".", ",")

    lines = [
        f"| Werkzeug | Wandzeit (Median) | Spanne | CPU (user+sys) | CPU/Wand | Spitzen-RSS | "
        f"Wand ÷ {reference} | CPU ÷ {reference} | RSS ÷ {reference} | fremde Last |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in names:
        m = med[n]
        walls = [r["wall_s"] for r in results[n]]
        lines.append(
            f"| {n} | {num(m['wall_s'], 3)} s | {num(min(walls), 2)}–{num(max(walls), 2)} s | "
            f"{num(m['cpu_s'], 2)} s | {num(m['cpu_s'] / m['wall_s'], 2)} | {num(m['peak_rss_mib'], 0)} MiB | "
            f"{num(m['wall_s'] / ref['wall_s'], 3)} | {num(m['cpu_s'] / ref['cpu_s'], 3)} | "
            f"{num(m['peak_rss_mib'] / ref['peak_rss_mib'], 3)} | {num(m['foreign_cores'], 2)} Kerne |")
    table = "\n".join(lines)
    print(table, flush=True)
    if args.markdown:
        Path(args.markdown).write_text(table + "\n", encoding="utf-8")
    if args.json:
        with open(args.json, "a", encoding="utf-8") as f:
            f.write(json.dumps({"title": args.title, "reference": reference, "load_before": load_before,
                                "tools": {n: {"command": c, "median": med[n], "runs": results[n]} for n, c in tools}})
                    + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
