"""Lighthouse's mobile scores of four pages, served by the benchmark's server.

`make bench` installs the pinned Lighthouse into bench/.tools/ (git-ignored)
when it is not there yet; 13.x needs Node 22, 12.2.3 runs on Node 20. It runs
with its default (mobile) settings, on Debian's Chromium, headless, against
the server that applies netlify.toml's headers. The scores are reported,
never a reason for the benchmark to fail: when Lighthouse is missing or
fails, the report says why instead.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from backoffice.devserver.chromium import CHROMIUM, CHROMIUM_ARGS

BENCH = Path(__file__).resolve().parent
DEFAULT = BENCH / ".tools" / "12.2.3" / "node_modules" / ".bin" / "lighthouse"  # make bench passes its own
PAGES = {"home": "", "plans": "planove/", "calculator": "kalkulator/", "contact": "kontakti/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The audits behind the performance score, kept for a closer look (bench/raw/).
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
TIMEOUT_S = 180


def _run(command: Path, url: str, report: Path) -> dict[str, Any]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    done = subprocess.run(
        [
            str(command),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    if done.returncode or not report.exists():
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"exit {done.returncode}: {lines[-1] if lines else 'no output'}")
    return dict(json.loads(report.read_text(encoding="utf-8")))


def scores(command: Path, base_url: str, work: Path) -> dict[str, Any]:
    """Each page's four scores (0-100) and its performance metrics; or why there are none."""
    if not command.exists():
        where = command.relative_to(BENCH.parent) if command.is_relative_to(BENCH.parent) else command
        return {"error": f"Lighthouse is not installed at {where} (make bench installs it)"}
    work.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True).stdout.strip()
    pages: dict[str, Any] = {}
    for name, path in PAGES.items():
        try:
            lhr = _run(command, base_url + path, work / f"{name}.json")
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            return {"version": version, "error": f"{name} ({path or '/'}): {error}"}
        categories = lhr["categories"]
        pages[name] = {
            "path": "/" + path,
            "scores": {
                key: None if categories[key]["score"] is None else round(100 * categories[key]["score"])
                for key in CATEGORIES
            },
            "metrics": {key: lhr["audits"][key].get("numericValue") for key in METRICS},
            "warnings": lhr.get("runWarnings", []),
        }
        print(f"  {name:10s} {pages[name]['scores']}", flush=True)
    return {"version": version, "pages": pages}
