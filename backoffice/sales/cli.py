r"""Command line for sales and tests: ``python -m calculator``.

Commands::

    deadline --start 2026-12-23T17:00 --hours 4 --calendar business [--workday 09:00-18:00]
    holidays --year 2027
    quote [profile options] [--downtime-cost EUR --operating business|24/7]
          [--service ID=N]... [--procure "ОПИСАНИЕ;КОЛИЧЕСТВО"]...
          [--link LINK] [--json] [--bgn]
    offer --key PATH --key-id ID --plan ID --customer NAME [--eik EIK] [--link LINK | profile options]
          [--discount PCT] [--item "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА"]... [--valid-days N] [--number NO]
          [--salesperson NAME] [--note TEXT] [--json]
    offer-key --id ID --out PATH

Every command reads the catalogue from the plan pages (``--docs``, default
``docs``). Bad input of any kind ends with exit status 2 and one line on
stderr; never a traceback. That line may quote what was typed or pasted (a
link, an option's value): its control characters (C0, C1, DEL), invisible
format characters (such as the bidi override U+202E) and line separators
are written as escapes (``\x1b``, ``\u202e``) by :func:`visible`, so that
a hostile link cannot move the cursor, recolour or reorder the terminal.

``quote --link`` opens a link as the calculator page does. A link made under
an older price list (found in the archive ``price-lists/`` beside the docs,
or in the git history of ``docs/plans/``) is quoted at its own list, with
today's beside it: the text has the quote as issued, under a line saying so,
then "Същата оценка по днешните цени:" and the quote at today's list; the
JSON is ``{"link_price_list", "notice", "as_issued", "today"}``, the last two
each the usual quote JSON (with its own ``link``). A link under today's list
gives the usual output. A link under a list that is not found, or that
``catalogue.withdrawn`` names, is quoted at today's prices, with a line saying
which (``"notice"`` in the JSON); a signed offer under a withdrawn list is
refused.

An offer link (:mod:`calculator.page.offer_link`) given to ``quote --link``
is checked against the keys in ``mkdocs.yml`` beside the docs first: a good
one is quoted as its quote part, with ``"offer"`` in the JSON; a bad one
ends with exit status 2 and the reason. ``offer`` signs an offer with a
salesperson's key (:mod:`backoffice.sales.offers`), ``offer-key`` makes one.

This module runs a command and reports bad input. The parser is
:mod:`backoffice.sales.parser`; what the options say (catalogue, profile,
link, keys) :mod:`backoffice.sales.options`; the commands
:mod:`backoffice.sales.calendar_commands` (``deadline``, ``holidays``),
:mod:`backoffice.sales.quote_command` and
:mod:`backoffice.sales.offer_commands` (``offer``, ``offer-key``: the only
ones that need ``cryptography``, imported when they run).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from backoffice.sales.calendar_commands import run_deadline, run_holidays
from backoffice.sales.offer_commands import run_offer, run_offer_key
from backoffice.sales.parser import PROG, build_parser
from backoffice.sales.quote_command import run_quote
from backoffice.sales.usage import UsageError, visible
from calculator.errors import CatalogueError

__all__ = ["main", "visible"]


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        commands = {
            "deadline": run_deadline,
            "holidays": run_holidays,
            "quote": run_quote,
            "offer": run_offer,
            "offer-key": run_offer_key,
        }
        commands[args.command](args, out)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    except (UsageError, CatalogueError) as problem:
        # Escaped first, so that no line break, tab or control of the user's text is lost or written.
        err.write(f"{PROG}: грешка: {' '.join(visible(str(problem)).split())}\n")
        return 2
    return 0
