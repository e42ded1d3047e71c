"""The parts of a price list as typed, frozen data: plans, reaction terms and the rest.

:class:`calculator.catalogue.Catalogue` holds them together, and the
package re-exports them; they live apart so that :mod:`calculator.catalogue.validate`, which builds them
from front matter, and the catalogue, which reads itself through it, import
each other in one direction only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Any, Literal

from calculator.money import decimal_text

__all__ = [
    "CALENDAR_24_7",
    "CALENDAR_BUSINESS",
    "ITEM_ID",
    "ITEM_ID_FORM",
    "OPERATING",
    "PLAN_KINDS",
    "PRICE_LIST_ID",
    "CalendarData",
    "Effort",
    "Operating",
    "Plan",
    "PlanKind",
    "Reaction",
    "Service",
    "Travel",
    "WorkingHours",
]

PlanKind = Literal["subscription", "package", "hourly", "per_job", "emergency"]
PLAN_KINDS: tuple[PlanKind, ...] = ("subscription", "package", "hourly", "per_job", "emergency")
# A reaction term is counted on one of two calendars: round the clock, or
# the working hours of working days (the catalogue's hours and calendar).
CALENDAR_24_7 = "24/7"
CALENDAR_BUSINESS = "business"
# When a customer works, so when an incident stops work: on the same two
# calendars. Here, not with the profile, because the expected wait (time)
# counts in them and sits below the profile.
Operating = Literal["business", "24/7"]
OPERATING: tuple[Operating, ...] = ("business", "24/7")
#: A price list's id, in the front matter and in quote links.
PRICE_LIST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
#: A plan's or a service's id: in front matter, in page addresses and in quote links.
ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
ITEM_ID_FORM = "малки латински букви, цифри и тирета (до 40), напр. moy-plan"


@dataclass(frozen=True)
class Reaction:
    """Reaction terms: a guarantee, or only a typical (estimated) reaction.

    Exactly one of the two shapes is set: ``guarantee_hours`` with
    ``calendar`` ("24/7" counts elapsed time, "business" counts working
    hours), or ``typical_working_days`` ``(a, b)``: usually between the a-th
    and the b-th working day after the incident (0 = the same working day).
    """

    guarantee_hours: Decimal | None = None
    calendar: str | None = None
    typical_working_days: tuple[int, int] | None = None

    @property
    def guaranteed(self) -> bool:
        """Whether the reaction time is guaranteed."""
        return self.guarantee_hours is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, as in the plan page's front matter."""
        if self.guarantee_hours is not None:
            return {
                "guarantee_hours": decimal_text(self.guarantee_hours),
                "calendar": self.calendar,
            }
        assert self.typical_working_days is not None
        return {"typical_working_days": list(self.typical_working_days)}


@dataclass(frozen=True)
class Plan:
    """One support plan. Money in euro without VAT, hours as decimals.

    Fields that a kind does not use stay at zero / ``None``:
    ``monthly_fee`` and ``included_hours`` (subscription, package),
    ``minimum_hours_per_visit`` (per_job), ``incident_fee`` (emergency).
    A package buys its ``included_hours`` (the volume) for the fee with
    nothing charged on top, so it has no ``hourly_rate``: it stays at zero
    here and is left out of :meth:`to_dict`.
    """

    id: str
    kind: PlanKind
    name: str
    order: int
    reaction: Reaction
    priority: bool
    hourly_rate: Decimal
    monthly_fee: Decimal = Decimal(0)
    included_hours: Decimal = Decimal(0)
    minimum_hours_per_visit: Decimal = Decimal(0)
    incident_fee: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form with only the keys this kind uses (as in front matter)."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "order": self.order,
        }
        if self.kind in ("subscription", "package"):
            data["monthly_fee"] = decimal_text(self.monthly_fee)
            data["included_hours"] = decimal_text(self.included_hours)
        if self.kind == "per_job":
            data["minimum_hours_per_visit"] = decimal_text(self.minimum_hours_per_visit)
        if self.kind == "emergency":
            assert self.incident_fee is not None
            data["incident_fee"] = decimal_text(self.incident_fee)
        if self.kind != "package":
            data["hourly_rate"] = decimal_text(self.hourly_rate)
        data["reaction"] = self.reaction.to_dict()
        data["priority"] = self.priority
        return data


@dataclass(frozen=True)
class WorkingHours:
    """The company's working day, local Sofia wall-clock time."""

    start: time
    end: time

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form (``"09:00"``)."""
        return {"start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M")}


@dataclass(frozen=True)
class Effort:
    """Typical hours a month, used when a prospect does not know their hours."""

    hours_per_workstation: Decimal
    hours_per_server: Decimal
    hours_per_incident: Decimal

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form."""
        return {
            "hours_per_workstation": decimal_text(self.hours_per_workstation),
            "hours_per_server": decimal_text(self.hours_per_server),
            "hours_per_incident": decimal_text(self.hours_per_incident),
        }


@dataclass(frozen=True)
class Travel:
    """Charges for a visit outside the home city: per km (both ways) plus a flat fee."""

    home_city: str
    per_km: Decimal
    per_visit: Decimal = Decimal(0)

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form."""
        data = {"home_city": self.home_city, "per_km": decimal_text(self.per_km)}
        if self.per_visit:
            data["per_visit"] = decimal_text(self.per_visit)
        return data


@dataclass(frozen=True)
class Service:
    """An additional service; ``price`` ``None`` means "on request"."""

    id: str
    name: str
    price: Decimal | None
    unit: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        price = None if self.price is None else decimal_text(self.price)
        return {"id": self.id, "name": self.name, "price": price, "unit": self.unit}


@dataclass(frozen=True)
class CalendarData:
    """Days off and extra working days, as plain dates.

    ``declared_days_off`` and ``working_saturdays`` are the editors' additions.
    ``days_off`` and ``working_days`` come from the official calendar
    (computed at build time by :mod:`backoffice.website.calendar_source`) and cover
    ``years`` (first, last) inclusive; ``None`` when not computed.
    """

    declared_days_off: frozenset[date] = frozenset()
    working_saturdays: frozenset[date] = frozenset()
    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    years: tuple[int, int] | None = None

    def all_days_off(self) -> frozenset[date]:
        """Official and declared days off together."""
        return self.days_off | self.declared_days_off

    def all_working_days(self) -> frozenset[date]:
        """Weekend dates that are working days (editors' and official)."""
        return self.working_saturdays | self.working_days

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (ISO dates, sorted)."""
        data: dict[str, Any] = {
            "declared_days_off": [d.isoformat() for d in sorted(self.declared_days_off)],
            "working_saturdays": [d.isoformat() for d in sorted(self.working_saturdays)],
        }
        if self.years is not None:
            data["years"] = list(self.years)
            data["days_off"] = [d.isoformat() for d in sorted(self.days_off)]
            data["working_days"] = [d.isoformat() for d in sorted(self.working_days)]
        return data
