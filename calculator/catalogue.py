"""The price list as typed, frozen data.

Instances are built by :func:`Catalogue.from_dict` (which validates every
value, see :mod:`calculator.validate`) and turned back into JSON-safe data by
:meth:`Catalogue.to_dict`; the two round-trip, which is how the catalogue
reaches the browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any, Literal

from calculator.money import decimal_text

__all__ = [
    "CALENDAR_24_7",
    "CALENDAR_BUSINESS",
    "PLAN_KINDS",
    "CalendarData",
    "Catalogue",
    "Effort",
    "Plan",
    "PlanKind",
    "Reaction",
    "Service",
    "Travel",
    "WorkingHours",
]

PlanKind = Literal["subscription", "hourly", "per_job", "emergency"]
PLAN_KINDS: tuple[PlanKind, ...] = ("subscription", "hourly", "per_job", "emergency")
CALENDAR_24_7 = "24/7"
CALENDAR_BUSINESS = "business"


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
    ``monthly_fee`` and ``included_hours`` (subscription),
    ``minimum_hours_per_visit`` (per_job), ``incident_fee`` (emergency).
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
        if self.kind == "subscription":
            data["monthly_fee"] = decimal_text(self.monthly_fee)
            data["included_hours"] = decimal_text(self.included_hours)
        if self.kind == "per_job":
            data["minimum_hours_per_visit"] = decimal_text(self.minimum_hours_per_visit)
        if self.kind == "emergency":
            assert self.incident_fee is not None
            data["incident_fee"] = decimal_text(self.incident_fee)
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
    (computed at build time by :mod:`backoffice.calendar_source`) and cover
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


@dataclass(frozen=True)
class Catalogue:
    """A whole price list: the plans and the data every quote needs."""

    price_list: str
    effective: date
    vat_percent: Decimal
    bgn_per_eur: Decimal
    working_hours: WorkingHours
    effort: Effort
    travel: Travel
    plans: tuple[Plan, ...]
    services: tuple[Service, ...] = ()
    calendar: CalendarData = field(default_factory=CalendarData)

    def plan(self, plan_id: str) -> Plan:
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
        # Imported here: validate imports this module for the dataclasses.
        from calculator.validate import parse_catalogue

        return parse_catalogue(data)
