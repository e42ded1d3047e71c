"""The price list as typed, frozen data.

Instances are built by :meth:`Catalogue.from_dict`, which validates every
value (see :mod:`calculator.catalogue.validate`), and turned back into JSON-safe data
by :meth:`Catalogue.to_dict`; the two round-trip, which is how the catalogue
reaches the browser. The parts (plans, reaction terms and the rest) are
defined in :mod:`calculator.catalogue.parts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from calculator.catalogue import parts
from calculator.catalogue.validate import parse_plans, parse_settings
from calculator.errors import CatalogueError
from calculator.money import decimal_text

__all__ = ["Catalogue"]


@dataclass(frozen=True)
class Catalogue:
    """A whole price list: the plans and the data every quote needs.

    Every instance is valid: built from checked parts, it refuses an empty
    or repeated plan list itself and keeps the plans in display order
    (``order``, then id), however it was built.

    Raises:
        CatalogueError: no plans, or the same plan id twice.
    """

    price_list: str
    effective: date
    vat_percent: Decimal
    bgn_per_eur: Decimal
    working_hours: parts.WorkingHours
    effort: parts.Effort
    travel: parts.Travel
    plans: tuple[parts.Plan, ...]
    services: tuple[parts.Service, ...] = ()
    calendar: parts.CalendarData = field(default_factory=parts.CalendarData)

    def __post_init__(self) -> None:
        if not self.plans:
            raise CatalogueError(
                "в ценоразписа няма нито един план: добавете страница на план", field="plans"
            )
        seen: set[str] = set()
        for plan in self.plans:
            if plan.id in seen:
                raise CatalogueError(
                    "два плана имат този id: дайте на всеки свой", field="plan.id", plan=plan.id
                )
            seen.add(plan.id)
        object.__setattr__(self, "plans", tuple(sorted(self.plans, key=lambda p: (p.order, p.id))))

    def plan(self, plan_id: str) -> parts.Plan:
        """The plan with id ``plan_id`` (KeyError if there is none)."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: decimals as strings, dates ISO, plans in display order."""
        return {
            "price_list": self.price_list,
            "effective": self.effective.isoformat(),
            "vat_percent": decimal_text(self.vat_percent),
            "bgn_per_eur": decimal_text(self.bgn_per_eur),
            "working_hours": self.working_hours.to_dict(),
            "effort": self.effort.to_dict(),
            "travel": self.travel.to_dict(),
            "services": [s.to_dict() for s in self.services],
            "calendar": self.calendar.to_dict(),
            "plans": [p.to_dict() for p in self.plans],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Catalogue:
        """Build and validate a catalogue from :meth:`to_dict` data.

        The mapping is the ``catalogue:`` front matter of the plans index
        plus a ``plans`` list of ``plan:`` mappings.

        Raises:
            CatalogueError: naming the plan and the field of the first bad value.
        """
        settings = parse_settings(data, "catalogue", with_plans=True)
        return cls(plans=parse_plans(data.get("plans"), "catalogue.plans"), **settings)
