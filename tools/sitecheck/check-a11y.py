#!/usr/bin/env python3
"""check-a11y.py — accessibility check of a generated site in a real browser.

    check-a11y.py SITE_DIR [--max-pages N|auto] [--all-limit M] [--screenshots DIR] [--shots K]
                  [--tags wcag2a,wcag2aa,wcag21a,wcag21aa] [--fail-on LEVEL]
                  [--json FILE] [--width PX] [--height PX]

Serves SITE_DIR on 127.0.0.1 (free port, stdlib http.server via serve_site.py),
opens each page (or a deterministic sample of N pages: index.html, the first page
of every page kind, then pages spread evenly over the rest) in
headless Chromium driven by chromedriver (Debian packages chromium and
chromium-driver) through Selenium, runs axe-core (the copy bundled in the PyPI
package selenium-axe-python) restricted to the WCAG 2.0/2.1 A and AA rules and
prints the violations grouped by rule with element and page counts.
A page kind is the page's path with numbers and names generalised: /2022/05/x/ is a post,
/tag/x/ a tag page, /tag/x/page/2/ a tag pager page, /impressum/ a kind of its own.
--max-pages auto (default) checks every page when there are at most --all-limit (default 450:
measured 0.175 s per small page here, 604 pages in 106 s, so 450 real pages stay under 2 minutes)
and otherwise a sample of 60 pages plus the first page of every kind.
With --screenshots DIR it saves a full-page PNG of the first K pages (default 3).
The browser may reach 127.0.0.1 only: every other host name resolves to nothing.

Exit status: 0 no violations at or above --fail-on (default: minor, i.e. any),
1 violations, 2 usage or tool failure. Server, chromedriver and browser
processes are stopped by PID on every exit path.
"""
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SITECHECK_VENV", "/tmp/sozialsite-sitecheck-venv"))


