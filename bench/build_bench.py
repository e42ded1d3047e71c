"""`mkdocs build` of the site, and of the same site with 200 more plans.

Three builds, each timed as a whole process (Python start-up and imports
included, as an editor or Netlify waits for them):

- ``repo``: the repository as it is (``mkdocs build --strict``), with the
  price lists read from the git history of docs/plans/; its output is the
  site the browser benchmark serves;
- ``copy``: a copy of docs/ outside git (same config, hooks and overrides),
  so only the current price list is written: the like-for-like reference for
- ``plans_200``: that copy plus 200 generated plan pages, made from the
  existing plan pages (every kind) with new ids, names and orders. They are
  not in mkdocs.yml's nav, which MkDocs reports at info level only, so the
  build stays ``--strict``.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


def build(config: Path, site_dir: Path) -> float:
    """Run one strict build; return its wall time in seconds."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"mkdocs build failed ({config}):\n{done.stdout}{done.stderr}")
    return elapsed


def copy_project(dest: Path) -> Path:
    """A copy of docs/ and mkdocs.yml outside git, hooks and overrides linked; return its config."""
    dest.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    return dest / "mkdocs.yml"


def add_plans(docs: Path, count: int) -> None:
    """Write `count` plan pages, each a copy of an existing one under a new id, name and order."""
    pages = sorted(path for path in (docs / "plans").glob("*.md") if path.name != "index.md")
    sources = [path.read_text(encoding="utf-8") for path in pages]
    for number in range(1, count + 1):
        text = sources[number % len(sources)]
        name = f"Бенчмарк план {number}"
        text = re.sub(r"(?m)^  id: .*$", f"  id: bench-{number:03d}", text, count=1)
        text = re.sub(r"(?m)^  name: .*$", f"  name: {name}", text, count=1)
        text = re.sub(r"(?m)^  order: .*$", f"  order: {100 + number}", text, count=1)
        text = re.sub(r"(?m)^title: .*$", f"title: {name}", text, count=1)
        text = re.sub(r"(?m)^# .*$", f"# {name}", text, count=1)
        (docs / "plans" / f"bench-{number:03d}.md").write_text(text, encoding="utf-8")


def build_times(work: Path, site_dir: Path, runs: int, extra_plans: int = 200) -> dict[str, object]:
    """Time `runs` builds of each kind, alternating them; `site_dir` gets the repository's build."""
    copy = copy_project(work / "copy")
    plans = copy_project(work / "plans")
    add_plans(plans.parent / "docs", extra_plans)
    times: dict[str, list[float]] = {"repo": [], "copy": [], "plans_200": []}
    for _ in range(runs):
        times["repo"].append(build(ROOT / "mkdocs.yml", site_dir))
        times["copy"].append(build(copy, work / "copy-site"))
        times["plans_200"].append(build(plans, work / "plans-site"))
    pages = {
        "copy": sum(1 for _ in (work / "copy-site").rglob("index.html")),
        "plans_200": sum(1 for _ in (work / "plans-site").rglob("index.html")),
    }
    medians = {name: round(statistics.median(values), 2) for name, values in times.items()}
    return {
        "runs": runs,
        "build_s": medians["repo"],
        "build_copy_s": medians["copy"],
        "build_200_plans_s": medians["plans_200"],
        "plans_200_vs_copy": round(medians["plans_200"] / medians["copy"], 2),
        "pages": pages,
        "all_s": {name: [round(v, 2) for v in values] for name, values in times.items()},
    }
