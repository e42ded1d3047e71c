"""`make bench`: what a visitor waits for, against a bare Pyodide boot measured in the same run.

Builds the site (timed, with and without 200 extra plans), serves it
compressed with netlify.toml's headers, and loads in headless Chromium, in
rotating order, each of: the calculator page, a bare page that boots the
same Pyodide and runs ``1+1``, and a plain content page; each cold (fresh
profile) then warm (reload). Then 50 changes of the form on the live
calculator. Writes bench/results.json and the table in bench/README.md.
Figures are reported, never asserted.

Run: ``make bench`` or ``.venv/bin/python bench/run.py [--runs N] [--build-runs N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import build_bench
import report
from browser_bench import Load, measure, playwright_sees, profile_context, recalc
from playwright.sync_api import Page, sync_playwright
from server import BenchServer, serve

from backoffice.chromium import CHROMIUM
from calculator import web

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Every load's samples, for a closer look; its folder is git-ignored.
RAW = BENCH / "raw" / "results.json"

PAGES = {"bare": "bench-bare/", "live": "kalkulator/", "content": "tehnicheska-poddruzhka/"}


def calculator_url(site: Path, attribute: str) -> str:
    """The URL, from the site's root, that the built calculator page names in a `data-*` attribute."""
    html = (site / PAGES["live"] / "index.html").read_text(encoding="utf-8")
    match = re.search(f'{attribute}="([^"]+)"', html)
    if match is None:
        raise RuntimeError(f"{PAGES['live']}index.html: no {attribute}")
    return urljoin("/" + PAGES["live"], str(match.group(1)))


def add_bare_page(site: Path) -> str:
    """Copy the bare page into the built site, pointed at the calculator's own Pyodide; return its URL."""
    pyodide = calculator_url(site, "data-pyodide")
    target = site / "bench-bare"
    shutil.copytree(BENCH / "bare", target)
    page = target / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{pyodide}", pyodide), encoding="utf-8")
    return pyodide


def expected_grosses(site: Path) -> Callable[[dict[str, str]], dict[str, str]]:
    """CPython's answer to a form, to check the figures the browser shows."""
    catalogue = calculator_url(site, "data-catalogue")
    web.load_catalogue((site / catalogue.lstrip("/")).read_text(encoding="utf-8"))

    def expected(form: dict[str, str]) -> dict[str, str]:
        request = {"form": form, "bgn": False, "price_list": None, "issued": None}
        return dict(json.loads(web.answer(json.dumps(request)))["gross"])

    return expected


def engine_figures() -> dict[str, Any]:
    """bench/bench_engine.py's medians, in µs."""
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_engine.py"), "--runs", "1000"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {}
    for line in out.splitlines()[1:]:
        match = re.match(r"(.+?)\s+([\d.]+) µs", line)
        if match:
            figures[match.group(1).strip()] = float(match.group(2))
    return {"header": out.splitlines()[0], "median_us": figures}


# Whether the calculator's Worker has kept its snapshot (a restore's "&attempt" mark is no snapshot).
WARM_START_KEPT = """async () => (await (await caches.open("calculator-warm-start")).keys())
  .some((request) => !request.url.endsWith("&attempt"))"""


def wait_for_warm_start(page: Page) -> None:
    """A repeat visit is measured once the first one has kept its warm start, as a visitor's would be.

    The Worker keeps it in Cache Storage a second after the last answer; without
    this wait the reload would race it and measure a second cold start.
    """
    for _ in range(300):
        if page.evaluate(WARM_START_KEPT):
            return
        page.wait_for_timeout(100)
    raise RuntimeError("the calculator kept no warm start within 30 s")


def browser_runs(
    server: BenchServer, runs: int, site: Path
) -> tuple[list[Load], dict[str, Any], dict[str, Any]]:
    """Cold and warm loads of each page, the recalculation series, and the Playwright check."""
    url = server.url
    loads: list[Load] = []
    recalculation: dict[str, Any] = {}
    with sync_playwright() as playwright:
        # One load thrown away: the first start of Chromium after the build reads it from disk.
        with profile_context(playwright) as context:
            measure(context.pages[0], server, url + PAGES["live"], "cold", "warm-up")
        for iteration in range(runs):
            order = list(PAGES)
            order = order[iteration % 3 :] + order[: iteration % 3]  # rotate, so drift hits all alike
            for name in order:
                with profile_context(playwright) as context:
                    page = context.pages[0]
                    for cache in ("cold", "warm"):
                        loads.append(measure(page, server, url + PAGES[name], cache, name))
                        print(f"  {name:8s} {cache}: {loads[-1].done_ms:7.0f} ms", flush=True)
                        if name == "live" and cache == "cold":
                            wait_for_warm_start(page)
                    if name == "live" and iteration == runs - 1:
                        recalculation = recalc(page, expected_grosses(site), 50)
        with profile_context(playwright) as context:
            seen = playwright_sees(context.pages[0], server, url + PAGES["live"])
    return loads, recalculation, seen


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold and warm loads of each page")
    parser.add_argument("--build-runs", type=int, default=3)
    args = parser.parse_args()
    started = time.time()
    env = {
        "chromium": subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        # Tracked files changed in the working tree: the run measured them too.
        "modified": subprocess.run(
            ["git", "diff", "--name-only", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.split(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        site = work / "site"
        print(f"building the site ({args.build_runs} runs of each build)...", flush=True)
        builds = build_bench.build_times(work, site, args.build_runs)
        pyodide = add_bare_page(site)
        print("engine micro-benchmark...", flush=True)
        engine = engine_figures()
        print("compressing and serving the site...", flush=True)
        with serve(site, ROOT / "netlify.toml") as server:
            print(f"loading pages ({args.runs} cold + {args.runs} warm each)...", flush=True)
            loads, recalculation, seen = browser_runs(server, args.runs, site)
            encodings = sorted(server.accept_encodings)
    env["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    env["pyodide"] = pyodide
    env["accept_encoding"] = encodings
    env["bench_s"] = round(time.time() - started)
    results = report.results(loads, recalculation, seen, builds, engine, env)
    write_json(BENCH / "results.json", report.committed(results))
    write_json(RAW, results)
    report.write_readme(BENCH / "README.md", results)
    print(report.table(results))
    print(f"bench/results.json, bench/README.md and bench/raw/results.json written ({env['bench_s']} s)")


if __name__ == "__main__":
    main()
