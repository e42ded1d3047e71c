"""The price list and its checks: the plans, their terms and the data every quote needs.

The bottom room of the engine: it knows nothing of time, prices or pages.
Editors' figures arrive as front-matter data and leave as a frozen
:class:`Catalogue` (:mod:`.price_list`), built from the parts (:mod:`.parts`)
that :mod:`.validate` checks with the readers of :mod:`.readers`.
"""

from __future__ import annotations

from calculator.catalogue.parts import (
    CALENDAR_24_7,
    CALENDAR_BUSINESS,
    ITEM_ID,
    OPERATING,
    PLAN_KINDS,
    PRICE_LIST_ID,
    CalendarData,
    Effort,
    Operating,
    Plan,
    PlanKind,
    Reaction,
    Service,
    Travel,
    WorkingHours,
)
from calculator.catalogue.price_list import Catalogue

__all__ = [
    "CALENDAR_24_7",
    "CALENDAR_BUSINESS",
    "ITEM_ID",
    "OPERATING",
    "PLAN_KINDS",
    "PRICE_LIST_ID",
    "CalendarData",
    "Catalogue",
    "Effort",
    "Operating",
    "Plan",
    "PlanKind",
    "Reaction",
    "Service",
    "Travel",
    "WorkingHours",
]
