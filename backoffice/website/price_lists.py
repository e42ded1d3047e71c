"""Every published price list, kept reachable by the built site.

A quote link names the price list it was made under (``pl=2026-11``). When
the prices change, the link must still open with the figures it was issued
with, whatever the build has of the git history.

Where the lists come from:

- The working tree's catalogue (``docs/plans/*.md``; its id and date are
  ``catalogue.price_list`` and ``catalogue.effective`` in
  ``docs/plans/index.md``): the current list.
- The git history of ``docs/plans/``: the newest commit holding an id is that
  list as published; the working tree counts as newer than every commit.
- The archive, ``price-lists/`` beside ``docs/`` (the repository's root):
  ``index.json`` names every list ever published (``{"lists": [ids]}``,
  newest ``effective`` first) and ``<id>.json`` holds each one's figures.
  It lives outside ``docs/`` so that MkDocs neither publishes nor watches it,
  and outside ``docs/plans/`` so that the plans' history and loader do not
  see it; it is in the repository so that a build without history has it.

Rules:

- A build with git history writes into the archive every list it publishes
  that the archive lacks (and rewrites the index); the editor commits those
  files with the price change. The working tree's list, while no commit
  holds its id, is a draft: the archive follows its edits.
- A build without git history (outside git: a ``git archive`` export; or a
  shallow clone) writes nothing and publishes the archived lists and the
  current one. A list named by the archive's index whose file is missing or
  unreadable fails the build, naming the list and the file. A file the
  index does not name fails it too. A squashed history is history: the
  archived lists it no longer holds are published from the archive.
- An id means one set of figures forever: if the working tree, a commit or
  the archive holds an id with other figures than another of them, the build
  fails. Figures are ``Catalogue.to_dict()`` without the computed official
  calendar (what the archive's files hold).
- A withdrawn list (its id in ``catalogue.withdrawn`` of the working tree's
  ``docs/plans/index.md``, read by
  :func:`backoffice.website.sources.load_withdrawn`) is not published, whether
  the history, the archive or both hold it, and is never restored from
  them; its figures are not compared either. A build with git history
  deletes its file from the archive and drops it from the index (the editor
  commits that with the change); a build without history writes nothing,
  and an archive that still names or holds it is not an error. The current
  list cannot be withdrawn (the loader refuses it). Any list not withdrawn
  is kept as above: withdrawing is the only way a published list leaves
  the site.
- A commit whose plan pages the current rules cannot read fails the build,
  naming the commit. If that list was never published (or a same-id change
  was a correction made before publication), add the commit's full hash to
  :data:`SKIPPED_COMMITS` with the reason; the build then ignores it. A list
  that was published needs a migration here instead, or its links break.

URLs in the built site (stable: the calculator page fetches them):

- ``assets/price-lists/index.json``:
  ``{"current": "<id>", "lists": [{"id", "effective", "url"}, ...],
  "withdrawn": ["<id>", ...]}``, ``lists`` newest ``effective`` first,
  ``withdrawn`` as ``catalogue.withdrawn`` has them (the calculator page
  tells a link of a withdrawn list from one of an unknown list by it);
  ``url`` is site-relative, as below.
- ``assets/price-lists/<id>.json``: that list as ``Catalogue.to_dict()``
  with its official calendar (the same shape as ``assets/catalogue/*.json``).

Templates get the index as ``config.extra.price_lists`` (plus ``index``, the
URL of ``index.json``).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backoffice.website.calendar_source import with_official_calendar
from backoffice.website.sources import load_catalogue
from calculator.catalogue import Catalogue
from calculator.errors import CatalogueError

#: Folder of the price lists in the built site.
FOLDER = "assets/price-lists"
INDEX_URL = f"{FOLDER}/index.json"
#: The archive's folder, beside ``docs/`` (see the module's docstring).
ARCHIVE = "price-lists"
ARCHIVE_INDEX = "index.json"
#: What the build tells when it has no history to read.
NO_HISTORY = "няма git история на docs/plans: публикуват се ценоразписите от архива price-lists/ и текущият"
SHALLOW = "плитко копие в git: публикуват се ценоразписите от архива price-lists/ и текущият"
#: Commits whose plan pages the build does not read: full hash -> why.
SKIPPED_COMMITS: dict[str, str] = {}
WORKING_TREE = "the working tree"
_FIELD = "catalogue.price_list"


class PriceListError(Exception):
    """A price list cannot be kept as published; the message is one line."""


class ShallowClone(PriceListError):
    """The clone lacks the older commits."""


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
        ShallowClone: a shallow clone.
        PriceListError: a commit the current rules cannot read.
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
        raise ShallowClone(
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
                    "в backoffice/website/price_lists.py"
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


def index(lists: list[PriceList], current: str, withdrawn: Sequence[str] = ()) -> dict[str, Any]:
    """The content of ``index.json``."""
    return {
        "current": current,
        "lists": [{"id": entry.id, "effective": entry.effective, "url": entry.url} for entry in lists],
        "withdrawn": list(withdrawn),
    }


def site_files(lists: list[PriceList], current: str, withdrawn: Sequence[str] = ()) -> dict[str, bytes]:
    """Site-relative path -> content, for every list and the index."""
    files = {
        entry.url: json.dumps(entry.catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()
        for entry in lists
    }
    content = index(lists, current, withdrawn)
    files[INDEX_URL] = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    return files


def archive_dir(docs_dir: Path) -> Path:
    """The archive of published price lists: ``price-lists/`` beside ``docs/``."""
    return docs_dir.resolve().parent / ARCHIVE


def archive_text(catalogue: Catalogue) -> str:
    """A list's file in the archive: its figures, one key a line, for readable diffs."""
    return json.dumps(figures(catalogue), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _index_text(ids: list[str]) -> str:
    return json.dumps({"lists": ids}, ensure_ascii=False, indent=2) + "\n"


_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")


def read_archive(folder: Path, withdrawn: Collection[str] = ()) -> dict[str, Catalogue]:
    """The archived lists, in the index's order (no official calendar), but the withdrawn ones.

    A withdrawn list is neither read nor checked: its file may be there or
    gone, named by the index or not (a build without history leaves the
    archive as it was).

    Raises:
        PriceListError: The index is unreadable, names a list whose file is
            missing or unreadable, or a list's file is not in the index.
    """
    index_name = f"{ARCHIVE}/{ARCHIVE_INDEX}"
    names = (
        sorted(p.name for p in folder.glob("*.json") if p.name != ARCHIVE_INDEX) if folder.is_dir() else []
    )
    if not (folder / ARCHIVE_INDEX).is_file():
        if names:
            raise PriceListError(
                f"{index_name}: липсва, а архивът има ценоразписи ({', '.join(names)}); върнете го от git"
            )
        return {}
    try:
        ids = json.loads((folder / ARCHIVE_INDEX).read_text(encoding="utf-8"))["lists"]
        if not isinstance(ids, list) or not all(isinstance(i, str) and _ID.fullmatch(i) for i in ids):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise PriceListError(
            f'{index_name}: не се чете (очаква се {{"lists": ["<id>", ...]}}); върнете го от git'
        ) from None
    found: dict[str, Catalogue] = {}
    for list_id in ids:
        if list_id in withdrawn:
            continue
        name = f"{ARCHIVE}/{list_id}.json"
        path = folder / f"{list_id}.json"
        if not path.is_file():
            raise PriceListError(
                f"{name}: липсва, а {index_name} води ценоразпис {list_id} като публикуван; без файла "
                f"старите връзки към {list_id} ще се отварят с днешните цени: върнете го от git "
                f"(git checkout -- {name})"
            )
        try:
            catalogue = Catalogue.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, AttributeError, CatalogueError) as error:
            raise PriceListError(
                f"{name}: ценоразпис {list_id} не се чете ({error}); върнете го от git"
            ) from None
        if catalogue.price_list != list_id:
            raise PriceListError(
                f"{name}: файлът е на ценоразпис {catalogue.price_list}, а трябва да е на {list_id}; "
                "върнете го от git"
            )
        found[list_id] = catalogue
    stray = [name for name in names if name.removesuffix(".json") not in (*found, *withdrawn)]
    if stray:
        raise PriceListError(
            f"{ARCHIVE}/{stray[0]}: ценоразписът не е в {index_name}; ако е публикуван, добавете го там, "
            "иначе изтрийте файла"
        )
    return found