def _bootstrap() -> None:
    """Install what is missing, then re-run this script with the venv's python."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if subprocess.run([str(HERE / "sitecheck-env.sh"), "--for", "a11y"], stdout=subprocess.DEVNULL).returncode:
        print("check-a11y: installing what the check needs failed (see above)", file=sys.stderr)
        sys.exit(2)
    py = VENV / "bin" / "python"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__" and not any(a in ("-h", "--help") for a in sys.argv[1:]):
    _bootstrap()

# ---------------------------------------------------------------------------
import argparse  # noqa: E402
import base64  # noqa: E402
import collections  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

IMPACTS = ["minor", "moderate", "serious", "critical"]


def find_pages(site: Path) -> list:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages.sort(key=lambda p: (p != "index.html", p))
    return pages


def page_kind(rel: str) -> tuple:
    """Path pattern of a page: numbers become '#', names below the first folder '*' ('page' stays)."""
    *dirs, name = rel.split("/")
    key = []
    for i, d in enumerate(dirs):
        key.append("#" if d.isdigit() else d if i == 0 or d == "page" else "*")
    key.append(name if name == "index.html" or not dirs else "*" + Path(name).suffix)
    return tuple(key)


def sample(pages: list, n: int) -> list:
    """All pages when n <= 0 or n >= len(pages); else index.html, the first page of every kind
    (even if that makes more than n) and pages spread evenly over the rest up to n."""
    if n <= 0 or n >= len(pages):
        return pages
    picked = dict.fromkeys(pages[:1])
    kinds = {page_kind(pages[0])}
    for rel in pages:
        if page_kind(rel) not in kinds:
            kinds.add(page_kind(rel))
            picked[rel] = None
    rest = [p for p in pages if p not in picked]
    k = n - len(picked)
    if k > 0 and rest:
        for i in range(k):
            picked.setdefault(rest[min(len(rest) - 1, int((i + 0.5) * len(rest) / k))])
    order = {p: i for i, p in enumerate(pages)}
    return sorted(picked, key=order.__getitem__)


def url_path(rel: str) -> str:
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def children_map() -> dict:
    kids = collections.defaultdict(list)
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    stat = f.read().decode(errors="replace")
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                kids[ppid].append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def descendants(pid: int) -> list:
    kids, out, todo = children_map(), [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def stop_pids(pids: dict) -> list:
    """pids: {pid: expected substring of its command line}. Returns pids that had to be signalled."""
    signalled = []
    for pid, marker in pids.items():
        if alive(pid) and marker in cmdline(pid):
            try:
                os.kill(pid, signal.SIGTERM)
                signalled.append(pid)
            except ProcessLookupError:
                pass
    deadline = time.time() + 5
    while time.time() < deadline and any(alive(p) for p in signalled):
        time.sleep(0.1)
    for pid in signalled:
        if alive(pid) and pids[pid] in cmdline(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return signalled


def become_subreaper() -> None:
    """Let orphaned descendants (e.g. Chromium's crash handler) be re-parented to us, not to PID 1,
    so that they are found by descendants() and reaped here."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def reap_children() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def chromium_binary() -> str:
    for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if os.access(p, os.X_OK):
            return p
    raise SystemExit("check-a11y: chromium not found (Debian package chromium)")


def full_page_png(driver, path: Path, max_height: int = 15000) -> None:
    m = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = m.get("cssContentSize") or m["contentSize"]
    w, h = int(size["width"]), min(int(size["height"]), max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site")
    ap.add_argument("--max-pages", default="auto",
                    help="N: a sample of N pages (plus every kind); 0: all; auto (default): all pages "
                         "when there are at most --all-limit, else a sample of 60")
    ap.add_argument("--all-limit", type=int, default=450, help="for --max-pages auto (default 450)")
    ap.add_argument("--screenshots", help="folder for full-page PNG screenshots")
    ap.add_argument("--shots", type=int, default=3, help="how many pages to screenshot (default 3)")
    ap.add_argument("--tags", default="wcag2a,wcag2aa,wcag21a,wcag21aa", help="axe rule tags")
    ap.add_argument("--fail-on", choices=IMPACTS, default="minor", help="lowest impact that fails")
    ap.add_argument("--json", help="write the full axe results of every page to this file")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--show", type=int, default=5, help="example elements listed per rule")
    args = ap.parse_args()

    site = Path(args.site).resolve()
    if not site.is_dir():
        print(f"check-a11y: no such folder {args.site}", file=sys.stderr)
        return 2
    pages_all = find_pages(site)
    if args.max_pages == "auto":
        n = 0 if len(pages_all) <= args.all_limit else 60
    elif args.max_pages.isdigit():
        n = int(args.max_pages)
    else:
        print(f"check-a11y: --max-pages wants a number or auto, not {args.max_pages!r}", file=sys.stderr)
        return 2
    pages = sample(pages_all, n)
    if not pages:
        print("check-a11y: no HTML pages found")
        return 0

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for drivers online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    import selenium_axe_python
    axe_js = (Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text(encoding="utf-8")

    to_stop = {}          # pid -> expected command-line marker
    driver = None
    profile = tempfile.mkdtemp(prefix="check-a11y-profile-")

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    become_subreaper()
    t0 = time.time()
    results = {}
    shots = []
    try:
        server = subprocess.Popen([sys.executable, str(HERE / "serve_site.py"), str(site)],
                                  stdout=subprocess.PIPE, text=True)
        to_stop[server.pid] = "serve_site.py"
        line = server.stdout.readline().split()
        if len(line) != 2 or line[0] != "PORT":
            raise RuntimeError("local server did not start")
        base = f"http://127.0.0.1:{line[1]}"

        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium_binary()
        for a in ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                  f"--window-size={args.width},{args.height}", f"--user-data-dir={profile}",
                  "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-default-apps", "--lang=de-DE",
                  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]:
            opts.add_argument(a)
        if os.geteuid() == 0:
            opts.add_argument("--no-sandbox")
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver",
                          log_output=subprocess.DEVNULL)
        driver = webdriver.Chrome(service=service, options=opts)
        to_stop[driver.service.process.pid] = "chromedriver"
        for pid in descendants(driver.service.process.pid):
            to_stop[pid] = "chrom"
        driver.set_script_timeout(120)
        driver.set_page_load_timeout(60)
        browser_version = driver.capabilities.get("browserVersion", "?")

        axe_opts = {"runOnly": {"type": "tag", "values": args.tags.split(",")},
                    "resultTypes": ["violations", "incomplete"]}
        script = ("var done = arguments[arguments.length - 1];"
                  "axe.run(document, %s).then(function (r) { done(r); },"
                  " function (e) { done({error: String(e)}); });" % json.dumps(axe_opts))
        engine = "?"
        shot_dir = Path(args.screenshots) if args.screenshots else None
        if shot_dir:
            shot_dir.mkdir(parents=True, exist_ok=True)
        for i, rel in enumerate(pages):
            path = url_path(rel)
            driver.get(base + path)
            driver.execute_script(axe_js)
            r = driver.execute_async_script(script)
            if "error" in r:
                raise RuntimeError(f"axe failed on {path}: {r['error']}")
            engine = r.get("testEngine", {}).get("version", engine)
            results[path] = r
            if shot_dir and i < args.shots:
                name = (rel[:-5] if rel.endswith(".html") else rel).replace("/", "_") + ".png"
                full_page_png(driver, shot_dir / name)
                shots.append(str(shot_dir / name))
    except Exception as e:  # report tool failures distinctly from findings
        print(f"check-a11y: tool failure: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
        return 2
    finally:
        if driver is not None:
            for pid in descendants(driver.service.process.pid):
                to_stop.setdefault(pid, "chrom")
            try:
                driver.quit()
            except Exception:
                pass
        for pid in descendants(os.getpid()):   # anything else we started, e.g. orphans we adopted
            to_stop.setdefault(pid, "")
        signalled = stop_pids(to_stop)
        reap_children()
        shutil.rmtree(profile, ignore_errors=True)
        still = [p for p in to_stop if alive(p) and to_stop[p] in cmdline(p)]
        names = {"serve_site.py": "local server", "chromedriver": "chromedriver", "chrom": "browser", "": "other"}
        sig = ", ".join(f"{names[to_stop[p]]} {p}" for p in signalled) or "none"
        print(f"cleanup: {len(to_stop)} processes of this run tracked by PID; stopped by signal "
              f"after driver.quit(): {sig}; still running: {still or 'none'}", file=sys.stderr)

    # ---- report ----------------------------------------------------------
    secs = time.time() - t0
    by_rule = {}
    review = collections.Counter()
    for path, r in results.items():
        for v in r["violations"]:
            e = by_rule.setdefault(v["id"], {"impact": v.get("impact") or "minor", "help": v["help"],
                                             "nodes": 0, "pages": set(), "examples": []})
            e["nodes"] += len(v["nodes"])
            e["pages"].add(path)
            for n in v["nodes"]:
                detail = ""
                for key in ("any", "all", "none"):
                    if n.get(key):
                        detail = n[key][0].get("message", "")
                        break
                e["examples"].append((path, " ".join(n["target"][0]) if isinstance(n["target"][0], list)
                                      else n["target"][0], detail))
        for v in r.get("incomplete", []):
            review[v["id"]] += len(v["nodes"])

    kinds_all = {page_kind(p) for p in pages_all}
    sel = (f"{len(pages)} of {len(pages_all)} pages ({len({page_kind(p) for p in pages})} of "
           f"{len(kinds_all)} page kinds)")
    print(f"check-a11y: {sel} checked with axe-core {engine} in Chromium {browser_version} "
          f"(tags {args.tags}) in {secs:.1f} s")
    fail_idx = IMPACTS.index(args.fail_on)
    failing = 0
    if not by_rule:
        print("violations: none")
    else:
        total = sum(e["nodes"] for e in by_rule.values())
        print(f"violations: {len(by_rule)} rules, {total} elements")
        order = sorted(by_rule.items(), key=lambda kv: (-IMPACTS.index(kv[1]["impact"]), -kv[1]["nodes"]))
        for rule, e in order:
            if IMPACTS.index(e["impact"]) >= fail_idx:
                failing += e["nodes"]
            print(f"  {rule} [{e['impact']}]: {e['nodes']} elements on {len(e['pages'])} pages — {e['help']}")
            for path, target, detail in e["examples"][: args.show]:
                print(f"      {path}  {target}" + (f"\n        {detail[:160]}" if detail else ""))
    if review:
        print("needs manual review (axe 'incomplete', not failing): "
              + ", ".join(f"{k} ×{n}" for k, n in review.most_common()))
    for s in shots:
        print(f"screenshot: {s}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
