"""`make bench`: what a visitor waits for, against a bare boot of the stock Pyodide measured in the same run.

Builds the site (timed, with and without 200 extra plans), serves it with
netlify.toml's headers, compressed where Netlify compresses, and loads in
headless Chromium:

- on the desktop profile (the machine as it is), in rotating order: the
  calculator page, a bare page that boots the site's own Pyodide and runs
  ``1+1``, the same bare page booting the stock Pyodide (the npm package's
  files, untouched), and a plain content page; each cold (fresh profile),
  then warm (reload) but for the stock page;
- on the phone profile (browser_bench.PHONE_NETWORK, CPU 4x slower), cold
  loads, in rotating order, of the calculator, the stock bare page, and the
  stock bare page with its WebAssembly and zip brotli-compressed as if
  Netlify compressed every type;

then 50 changes of the form on the live calculator, an offer link's check
inside the site's Pyodide (bench/offer_bench.py), and Lighthouse (mobile)
on four pages. Writes bench/results.json and the table in bench/README.md.
Figures are reported, never asserted.

Run: ``make bench`` or ``.venv/bin/python bench/run.py [--runs N] [--phone-runs N]
[--build-runs N] [--lighthouse PATH]``. ``--only offer`` builds the site
once and times the offer link's check alone: it prints its figures and
writes nothing.
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
import lighthouse
import offer_bench
import report
from browser_bench import Load, measure, playwright_sees, profile_context, recalc
from playwright.sync_api import Page, sync_playwright
from server import ALL_COMPRESSED_UNDER, BenchServer, serve

from backoffice.devserver.chromium import CHROMIUM
from calculator.page import web

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Every load's samples, for a closer look; its folder is git-ignored.
RAW = BENCH / "raw" / "results.json"

PAGES = {
    "bare": "bench-bare/",
    "stock": "bench-stock/",
    "live": "kalkulator/",
    "content": "tehnicheska-poddruzhka/",
}
# The stock page again, its WebAssembly and zip served brotli-compressed as if
# Netlify compressed them (bench/server.py): on the phone only.
STOCK_BR = ALL_COMPRESSED_UNDER.lstrip("/")
# The stock page's baseline is its cold boot: no warm load of it.
CACHES = {name: ("cold",) if name == "stock" else ("cold", "warm") for name in PAGES}
# The npm package's runtime, untouched: served beside the site as the stock baseline.
STOCK_PYODIDE = ROOT / "node_modules" / "pyodide"


def calculator_url(site: Path, attribute: str) -> str:
    """The URL, from the site's root, that the built calculator page names in a `data-*` attribute."""
    html = (site / PAGES["live"] / "index.html").read_text(encoding="utf-8")
    match = re.search(f'{attribute}="([^"]+)"', html)
    if match is None:
        raise RuntimeError(f"{PAGES['live']}index.html: no {attribute}")
    return urljoin("/" + PAGES["live"], str(match.group(1)))


def add_bare_page(site: Path, folder: str, pyodide: str) -> None:
    """Copy the bare page into the built site as `folder`, pointed at the Pyodide at URL `pyodide`."""
    target = site / folder
    shutil.copytree(BENCH / "bare", target)
    page = target / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{pyodide}", pyodide), encoding="utf-8")


def calculator_wheels(site: Path) -> list[str]:
    """The wheels' URLs, from the site's root, that the built calculator page names (`data-wheels`)."""
    html = (site / PAGES["live"] / "index.html").read_text(encoding="utf-8")
    match = re.search('data-wheels="([^"]*)"', html)
    if match is None or not match.group(1).split():
        raise RuntimeError(f"{PAGES['live']}index.html: no data-wheels")
    return [urljoin("/" + PAGES["live"], wheel) for wheel in match.group(1).split()]


def add_offer_page(site: Path, pyodide: str) -> dict[str, Any]:
    """The offer page on the site's Pyodide and wheels; return its job, on the site's price list."""
    offer_bench.add_offer_page(site, pyodide, calculator_wheels(site))
    catalogue = calculator_url(site, "data-catalogue")
    return offer_bench.job((site / catalogue.lstrip("/")).read_text(encoding="utf-8"))


def add_bare_pages(site: Path) -> str:
    """The bare page on the site's own Pyodide and on the stock one (copied in); return the site's URL."""
    pyodide = calculator_url(site, "data-pyodide")
    add_bare_page(site, PAGES["bare"], pyodide)
    for folder in (PAGES["stock"], STOCK_BR):
        add_bare_page(site, folder, f"/{folder}pyodide/")
        shutil.copytree(STOCK_PYODIDE, site / folder / "pyodide")
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


def rotated(names: list[str], iteration: int) -> list[str]:
    """`names` started at a different one each iteration, so that the machine's drift hits all alike."""
    shift = iteration % len(names)
    return names[shift:] + names[:shift]


