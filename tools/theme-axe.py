#!/usr/bin/env python3
"""axe-core on a built site in dark mode and/or at phone width, plus a check for horizontal scroll.

The shared checker (sitecheck/check-a11y.py) runs light mode at 1280 px; this covers the rest:

    $SITECHECK_VENV/bin/python tools/theme-axe.py SITE_DIR [--dark] [--width 320]

Uses the sitecheck venv (selenium, selenium-axe-python) and Debian's chromium + chromium-driver.
Serves SITE_DIR on 127.0.0.1 only. Exit 1 on violations or pages wider than the window.
"""
import argparse, glob, json, os, socket, subprocess, sys, time
from pathlib import Path

import selenium_axe_python
from selenium import webdriver

ap = argparse.ArgumentParser()
ap.add_argument("site")
ap.add_argument("--dark", action="store_true")
ap.add_argument("--width", type=int, default=1280)
args = ap.parse_args()
site = os.path.abspath(args.site)

sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]; sock.close()
server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", site, str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.5)
opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/lib/chromium/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={args.width},900"):
    opts.add_argument(a)
driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
axe_js = (Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
axe_opts = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"]}
script = ("var done = arguments[arguments.length - 1];"
          "axe.run(document, %s).then(function (r) { done(r); }, function (e) { done({error: String(e)}); });"
          % json.dumps(axe_opts))
problems = 0
try:
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": args.width < 768})
    if args.dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    pages = sorted(glob.glob(site + "/**/*.html", recursive=True))
    checked = 0
    for page in pages:
        html = open(page, encoding="utf-8").read()
        if 'http-equiv="refresh"' in html:
            continue  # redirect pages leave before axe could run
        rel = "/" + os.path.relpath(page, site)
        rel = rel[:-len("index.html")] if rel.endswith("index.html") else rel
        driver.get(f"http://127.0.0.1:{port}{rel}")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > args.width:
            problems += 1
            print(f"{rel}: {width} px breit bei {args.width} px Fenster")
        driver.execute_script(axe_js)
        result = driver.execute_async_script(script)
        for violation in result.get("violations", []):
            for node in violation["nodes"]:
                problems += 1
                print(f"{rel}: {violation['id']} [{violation['impact']}] {node['target']} {node.get('failureSummary', '')[:200]}")
        checked += 1
    mode = "dunkel" if args.dark else "hell"
    print(f"theme-axe: {checked} pages, {args.width} px, {mode}: {problems} problems")
finally:
    driver.quit()
    server.terminate()
sys.exit(1 if problems else 0)
