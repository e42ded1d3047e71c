"""The corpus of hostile quote links (tests/engine/data/hostile_links.txt), read for the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "hostile_links.txt"
CATEGORIES = (
    "script",
    "html",
    "url",
    "overlong",
    "unicode",
    "duplicate",
    "unknown",
    "plan",
    "number",
    "date",
    "pricelist",
    "truncated",
    "encoded",
)
LINK_PARAMS = ("v", "pl", "d", "c", "ws", "sv", "inc", "h", "vis", "km", "rt", "at", "dc", "op", "us", "dp")
# What the decoder must report (see the file's header).
UNKNOWN, WHOLE, UNPUBLISHED = "*", "-", "unpublished"


@dataclass(frozen=True)
class Hostile:
    """One line of the corpus."""

    line: int
    category: str
    expect: str
    fragment: str

    @property
    def id(self) -> str:
        return f"{self.line}-{self.category}"


def read_corpus() -> list[Hostile]:
    entries = []
    for number, text in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        if text.startswith("#"):
            continue
        category, expect, fragment = text.split("\t")
        entries.append(Hostile(number, category, expect, fragment))
    return entries
