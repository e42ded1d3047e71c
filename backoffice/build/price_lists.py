"""Every published price list, kept reachable by the built site.

A quote link names the price list it was made under (``pl=2026-11``). When
the prices change, the link must still open with the figures it was issued
with. Editors do nothing for this: the build reads every price list from the
git history of ``docs/plans/`` and writes each one into the site.

Rules:

- A price list is the catalogue of ``docs/plans/*.md`` as committed; its id
  and date are ``catalogue.price_list`` and ``catalogue.effective`` in
  ``docs/plans/index.md``. The newest commit holding an id is that list as
  published; the working tree (uncommitted edits during ``make serve``)
  counts as newer than every commit.
- An id means one set of figures forever: if the working tree or a commit
  holds an id with other figures than an older commit holding the same id,
  the build fails ("prices changed but the price list id is still ...").
  Figures are ``Catalogue.to_dict()`` without the computed official calendar.
- A commit whose plan pages the current rules cannot read fails the build,
  naming the commit. If that list was never published (or a same-id change
  was a correction made before publication), add the commit's full hash to
  :data:`SKIPPED_COMMITS` with the reason; the build then ignores it. A list
  that was published needs a migration here instead, or its links break.
- A shallow clone lacks old lists: the build fails and says to run
  ``git fetch --unshallow`` (netlify.toml's build command does it). Outside
  git (no ``.git`` above the docs) only the current list is written, and the
  build logs that at info level.

URLs in the built site (stable: the calculator page fetches them):

- ``assets/price-lists/index.json``:
  ``{"current": "<id>", "lists": [{"id", "effective", "url"}, ...]}``,
  newest ``effective`` first; ``url`` is site-relative, as below.
- ``assets/price-lists/<id>.json``: that list as ``Catalogue.to_dict()``
  with its official calendar (the same shape as ``assets/catalogue/*.json``).

Templates get the index as ``config.extra.price_lists`` (plus ``index``, the
URL of ``index.json``).
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backoffice.build.calendar_source import with_official_calendar
from backoffice.build.sources import load_catalogue
from calculator.catalogue import Catalogue
from calculator.errors import CatalogueError

#: Folder of the price lists in the built site.
FOLDER = "assets/price-lists"
INDEX_URL = f"{FOLDER}/index.json"
#: Commits whose plan pages the build does not read: full hash -> why.
SKIPPED_COMMITS: dict[str, str] = {}
WORKING_TREE = "the working tree"
_FIELD = "catalogue.price_list"


class PriceListError(Exception):
    """A price list cannot be kept as published; the message is one line."""


@dataclass(frozen=True)
class PriceList:
    """One price list and where it was read."""

    id: str
    effective: str
    source: str  # WORKING_TREE or a short commit hash
    catalogue: Catalogue

    @property
    def url(self) -> str:
        """Site-relative URL of the list's JSON."""
        return f"{FOLDER}/{self.id}.json"


def figures(catalogue: Catalogue) -> dict[str, Any]:
    """What an id stands for: the catalogue's data without the computed calendar."""
    data = catalogue.to_dict()
    calendar = data["calendar"]
    data["calendar"] = {key: calendar[key] for key in ("declared_days_off", "working_saturdays")}
    return data


def _git(top: Path, *args: str) -> bytes:
    # safe.directory: the build may run as another user than the clone's owner
    # (CI as root); the repository is the one being built, so it is trusted.
    command = ["git", "-c", f"safe.directory={top}", "-C", str(top), *args]
    return subprocess.run(command, check=True, capture_output=True).stdout


