"""Edge loader: read the catalogue from the plan pages' front matter.

``docs/plans/index.md`` holds the price-list-wide data under ``catalogue:``;
every other ``docs/plans/*.md`` holds one plan under ``plan:``. MkDocs drops
front matter with YAML errors silently, so this loader parses it itself and
fails loudly, naming the file, the field and the reason on one line, in
Bulgarian (editors read it), with what to do about it.

Beside the list's data, ``catalogue.withdrawn`` names the price lists the
site no longer publishes: the site's choice, not part of any list's figures,
so it is read on its own (:func:`load_withdrawn`) and left out of the
catalogue.

Never shipped: the engine (``calculator/``) runs without PyYAML or a file system.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml

from calculator.catalogue import PRICE_LIST_ID, Catalogue, Plan
from calculator.catalogue.readers import show
from calculator.catalogue.validate import parse_plan, parse_settings
from calculator.errors import CatalogueError

_T = TypeVar("_T")

__all__ = ["load_catalogue", "load_withdrawn", "read_front_matter"]

INDEX = "index.md"
#: The key of ``catalogue:`` that names the withdrawn price lists.
WITHDRAWN = "withdrawn"


class _UniqueKeyLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships no types
    """SafeLoader that rejects a key given twice (PyYAML keeps the last one)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"полето {key!r} е написано два пъти: оставете едното", key_node.start_mark
            )
        seen.add(key)
    loader.flatten_mapping(node)
    return dict(loader.construct_pairs(node))


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# YAML 1.1 reads 4:00 as 240 (base 60), 0240 as 160 (octal), 1_240 as 1240
# and 0x10 as 16. Such numbers stay text: the validator reads 0240 as 240 and
# refuses the others by field instead of pricing with a number nobody wrote.
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")


