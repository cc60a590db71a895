#!/usr/bin/env python3
"""tests/report/report_browser_test.py: battc's HTML report in a real browser.

Runs the demo with one program changed (so a task has wrong predictions) and
--html, then opens the report in headless Chromium: the DOM after the page's
scripts ran must list every task, draw every grid with h*w cells, and mark
wrong cells of the wrong prediction; a screenshot is written beside it.
Without Chromium (`chromium`, or $BATTC_CHROMIUM) it prints [SKIP].

Usage: report_browser_test.py BATTC DEMO_DIR WORK_DIR
"""
import html.parser
import os
import shutil
import subprocess
import sys


class Dom(html.parser.HTMLParser):
    """Counts what the checks need: task rows, grids and their cells."""

    def __init__(self):
        super().__init__()
        self.rows = []            # data-task of each index row
        self.grids = []           # [h, w, cells seen]
        self.wrong = 0
        self.h2 = ""
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "tr" and "task-row" in cls:
            self.rows.append(a.get("data-task"))
        if tag == "div" and "grid" in cls:
            self.grids.append([int(a["data-h"]), int(a["data-w"]), 0])
        if tag == "div" and "cell" in cls:
            self.grids[-1][2] += 1
            self.wrong += "wrong" in cls
        if tag == "h2":
            self._in_h2 = True

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.h2 += data


def main():
    battc, demo, work = sys.argv[1:4]
    chromium = os.environ.get("BATTC_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("[SKIP] no Chromium (Debian's chromium package; or set BATTC_CHROMIUM): the report was not opened")
        return 0
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # solve_mirror_rows turned into the wrong mirror: mirror_rows is unsolved
    # and its best programs' predictions have wrong cells.
    src = open(os.path.join(demo, "programs.py")).read()
    assert "O = vmirror(I)" in src, "the demo's solve_mirror_rows changed: update this test"
    changed = os.path.join(work, "programs.py")
    open(changed, "w").write(src.replace("O = vmirror(I)", "O = hmirror(I)"))
    out = os.path.join(work, "out")
    subprocess.run([battc, "run", "--quiet", "--tasks", demo, "--programs", changed, "--out", out, "--html"],
                   check=True, stdout=subprocess.DEVNULL)
    page = "file://" + os.path.abspath(os.path.join(out, "report.html")) + "#task=mirror_rows"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1400,1000"]
    dom_text = subprocess.run([chromium, *flags, "--dump-dom", page], check=True, capture_output=True,
                              text=True, timeout=120).stdout
    shot = os.path.join(work, "report.png")
    subprocess.run([chromium, *flags, "--screenshot=" + shot, page], check=True, capture_output=True, timeout=120)

    dom = Dom()
    dom.feed(dom_text)
    failures = []
    tasks = sorted(f[:-5] for f in os.listdir(demo) if f.endswith(".json"))
    if sorted(dom.rows) != tasks:
        failures.append(f"index rows {sorted(dom.rows)} != tasks {tasks}")
    if "mirror_rows" not in dom.h2:
        failures.append(f"the detail shows {dom.h2!r}, not mirror_rows")
    if len(dom.grids) < 6:
        failures.append(f"only {len(dom.grids)} grids drawn")
    bad = [g for g in dom.grids if g[0] * g[1] != g[2]]
    if bad:
        failures.append(f"grids whose cell count is not h*w: {bad[:3]}")
    if dom.wrong == 0:
        failures.append("no wrong cell marked on the wrong prediction")
    if not os.path.exists(shot) or os.path.getsize(shot) < 10_000:
        failures.append("no screenshot")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(dom.rows)} tasks listed, {len(dom.grids)} grids, {dom.wrong} wrong cells marked; screenshot {shot}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
