"""Small text helpers for the HTML the renderer writes."""

from __future__ import annotations

__all__ = ["escape", "sentence"]

# The five characters that matter in element text and quoted attributes.
# The standard library's `html.escape` does the same, but importing `html`
# loads its table of entities, which costs a visible 40 ms when Pyodide boots.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """`text` safe inside HTML element content and quoted attribute values."""
    return text.translate(_ESCAPES)


def sentence(text: str) -> str:
    """`text` with its first letter in capitals (names inside keep theirs)."""
    return text[:1].upper() + text[1:]
