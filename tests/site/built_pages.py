"""A built site read as a visitor's browser reads it: its pages, their links, ids, descriptions and tables."""

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml


class _Page(HTMLParser):
    """The links, element ids, meta description and table cells of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.description: str | None = None
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "meta" and found.get("name") == "description":
            self.description = found.get("content")
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site_dir: Path) -> dict[str, Path]:
    """Site URL path (``planove/premium/``) -> built file, for every page but the 404."""
    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative != "404.html":
            found[relative.removesuffix("index.html")] = path
    return found


def front_matter(source: Path) -> dict[str, Any]:
    text = source.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def sources(docs: Path) -> dict[str, Path]:
    """Site URL path -> Markdown source, for the pages `docs` publishes."""
    found = {}
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs).as_posix()
        if relative == "REDAKTORI.md":  # excluded from the site (mkdocs.yml exclude_docs)
            continue
        stem = relative.removesuffix(".md")
        url = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
        # The plan pages' Bulgarian URL (hooks/site_hooks.py on_files).
        found[url.replace("plans/", "planove/", 1) if url.startswith("plans/") else url] = source
    return found


def walk(data: object) -> list[tuple[str, object]]:
    """Every (key, value) of a JSON document, at any depth."""
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in [(key, value), *walk(value)]]
    if isinstance(data, list):
        return [pair for value in data for pair in walk(value)]
    return []


def json_ld(path: Path) -> list[dict[str, Any]]:
    html = path.read_text(encoding="utf-8")
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def numbers(text: str) -> set[Decimal]:
    return {Decimal(number.replace(",", ".")) for number in re.findall(r"\d+(?:[.,]\d+)?", text)}
