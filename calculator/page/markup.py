"""Small text helpers for the HTML the renderer writes."""

from __future__ import annotations

__all__ = ["definitions", "escape", "sentence"]

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


def definitions(rows: list[tuple[str, str]], css: str) -> str:
    """A ``<dl>`` of class ``css``: each (label, value) a ``<div>`` of its ``<dt>`` and ``<dd>``, escaped."""
    cells = "".join(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in rows)
    return f'<dl class="{css}">{cells}</dl>'
