"""Monthly price of one plan for one profile, as explained lines.

Rules (every figure comes from the catalogue; euro without VAT):

* regular hours = the profile's hours, or workstations x
  ``hours_per_workstation`` + servers x ``hours_per_server``;
* total hours = regular hours + incidents x ``hours_per_incident``;
* subscription: ``monthly_fee`` + max(0, total - ``included_hours``) x
  ``hourly_rate`` + travel;
* hourly: total x ``hourly_rate`` + travel;
* per_job: max(total, visits x ``minimum_hours_per_visit``) x ``hourly_rate``
  + travel;
* emergency: incidents x ``incident_fee`` (an agreed sum per incident, "from")
  + regular hours x ``hourly_rate`` (work outside incidents) + travel;
* travel = visits x (2 x distance_km x ``per_km`` + ``per_visit``) when the
  visits are outside the home city (distance > 0): there and back.

Each line is rounded half up to the cent; net = sum of lines; VAT = net x
``vat_percent`` / 100 rounded half up; gross = net + VAT.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculator.catalogue import Catalogue, Effort, Plan
from calculator.money import ZERO, format_eur, format_hours, format_number, round_money
from calculator.profile import Profile

__all__ = ["Line", "PlanPrice", "Workload", "price_plan", "raw_cost", "workload"]


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


def _plural(count: Decimal | int, one: str, many: str) -> str:
    return f"{format_number(Decimal(count))} {one if count == 1 else many}"


def workload(profile: Profile, effort: Effort) -> Workload:
    """Regular and incident hours a month for ``profile``."""
    incident_hours = profile.incidents * effort.hours_per_incident
    if profile.regular_hours is not None:
        regular, derived = profile.regular_hours, False
        words = f"{format_hours(regular)} редовна работа (по ваша оценка)"
    else:
        regular = (
            profile.workstations * effort.hours_per_workstation + profile.servers * effort.hours_per_server
        )
        derived = True
        words = (
            f"{_plural(profile.workstations, 'работна станция', 'работни станции')} × "
            f"{format_hours(effort.hours_per_workstation)} + "
            f"{_plural(profile.servers, 'сървър', 'сървъра')} × "
            f"{format_hours(effort.hours_per_server)} = "
            f"{format_hours(regular)} редовна работа"
        )
    words += (
        f"; {_plural(profile.incidents, 'инцидент', 'инцидента')} × "
        f"{format_hours(effort.hours_per_incident)} = {format_hours(incident_hours)}"
    )
    return Workload(regular, incident_hours, derived, words)


def _travel(catalogue: Catalogue, profile: Profile) -> Line | None:
    travel = catalogue.travel
    if profile.distance_km == 0 or profile.visits == 0:
        return None
    per_visit = 2 * profile.distance_km * travel.per_km + travel.per_visit
    words = (
        f"{_plural(profile.visits, 'посещение', 'посещения')} извън {travel.home_city} × "
        f"2 × {format_number(profile.distance_km)} км × {format_eur(travel.per_km)}"
    )
    if travel.per_visit:
        words += f" + {format_eur(travel.per_visit)} на посещение"
    return Line("travel", "Пътни разходи", round_money(profile.visits * per_visit), words)


def _work_lines(plan: Plan, profile: Profile, load: Workload) -> list[Line]:
    total, rate = load.total_hours, plan.hourly_rate
    if plan.kind == "subscription":
        extra = max(ZERO, total - plan.included_hours)
        return [
            Line(
                "fee",
                "Месечна такса",
                round_money(plan.monthly_fee),
                f"фиксирана такса за {plan.name}",
            ),
            Line(
                "extra_hours",
                "Часове над включените",
                round_money(extra * rate),
                f"{format_hours(plan.included_hours)} включени, "
                f"{format_hours(extra)} над тях × {format_eur(rate)}",
            ),
        ]
    if plan.kind == "hourly":
        words = f"{format_hours(total)} × {format_eur(rate)}"
        return [Line("hours", "Отработени часове", round_money(total * rate), words)]
    if plan.kind == "per_job":
        minimum = profile.visits * plan.minimum_hours_per_visit
        billable = max(total, minimum)
        words = f"{format_hours(billable)} × {format_eur(rate)}"
        if minimum > total:
            words += (
                f" (минимум {format_hours(plan.minimum_hours_per_visit)} на посещение × "
                f"{_plural(profile.visits, 'посещение', 'посещения')})"
            )
        return [Line("hours", "Свършена работа", round_money(billable * rate), words)]
    fee = plan.incident_fee if plan.incident_fee is not None else ZERO
    return [
        Line(
            "incidents",
            "Инциденти",
            round_money(profile.incidents * fee),
            f"{_plural(profile.incidents, 'инцидент', 'инцидента')} × от {format_eur(fee)}"
            " (договорена сума до решаване)",
        ),
        Line(
            "hours",
            "Редовна работа",
            round_money(load.regular_hours * rate),
            f"{format_hours(load.regular_hours)} × {format_eur(rate)}",
        ),
    ]


def price_plan(catalogue: Catalogue, plan: Plan, profile: Profile) -> PlanPrice:
    """Monthly price of ``plan`` for ``profile`` (see the module docstring)."""
    lines = _work_lines(plan, profile, workload(profile, catalogue.effort))
    travel = _travel(catalogue, profile)
    if travel is not None:
        lines.append(travel)
    net = sum((line.amount for line in lines), ZERO)
    vat = round_money(net * catalogue.vat_percent / 100)
    return PlanPrice(plan, tuple(lines), net, vat, net + vat, plan.kind == "emergency")


def raw_cost(catalogue: Catalogue, plan: Plan, profile: Profile, regular_hours: Decimal) -> Decimal:
    """Unrounded net monthly cost with ``regular_hours`` in place of the profile's.

    Exact, piecewise linear in ``regular_hours``; used to find break-even points.
    """
    effort = catalogue.effort
    total = regular_hours + profile.incidents * effort.hours_per_incident
    rate = plan.hourly_rate
    travel = ZERO
    if profile.distance_km and profile.visits:
        travel = profile.visits * (
            2 * profile.distance_km * catalogue.travel.per_km + catalogue.travel.per_visit
        )
    if plan.kind == "subscription":
        return plan.monthly_fee + max(ZERO, total - plan.included_hours) * rate + travel
    if plan.kind == "hourly":
        return total * rate + travel
    if plan.kind == "per_job":
        return max(total, profile.visits * plan.minimum_hours_per_visit) * rate + travel
    fee = plan.incident_fee if plan.incident_fee is not None else ZERO
    return profile.incidents * fee + regular_hours * rate + travel
