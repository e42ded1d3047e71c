r"""Bad input to the sales command line, and what of it may reach the terminal.

Every bad input ends as a :class:`UsageError`: one line on stderr, exit
status 2 (:func:`backoffice.sales.cli.main`). That line may quote what was
typed or pasted; :func:`visible` writes its control and invisible format
characters as escapes first.
"""

from __future__ import annotations

import unicodedata

__all__ = ["UsageError", "visible"]


#: Unicode categories a terminal must not get raw: controls, format characters, surrogates, line breaks.
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def visible(text: str) -> str:
    r"""``text`` with each control or invisible format character written as Python's escape of it.

    An escape character stays readable as ``\x1b[31m`` instead of turning the
    terminal red; U+202E is written as ``\u202e`` instead of reversing the
    rest of the line; a tab or a line break as ``\t``, ``\n``.
    """
    return "".join(repr(char)[1:-1] if unicodedata.category(char) in _UNSAFE else char for char in text)


class UsageError(Exception):
    """Bad input: reported on one line with exit status 2."""