def _work_tree(path: Path) -> Path | None:
    for folder in (path, *path.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _commit_catalogue(top: Path, commit: str, prefix: str) -> Catalogue | None:
    """The catalogue of `prefix` (e.g. ``docs/plans/``) at `commit`; None if absent there."""
    names = _git(top, "ls-tree", "-r", "--name-only", commit, "--", prefix).decode().split()
    if prefix + "index.md" not in names:
        return None
    archive = _git(top, "archive", "--format=tar", commit, "--", prefix)
    with tempfile.TemporaryDirectory() as temp:
        docs = Path(temp) / "docs"
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.endswith(".md") and "/" not in member.name[len(prefix) :]:
                    target = docs / "plans" / member.name[len(prefix) :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    extracted = tar.extractfile(member)
                    assert extracted is not None
                    target.write_bytes(extracted.read())
        return load_catalogue(docs, with_holidays=False)


# Commits never change: keep what was read across `mkdocs serve` rebuilds.
_cache: dict[tuple[str, str], Catalogue | None] = {}


def history(docs_dir: Path) -> list[tuple[str, Catalogue]] | None:
    """Catalogues of the commits that touched ``docs/plans/``, newest first.

    Returns:
        (short commit hash, catalogue) pairs, or None outside a git work tree.

    Raises:
        PriceListError: a shallow clone, or a commit the current rules cannot read.
    """
    plans = docs_dir.resolve() / "plans"
    top = _work_tree(plans)
    if top is None:
        return None
    try:
        _git(top, "rev-parse", "--verify", "--quiet", "HEAD")
    except FileNotFoundError:  # no git program: as if outside git
        return None
    except subprocess.CalledProcessError:  # a repository without commits yet
        return []
    if _git(top, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise PriceListError(
            "историята в git е непълна (плитко копие) и по-старите ценоразписи липсват: "
            "изпълнете първо `git fetch --unshallow`"
        )
    prefix = plans.relative_to(top).as_posix() + "/"
    log = _git(top, "log", "--format=%H", "HEAD", "--", prefix).decode().split()
    found = []
    for commit in log:
        if commit in SKIPPED_COMMITS:
            continue
        key = (commit, prefix)
        if key not in _cache:
            try:
                _cache[key] = _commit_catalogue(top, commit, prefix)
            except CatalogueError as error:
                raise PriceListError(
                    f"commit {commit[:12]}: ценоразписът в него не се чете по сегашните правила "
                    f"({error}); ако никога не е публикуван, добавете commit-а в SKIPPED_COMMITS "
                    "в backoffice/build/price_lists.py"
                ) from None
        catalogue = _cache[key]
        if catalogue is not None:
            found.append((commit[:12], catalogue))
    return found


def published(current: Catalogue, older: list[tuple[str, Catalogue]]) -> list[PriceList]:
    """One entry per price-list id, newest ``effective`` first.

    Args:
        current: The working tree's catalogue (with its official calendar).
        older: The committed catalogues, newest commit first.

    Raises:
        PriceListError: an id stands for two different sets of figures.
    """
    chosen: dict[str, tuple[str, Catalogue]] = {}
    since: dict[str, str] = {}  # id -> the oldest source seen so far with the chosen figures
    for source, catalogue in [(WORKING_TREE, current), *older]:
        newer = chosen.get(catalogue.price_list)
        if newer is None:
            chosen[catalogue.price_list] = (source, catalogue)
        elif figures(newer[1]) != figures(catalogue):
            changed = since[catalogue.price_list]
            raise PriceListError(
                f"docs/plans/index.md: {_FIELD}: цените са променени, а ценоразписът е все още "
                f"{catalogue.price_list} (commit {source} публикува други цифри; променени в "
                f"{'работното копие' if changed == WORKING_TREE else 'commit ' + changed}): "
                "дайте на новите цени нов price_list и нова дата в effective"
            )
        since[catalogue.price_list] = source
    lists = [
        PriceList(
            list_id,
            catalogue.effective.isoformat(),
            source,
            catalogue if source == WORKING_TREE else with_official_calendar(catalogue),
        )
        for list_id, (source, catalogue) in chosen.items()
    ]
    # Stable sort: for equal dates, the newer source stays first.
    return sorted(lists, key=lambda entry: entry.effective, reverse=True)


def index(lists: list[PriceList], current: str) -> dict[str, Any]:
    """The content of ``index.json``."""
    return {
        "current": current,
        "lists": [{"id": entry.id, "effective": entry.effective, "url": entry.url} for entry in lists],
    }


def site_files(lists: list[PriceList], current: str) -> dict[str, bytes]:
    """Site-relative path -> content, for every list and the index."""
    files = {
        entry.url: json.dumps(entry.catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()
        for entry in lists
    }
    files[INDEX_URL] = json.dumps(index(lists, current), ensure_ascii=False, sort_keys=True).encode()
    return files
