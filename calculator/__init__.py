"""Quote engine for the technical-support plans: pricing, reaction deadlines, links, the answer's HTML.

This folder is what ships to the browser: the build puts all of it, as it
is, into the wheel that Pyodide loads. So every module here uses only the
standard library (and ``tzdata`` for the zones), and runs unchanged in
CPython and in Pyodide. What reads files or needs other packages lives in
:mod:`backoffice`; ``__main__`` only hands ``python -m calculator`` to its CLI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the type checker; at run time __getattr__ loads each name on first use
    from calculator.catalogue import (
        CalendarData,
        Catalogue,
        Effort,
        Plan,
        Reaction,
        Service,
        Travel,
        WorkingHours,
    )
    from calculator.errors import CatalogueError, ProfileError, QuoteLinkError
    from calculator.money import eur_to_bgn, format_eur, round_money
    from calculator.page.links import QuoteLink, decode_link, decode_link_lenient, encode_link
    from calculator.pricing.breakeven import BreakEven
    from calculator.pricing.cost import CostModel, cost_model
    from calculator.pricing.downtime_cost import CostBreakEven, Downtime
    from calculator.pricing.plan_price import Line, PlanPrice, Workload, price_plan
    from calculator.pricing.quote import PlanQuote, Quote, quote
    from calculator.pricing.vat import VatBasis, vat_basis
    from calculator.profile.profile import Profile
    from calculator.time.expected_wait import ExpectedWait, expected_wait
    from calculator.time.reaction import ReactionOutlook, reaction_for
    from calculator.time.worktime import WorkCalendar, add_elapsed_hours

#: Each public name and the module that holds it. A name is imported on first
#: use, so that importing one module of the engine (``calculator.money``, say)
#: loads that module and what it imports, not the whole engine and its page.
#: tests/engine/test_imports.py holds this table equal to the imports above.
_HOMES = {
    "BreakEven": "calculator.pricing.breakeven",
    "CalendarData": "calculator.catalogue",
    "Catalogue": "calculator.catalogue",
    "CatalogueError": "calculator.errors",
    "CostBreakEven": "calculator.pricing.downtime_cost",
    "CostModel": "calculator.pricing.cost",
    "Downtime": "calculator.pricing.downtime_cost",
    "Effort": "calculator.catalogue",
    "ExpectedWait": "calculator.time.expected_wait",
    "Line": "calculator.pricing.plan_price",
    "Plan": "calculator.catalogue",
    "PlanPrice": "calculator.pricing.plan_price",
    "PlanQuote": "calculator.pricing.quote",
    "Profile": "calculator.profile.profile",
    "ProfileError": "calculator.errors",
    "Quote": "calculator.pricing.quote",
    "QuoteLink": "calculator.page.links",
    "QuoteLinkError": "calculator.errors",
    "Reaction": "calculator.catalogue",
    "ReactionOutlook": "calculator.time.reaction",
    "Service": "calculator.catalogue",
    "Travel": "calculator.catalogue",
    "VatBasis": "calculator.pricing.vat",
    "WorkCalendar": "calculator.time.worktime",
    "WorkingHours": "calculator.catalogue",
    "Workload": "calculator.pricing.plan_price",
    "add_elapsed_hours": "calculator.time.worktime",
    "cost_model": "calculator.pricing.cost",
    "decode_link": "calculator.page.links",
    "decode_link_lenient": "calculator.page.links",
    "encode_link": "calculator.page.links",
    "eur_to_bgn": "calculator.money",
    "expected_wait": "calculator.time.expected_wait",
    "format_eur": "calculator.money",
    "price_plan": "calculator.pricing.plan_price",
    "quote": "calculator.pricing.quote",
    "reaction_for": "calculator.time.reaction",
    "round_money": "calculator.money",
    "vat_basis": "calculator.pricing.vat",
}

__all__ = [
    "BreakEven",
    "CalendarData",
    "Catalogue",
    "CatalogueError",
    "CostBreakEven",
    "CostModel",
    "Downtime",
    "Effort",
    "ExpectedWait",
    "Line",
    "Plan",
    "PlanPrice",
    "PlanQuote",
    "Profile",
    "ProfileError",
    "Quote",
    "QuoteLink",
    "QuoteLinkError",
    "Reaction",
    "ReactionOutlook",
    "Service",
    "Travel",
    "VatBasis",
    "WorkCalendar",
    "WorkingHours",
    "Workload",
    "add_elapsed_hours",
    "cost_model",
    "decode_link",
    "decode_link_lenient",
    "encode_link",
    "eur_to_bgn",
    "expected_wait",
    "format_eur",
    "price_plan",
    "quote",
    "reaction_for",
    "round_money",
    "vat_basis",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'calculator' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next lookup finds it without this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