def _construct_int(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> int | str:
    text = loader.construct_scalar(node)
    return int(text) if _PLAIN_INT.fullmatch(text) else str(text)


def _construct_float(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> float | str:
    text = loader.construct_scalar(node)
    return str(text) if "_" in text or ":" in text else float(loader.construct_yaml_float(node))


def _construct_timestamp(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> str:
    # PyYAML raises a bare ValueError for 2026-02-30, without file or line;
    # as text, the date goes to the validator, which names the field.
    return str(loader.construct_scalar(node))


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

_KEY_LINE = re.compile(
    r"(?P<indent>[ \t]*)(?:- +)?(?P<key>[^\s:#'\"-][^:#]*?)[ \t]*:(?:[ \t]+(?P<value>.*))?$"
)
# For an unclosed quote or bracket the problem is found further down; the
# line where it was opened is the one to fix.
_OPENED_AT = ("while scanning a quoted scalar", "while parsing a flow")


def _key_path(lines: list[str], index: int) -> str | None:
    """Dotted path of the key on line ``index``, read from the indentation.

    Used only for broken YAML, which has no parsed keys to name: the key on
    the line and every key above it that opens a less indented mapping.
    """
    path: list[str] = []
    limit: int | None = None
    for line in reversed(lines[: index + 1]):
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        indent = len(match["indent"])
        if limit is None or (indent < limit and not (match["value"] or "").strip()):
            path.append(match["key"])
            limit = indent
        if limit == 0:
            break
    return ".".join(reversed(path)) or None


def read_front_matter(path: Path, shown: str) -> Mapping[str, Any]:
    """Parse the YAML front matter of a Markdown file strictly.

    Args:
        path: The file.
        shown: The file name to put in error messages.

    Raises:
        CatalogueError: unreadable file, no front matter, broken YAML, or
            front matter that is not a mapping.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = f"файлът не може да се прочете ({err.__class__.__name__}): запишете го като текст в UTF-8"
        raise CatalogueError(reason, file=shown) from None
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        raise CatalogueError("няма начални данни: файлът трябва да започва с ред '---'", file=shown)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    except StopIteration:
        raise CatalogueError(
            "началните данни не са затворени: добавете ред '---' след тях", file=shown
        ) from None
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        context = getattr(err, "context", None) or ""
        if context.startswith(_OPENED_AT) and getattr(err, "context_mark", None) is not None:
            mark = err.context_mark
        where = ""
        if mark is not None:
            # The key goes into the reason: the message still starts with what happened.
            key = _key_path(lines[1:end], mark.line)
            where = f" на ред {mark.line + 2}" + (f" ({key})" if key else "")
        problem = getattr(err, "problem", None) or str(err)
        # PyYAML's own words stay: they name the character or token at fault.
        reason = f"грешка в началните данни{where}: проверете кавичките, скобите и отстъпите ({problem})"
        raise CatalogueError(reason, file=shown) from None
    if not isinstance(data, Mapping):
        raise CatalogueError("началните данни трябва да са полета във вида име: стойност", file=shown)
    return data


def _shown(path: Path, docs_dir: Path) -> str:
    # Paths relative to the docs dir's parent read like "docs/plans/osnoven.md".
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _section(path: Path, shown: str, key: str, parse: Callable[[Any, str], _T]) -> _T:
    """The front matter's `key` of the page at `path`, parsed; an error names the page."""
    front = read_front_matter(path, shown)
    if key not in front:
        raise CatalogueError("липсва задължително поле: добавете го", field=key, file=shown)
    try:
        return parse(front[key], key)
    except CatalogueError as err:
        raise err.located(shown) from None


def _settings(value: Any, field: str) -> dict[str, Any]:
    # Withdrawing a list changes no list's figures: an id must read the same
    # with or without the key, in the working tree and in every old commit.
    if isinstance(value, Mapping):
        value = {key: item for key, item in value.items() if key != WITHDRAWN}
    return parse_settings(value, field, also=(WITHDRAWN,))


def load_catalogue(docs_dir: Path, *, with_holidays: bool = True) -> Catalogue:
    """Read and validate the catalogue from ``docs_dir/plans/*.md``.

    Args:
        docs_dir: The MkDocs ``docs`` directory.
        with_holidays: Add the official days off for the effective year - 1
            to + 2 (uses the ``holidays`` package), so that
            ``Catalogue.to_dict()`` carries the calendar to the browser.

    Raises:
        CatalogueError: the first problem, with ``.file``, ``.field``,
            ``.reason`` and ``.plan`` set; ``str()`` is one line for an editor.
    """
    plans_dir = docs_dir / "plans"
    index = plans_dir / INDEX
    shown = _shown(index, docs_dir)
    if not index.is_file():
        raise CatalogueError(
            "липсва страницата с данните на ценоразписа (catalogue:): създайте я", file=shown
        )
    settings = _section(index, shown, "catalogue", _settings)
    plans: list[Plan] = []
    where: dict[str, str] = {}
    for path in sorted(plans_dir.glob("*.md")):
        if path.name == INDEX:
            continue
        shown = _shown(path, docs_dir)
        plan = _section(path, shown, "plan", parse_plan)
        if plan.id in where:
            reason = f"този id вече е на плана в {where[plan.id]}: дайте на всеки план свой"
            raise CatalogueError(reason, field="plan.id", plan=plan.id, file=shown)
        if plan.id != path.stem:
            # The menu, the cards and the tables link to a plan by its id.
            reason = f"трябва да е същото като името на файла („{path.stem}“): сменете едното от двете"
            raise CatalogueError(reason, field="plan.id", plan=plan.id, file=shown)
        where[plan.id] = shown
        plans.append(plan)
    try:
        catalogue = Catalogue(plans=tuple(plans), **settings)
    except CatalogueError as err:
        raise err.located(_shown(plans_dir, docs_dir)) from None
    if with_holidays:
        from backoffice.website.calendar_source import with_official_calendar

        catalogue = with_official_calendar(catalogue)
    return catalogue


def load_withdrawn(docs_dir: Path, current: str) -> tuple[str, ...]:
    """The ids of the withdrawn price lists (``catalogue.withdrawn``), as written; () without the key.

    Args:
        docs_dir: The MkDocs ``docs`` directory.
        current: The current list's id (``catalogue.price_list``): it cannot be withdrawn.

    Raises:
        CatalogueError: Not a list, an id of the wrong form or written twice,
            or the current list; the message names the file and the item.
    """
    index = docs_dir / "plans" / INDEX
    shown = _shown(index, docs_dir)
    section = read_front_matter(index, shown).get("catalogue")
    value = section.get(WITHDRAWN) if isinstance(section, Mapping) else None
    field = f"catalogue.{WITHDRAWN}"
    if value is None:  # no key, or the key with nothing after it
        return ()
    if not isinstance(value, list):
        reason = f'трябва да е списък от имена на ценоразписи, напр. ["2026-11"]; написано е {show(value)}'
        raise CatalogueError(reason, field=field, file=shown)
    seen: dict[str, str] = {}
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        if not isinstance(item, str):
            reason = f'трябва да е името на ценоразпис в кавички, напр. "2026-11"; написано е {show(item)}'
            raise CatalogueError(reason, field=where, file=shown)
        if not PRICE_LIST_ID.fullmatch(item):
            reason = (
                f"има неправилен вид {show(item)}: пишете името на ценоразписа, както е било в price_list "
                '(латински букви, цифри, . _ или -), напр. "2026-11"'
            )
            raise CatalogueError(reason, field=where, file=shown)
        if item in seen:
            reason = f"„{item}“ вече е написан в {seen[item]}: оставете го веднъж"
            raise CatalogueError(reason, field=where, file=shown)
        if item == current:
            reason = (
                f"„{item}“ е текущият ценоразпис (catalogue.price_list) и не може да бъде оттеглен: "
                "дайте на новите цени нов price_list и effective (може в същата промяна) и оттеглете този"
            )
            raise CatalogueError(reason, field=where, file=shown)
        seen[item] = where
    return tuple(seen)
