#!/usr/bin/env python3
"""measure-reload.py — save-to-reload time of `sozialsite serve`.

    measure-reload.py --port PORT --post FILE [--edit text|title] [--runs 20] [--pause 0.4] [--json FILE]

Listens to the preview's event stream (/__sozialsite/events) like an open browser tab, then
saves FILE RUNS times and measures, for each save, the time from just before the file is written until the event
that makes the tab reload arrives. The post is restored at the end. Prints each run and a
summary (median, p90, min, max in milliseconds); appends the summary as one JSON line to FILE.
Edits: `text` appends one sentence to the post's text (what an editor does most; only the post's
own page and the feeds that hold it change), `title` changes the title (every page that shows the
post's card changes too: lists, archive, neighbours, related posts, feeds, newsletter).
"""
import argparse
import json
import socket
import statistics
import sys
import time


class Events:
    """A raw HTTP/1.1 event-stream reader (no third-party modules)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.sendall(b"GET /__sozialsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          b"Accept: text/event-stream\r\n\r\n")
        self.buffer = b""

    def next_stand(self, timeout: float) -> str:
        """The data of the next `stand` event."""
        deadline = time.perf_counter() + timeout
        while True:
            marker = self.buffer.find(b"data: ")
            if marker >= 0:
                end = self.buffer.find(b"\n", marker)
                if end >= 0:
                    value = self.buffer[marker + 6:end].decode().strip()
                    self.buffer = self.buffer[end + 1:]
                    return value
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("kein Ereignis der Vorschau")
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("Verbindung zur Vorschau beendet")
            self.buffer += chunk


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--post", required=True, help="Markdown file of a post (it is restored at the end)")
    ap.add_argument("--edit", choices=["text", "title"], default="text")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pause", type=float, default=0.4, help="seconds between saves")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--label", default="serve")
    ap.add_argument("--json")
    args = ap.parse_args()

    original = open(args.post, "rb").read()
    events = Events(args.port)
    events.next_stand(args.timeout)  # the stand the tab was served with
    # Let a build still running from an earlier save finish first (its event would count here).
    while True:
        try:
            events.next_stand(1.0)
        except TimeoutError:
            break
    times = []
    try:
        for run in range(args.runs):
            if args.edit == "text":
                text = original + f"\n\nNachtrag {run + 1}: Die Zahlen wurden noch einmal geprüft.\n".encode()
            else:
                lines = original.split(b"\n")
                at = next(i for i, line in enumerate(lines) if line.startswith(b"title:"))
                lines[at] = f"title: \"Geänderter Titel {run + 1}\"".encode()
                text = b"\n".join(lines)
            t0 = time.perf_counter()
            with open(args.post, "wb") as f:
                f.write(text)
            events.next_stand(args.timeout)
            elapsed = (time.perf_counter() - t0) * 1000
            times.append(elapsed)
            print(f"  Speichern {run + 1:2d}: {elapsed:7.1f} ms bis zum Neuladen", flush=True)
            time.sleep(args.pause)
    finally:
        with open(args.post, "wb") as f:
            f.write(original)
    summary = {"label": args.label, "runs": len(times), "median_ms": statistics.median(times),
               "p90_ms": percentile(times, 0.9), "min_ms": min(times), "max_ms": max(times)}
    print(f"{args.label}: Median {summary['median_ms']:.0f} ms, p90 {summary['p90_ms']:.0f} ms "
          f"(min {summary['min_ms']:.0f}, max {summary['max_ms']:.0f}, {len(times)} Speichervorgänge)")
    if args.json:
        with open(args.json, "a") as f:
            f.write(json.dumps(summary) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
