"""Quote engine for the technical-support plans: pricing, reaction deadlines, links, the answer's HTML.

This folder is what ships to the browser: the build puts all of it, as it
is, into the wheel that Pyodide loads. So every module here uses only the
standard library (and ``tzdata`` for the zones), and runs unchanged in
CPython and in Pyodide. What reads files or needs other packages lives in
:mod:`backoffice`; ``__main__`` only hands ``python -m calculator`` to its CLI.
"""

from __future__ import annotations

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
