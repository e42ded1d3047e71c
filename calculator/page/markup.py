"""Small text helpers for the HTML the renderer writes."""

from __future__ import annotations

__all__ = ["escape", "sentence"]

# The five characters that matter in element text and quoted attributes.
# The standard library's `html.escape` does the same, but importing `html`
# loads its table of entities, which costs a visible 40 ms when Pyodide boots.
# A chain of replace() is several times faster than str.translate with a
# table, and an answer escapes some 200 texts.


def escape(text: str) -> str:
    """`text` safe inside HTML element content and quoted attribute values."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def sentence(text: str) -> str:
    """`text` with its first letter in capitals (names inside keep theirs)."""
    return text[:1].upper() + text[1:]
