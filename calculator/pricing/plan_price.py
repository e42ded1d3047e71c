"""Monthly price of one plan for one profile, as explained lines.

The hours: regular hours = the profile's hours, or workstations x
``hours_per_workstation`` + servers x ``hours_per_server``; incident hours =
incidents x ``hours_per_incident``. The cost rules are each plan kind's
:class:`~calculator.pricing.cost.CostModel`: a line a term, rounded half up to the
cent; net = sum of lines; VAT = net x ``vat_percent`` / 100 rounded half up;
gross = net + VAT.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculator.catalogue import Catalogue, Effort, Plan
from calculator.money import BgnAmounts, bgn_amounts, format_count, format_hours, vat_of
from calculator.pricing.cost import CostModel, cost_model, incident_hours
from calculator.profile.profile import Profile

__all__ = ["Line", "PlanPrice", "Workload", "price_of", "price_plan", "regular_hours", "workload"]


@dataclass(frozen=True)
class Line:
    """One priced line: a short Bulgarian label and the calculation in words."""

    kind: str
    label: str
    amount: Decimal
    explanation: str

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form."""
        return {
            "kind": self.kind,
            "label": self.label,
            "amount": str(self.amount),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Workload:
    """The hours a month a quote is based on, and how they were found."""

    regular_hours: Decimal
    incident_hours: Decimal
    derived: bool
    explanation: str

    @property
    def total_hours(self) -> Decimal:
        """Regular plus incident hours."""
        return self.regular_hours + self.incident_hours


@dataclass(frozen=True)
class PlanPrice:
    """Monthly price of a plan: lines, net, VAT and gross (euro)."""

    plan: Plan
    lines: tuple[Line, ...]
    net: Decimal
    vat: Decimal
    gross: Decimal
    price_is_from: bool

    def bgn(self, rate: Decimal) -> BgnAmounts:
        """The net, VAT and gross in leva at ``rate``, which add up as the euro ones do."""
        return bgn_amounts(self.net, self.vat, rate)


def regular_hours(profile: Profile, effort: Effort) -> Decimal:
    """The profile's hours of regular work a month, or those its devices take."""
    if profile.regular_hours is not None:
        return profile.regular_hours
    return profile.workstations * effort.hours_per_workstation + profile.servers * effort.hours_per_server


def workload(profile: Profile, effort: Effort) -> Workload:
    """Regular and incident hours a month for ``profile``, and how they were found."""
    incidents = incident_hours(profile, effort)
    regular = regular_hours(profile, effort)
    derived = profile.regular_hours is None
    if not derived:
        words = f"{format_hours(regular)} редовна работа (по ваша оценка)"
    else:
        words = (
            f"{format_count(profile.workstations, 'работна станция', 'работни станции')} × "
            f"{format_hours(effort.hours_per_workstation)} + "
            f"{format_count(profile.servers, 'сървър', 'сървъра')} × "
            f"{format_hours(effort.hours_per_server)} = "
            f"{format_hours(regular)} редовна работа"
        )
    words += (
        f"; {format_count(profile.incidents, 'инцидент', 'инцидента')} × "
        f"{format_hours(effort.hours_per_incident)} = {format_hours(incidents)}"
    )
    return Workload(regular, incidents, derived, words)


def price_plan(catalogue: Catalogue, plan: Plan, profile: Profile) -> PlanPrice:
    """Monthly price of ``plan`` for ``profile`` (see the module docstring)."""
    model = cost_model(catalogue, plan, profile)
    return price_of(model, regular_hours(profile, catalogue.effort), catalogue.vat_percent)


def price_of(model: CostModel, hours: Decimal, vat_percent: Decimal) -> PlanPrice:
    """The monthly price that a plan's cost model gives for ``hours`` of regular work.

    A quote builds each plan's model once and prices, charts and compares
    the plans from it; :func:`price_plan` builds it for one plan.

    Args:
        model: The plan's cost model for the profile.
        hours: The profile's hours of regular work a month (:func:`regular_hours`).
        vat_percent: The catalogue's VAT rate.
    """
    lines = tuple(
        Line(term.kind, term.label, amount, term.explain(hours))
        for term, amount in zip(model.terms, model.amounts(hours), strict=True)
    )
    net = model.net(hours)
    vat = vat_of(net, vat_percent)
    plan = model.plan
    return PlanPrice(plan, lines, net, vat, net + vat, plan.kind == "emergency")
