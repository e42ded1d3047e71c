"""The tests' own site: today's code with the content frozen under ``tests/content/``.

Tests that need literal figures (a price, a plan id, the company's phone)
build this repository, never the live ``docs/`` and ``mkdocs.yml``: an
editor's change to the live content must not turn them red. What the
content is, and what is the product's, is decided here:

- ``mkdocs.yml``: the keys in :data:`CONTENT_KEYS` are content and come from
  ``tests/content/mkdocs.yml``; every other setting (theme, extensions,
  hooks, scripts) is the product's and comes from the live file, so the
  tests build with today's configuration;
- ``docs/``: scripts and styles (:data:`CODE_SUFFIXES`) are the product's;
  pages and images are content;
- ``price-lists/`` is content; ``overrides/`` and ``hooks/`` are the
  product's (linked, not copied).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tests" / "content"

#: mkdocs.yml's keys (dotted) that belong to the company running the site.
CONTENT_KEYS = (
    "site_name",
    "site_description",
    "site_url",
    "repo_url",
    "edit_uri",
    "copyright",
    "nav",
    "not_in_nav",
    "extra.company",
    "extra.offers",
)
#: Files under docs/ that are the product's code, whatever the content.
CODE_SUFFIXES = (".js", ".css")
#: Folders of the repository the build reads as they are.
CODE_FOLDERS = ("overrides", "hooks")


def _without(node: yaml.MappingNode, key: str) -> None:
    node.value = [(k, v) for k, v in node.value if k.value != key]


def child(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    """The value of `key` in a mapping node, or None."""
    return next((v for k, v in node.value if k.value == key), None)


def config_text(live: str, content: str) -> str:
    """mkdocs.yml of a site whose settings are `live`'s and whose content keys are `content`'s.

    Both are mkdocs.yml texts. A content key `content` lacks is left out too,
    so nothing of the live company reaches the result. Nodes are moved as
    they are (tags too: the live file's ``!!python/object/apply`` stays).
    """
    target = yaml.compose(live, Loader=yaml.SafeLoader)
    source = yaml.compose(content, Loader=yaml.SafeLoader)
    assert isinstance(target, yaml.MappingNode) and isinstance(source, yaml.MappingNode)
    for dotted in CONTENT_KEYS:
        *parents, key = dotted.split(".")
        into, take_from = target, source
        for parent in parents:
            found = child(into, parent)
            if not isinstance(found, yaml.MappingNode):
                found = yaml.MappingNode("tag:yaml.org,2002:map", [])
                into.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", parent), found))
            into = found
            given = child(take_from, parent) if take_from is not None else None
            take_from = given if isinstance(given, yaml.MappingNode) else None
        value = child(take_from, key) if take_from is not None else None
        if value is None:
            _without(into, key)
        elif child(into, key) is None:
            into.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", key), value))
        else:  # in its place, so that the file reads in the live one's order
            into.value = [(k, value if k.value == key else v) for k, v in into.value]
    text: str = yaml.serialize(target, allow_unicode=True)
    return text


def make_repository(target: Path, content: Path = CONTENT) -> Path:
    """A repository at `target` with the content of `content` and the live repository's code.

    `content` holds ``mkdocs.yml`` (its content keys), ``docs/`` (pages and
    images) and ``price-lists/``. The result is outside git: its build
    publishes the archived price lists and the current one.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content / "docs", target / "docs")
    live_docs = ROOT / "docs"
    for path in sorted(live_docs.rglob("*")):
        if path.is_file() and path.suffix in CODE_SUFFIXES:
            copy = target / "docs" / path.relative_to(live_docs)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    if (content / "price-lists").is_dir():
        shutil.copytree(content / "price-lists", target / "price-lists")
    live = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    own = (content / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config_text(live, own), encoding="utf-8")
    for name in CODE_FOLDERS:
        (target / name).symlink_to(ROOT / name, target_is_directory=True)
    return target