def browser_runs(
    server: BenchServer, runs: int, phone_runs: int, site: Path
) -> tuple[list[Load], dict[str, Any], dict[str, Any]]:
    """Desktop and phone loads of each page, the recalculation series, and the Playwright check."""
    url = server.url
    loads: list[Load] = []
    recalculation: dict[str, Any] = {}
    with sync_playwright() as playwright:
        # One load thrown away: the first start of Chromium after the build reads it from disk.
        with profile_context(playwright) as context:
            measure(context.pages[0], server, url + PAGES["live"], "cold", "warm-up")
        print(f"desktop: {runs} cold loads of each page, and warm ones of all but the stock page", flush=True)
        for iteration in range(runs):
            for name in rotated(list(PAGES), iteration):
                with profile_context(playwright) as context:
                    page = context.pages[0]
                    for cache in CACHES[name]:
                        loads.append(measure(page, server, url + PAGES[name], cache, name))
                        print(f"  {name:8s} {cache}: {loads[-1].done_ms:7.0f} ms", flush=True)
                        if name == "live" and cache == "cold":
                            wait_for_warm_start(page)
                    if name == "live" and iteration == runs - 1:
                        recalculation = recalc(page, expected_grosses(site), 50)
        print(
            f"phone: {phone_runs} cold loads of the calculator and of the stock page (as served, "
            "and with its WebAssembly and zip compressed), in turn",
            flush=True,
        )
        phone_pages = {"live": PAGES["live"], "stock": PAGES["stock"], "stock_br": STOCK_BR}
        for iteration in range(phone_runs):
            for name in rotated(list(phone_pages), iteration):
                with profile_context(playwright) as context:
                    page_url = url + phone_pages[name]
                    loads.append(measure(context.pages[0], server, page_url, "cold", name, "phone"))
                    print(f"  {name:8s} cold: {loads[-1].done_ms:7.0f} ms", flush=True)
        with profile_context(playwright) as context:
            seen = playwright_sees(context.pages[0], server, url + PAGES["live"])
    return loads, recalculation, seen


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def offer_only() -> None:
    """`--only offer`: one build, then the offer link's check in Pyodide; prints it, writes nothing."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp) / "site"
        print("building the site...", flush=True)
        build_bench.build(ROOT / "mkdocs.yml", site)
        work = add_offer_page(site, calculator_url(site, "data-pyodide"))
        with serve(site, ROOT / "netlify.toml") as server:
            print(f"offer link's check: {work['runs']} runs in Pyodide (desktop) and in CPython", flush=True)
            try:
                offer = offer_bench.measure(server.url, work)
            except RuntimeError as error:
                sys.exit(f"bench: {error}")
    print(json.dumps(offer, indent=2))
    print(report.offer_table(offer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="desktop: cold and warm loads of each page")
    parser.add_argument("--phone-runs", type=int, default=5, help="phone: cold loads of each page")
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument(
        "--lighthouse",
        type=Path,
        default=lighthouse.DEFAULT,
        help="the Lighthouse command (make bench installs it)",
    )
    parser.add_argument(
        "--only",
        choices=["offer"],
        help="measure only this (offer: the offer link's check in Pyodide), print it, write nothing",
    )
    args = parser.parse_args()
    if args.only == "offer":
        offer_only()
        return
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
        pyodide = add_bare_pages(site)
        offer_job = add_offer_page(site, pyodide)
        print("engine micro-benchmark...", flush=True)
        engine = engine_figures()
        print("compressing and serving the site...", flush=True)
        with serve(site, ROOT / "netlify.toml") as server:
            try:
                loads, recalculation, seen = browser_runs(server, args.runs, args.phone_runs, site)
                print(f"offer link's check: {offer_job['runs']} runs in Pyodide (desktop)", flush=True)
                offer = offer_bench.measure(server.url, offer_job)
            except RuntimeError as error:  # a page that never answered: say which, end the run
                sys.exit(f"bench: {error}")
            encodings = sorted(server.accept_encodings)
            print("Lighthouse (mobile)...", flush=True)
            scores = lighthouse.scores(args.lighthouse, server.url, work / "lighthouse")
    env["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    env["pyodide"] = pyodide
    env["accept_encoding"] = encodings
    env["bench_s"] = round(time.time() - started)
    results = report.results(loads, recalculation, seen, builds, engine, offer, scores, env)
    write_json(BENCH / "results.json", report.committed(results))
    write_json(RAW, results)
    report.write_readme(BENCH / "README.md", results)
    print(report.table(results))
    print(f"bench/results.json, bench/README.md and bench/raw/results.json written ({env['bench_s']} s)")


if __name__ == "__main__":
    main()