def keep(
    docs_dir: Path, current: Catalogue, withdrawn: Sequence[str] = ()
) -> tuple[list[PriceList], tuple[str, ...]]:
    """The lists the site publishes, and what the build tells at info level.

    With git history, writes into the archive what it lacks and deletes from
    it what is withdrawn (see the module).

    Args:
        docs_dir: The pages (``docs/``); the archive is beside them.
        current: The working tree's catalogue (with its official calendar).
        withdrawn: The ids never to publish (``catalogue.withdrawn``); the
            current list's id is never among them (the loader refuses it).

    Raises:
        PriceListError: A list cannot be published as it was, or an id
            stands for two sets of figures; the message names the file.
    """
    folder = archive_dir(docs_dir)
    archived = read_archive(folder, withdrawn)
    notes: tuple[str, ...] = ()
    try:
        older = history(docs_dir)
    except ShallowClone:
        older, notes = None, (SHALLOW,)
    if older is None and not notes:
        notes = (NO_HISTORY,)
    if older is not None:
        # Never restored from history: as if no commit had held it.
        older = [(source, catalogue) for source, catalogue in older if catalogue.price_list not in withdrawn]
    lists = published(current, older or [])
    committed: dict[str, tuple[str, Catalogue]] = {}
    for source, catalogue in reversed(older or []):  # the newest commit holding an id wins
        committed[catalogue.price_list] = (source, catalogue)
    drafts = []
    for list_id, catalogue in archived.items():
        name = f"{ARCHIVE}/{list_id}.json"
        if list_id in committed:
            source, figures_of = committed[list_id][0], figures(committed[list_id][1])
        elif list_id == current.price_list:
            source, figures_of = WORKING_TREE, figures(current)
        else:
            continue
        if figures(catalogue) == figures_of:
            continue
        if source != WORKING_TREE:
            raise PriceListError(
                f"{name}: ценоразпис {list_id} в архива има други цифри от публикуваните в commit {source}; "
                f"един ценоразпис е едни цифри завинаги: върнете файла от git (git checkout -- {name})"
            )
        if older is None:
            raise PriceListError(
                f"docs/plans/index.md: {_FIELD}: цените са променени, а ценоразписът е все още {list_id} "
                f"({name} пази други цифри): дайте на новите цени нов price_list и нова дата в effective"
            )
        drafts.append(list_id)  # never committed: the archive follows the working tree
    known = {entry.id for entry in lists}
    extra = [
        (f"{ARCHIVE}/{list_id}.json", catalogue)
        for list_id, catalogue in archived.items()
        if list_id not in known
    ]
    if extra:
        lists = published(current, [*(older or []), *extra])
    if older is None:
        return lists, notes

    removed = []
    for list_id in withdrawn:
        path = folder / f"{list_id}.json"
        if path.is_file():
            path.unlink()
            removed.append(f"{ARCHIVE}/{list_id}.json")
    written = []
    for entry in lists:
        if entry.id not in archived or entry.id in drafts:
            folder.mkdir(exist_ok=True)
            (folder / f"{entry.id}.json").write_text(archive_text(entry.catalogue), encoding="utf-8")
            written.append(f"{ARCHIVE}/{entry.id}.json")
    index_text = _index_text([entry.id for entry in lists])
    index_path = folder / ARCHIVE_INDEX
    index_written = (
        bool(written) or not index_path.is_file() or index_path.read_text(encoding="utf-8") != index_text
    )
    if index_written:
        folder.mkdir(exist_ok=True)
        index_path.write_text(index_text, encoding="utf-8")
    index_name = f"{ARCHIVE}/{ARCHIVE_INDEX}"
    if removed:
        # The index is rewritten for the withdrawal: it goes with it in one note.
        notes += (
            "оттеглено (catalogue.withdrawn) и махнато от архива на ценоразписите (commit-нете го с "
            f"промяната на docs/plans/index.md): изтрито {', '.join(removed)}"
            + (f"; записано {index_name}" if index_written and not written else ""),
        )
    if written or (index_written and not removed):
        notes += (
            "записано в архива на ценоразписите (commit-нете го с промяната на цените): "
            + ", ".join([*written, index_name] if index_written else written),
        )
    return lists, notes


def find(docs_dir: Path, list_id: str, withdrawn: Collection[str] = ()) -> Catalogue | None:
    """A published list by its id, from the archive or else the git history; None if neither has it.

    The catalogue comes without its official calendar. A broken archive or
    history counts as lacking the list; a withdrawn one is never found (the
    caller, which has ``withdrawn``, tells the two apart).
    """
    if list_id in withdrawn:
        return None
    try:
        catalogue = read_archive(archive_dir(docs_dir), withdrawn).get(list_id)
    except PriceListError:
        catalogue = None
    if catalogue is not None:
        return catalogue
    try:
        older = history(docs_dir) or []
    except PriceListError:
        return None
    return next((catalogue for _, catalogue in older if catalogue.price_list == list_id), None)
