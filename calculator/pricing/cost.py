"""Each plan kind's monthly cost, written once, as terms of the hours of regular work.

Rules (every figure comes from the catalogue; euro without VAT), with
``x`` the hours of regular work a month and ``i`` = incidents x
``hours_per_incident`` the incident hours:

* subscription: ``monthly_fee`` + max(0, x + i - ``included_hours``) x
  ``hourly_rate`` + travel;
* package: ``monthly_fee`` + travel, and nothing on top. The fee buys a
  volume, ``included_hours``, and the plan *covers* the profile only while
  x + i <= ``included_hours``: incident hours count against the volume, as
  they count against a subscription's included hours. So its cost holds
  for x up to ``included_hours`` - i (:attr:`CostModel.limit`); above that
  the plan does not cover the work and has no price for it, and the
  hours over are x + i - ``included_hours``;
* hourly: (x + i) x ``hourly_rate`` + travel;
* per_job: max(x + i, visits x ``minimum_hours_per_visit``) x ``hourly_rate``
  + travel;
* emergency: incidents x ``incident_fee`` (an agreed sum per incident, "from")
  + x x ``hourly_rate`` (work outside incidents) + travel;
* travel = visits x (2 x distance_km x ``per_km`` + ``per_visit``) when the
  visits are outside the home city (distance > 0): there and back.

A :class:`CostModel` is a plan's terms for one profile: :class:`Fixed` sums,
and :class:`Hours` at a rate, max(floor, x + added - allowance) x rate.
Everything else is derived from it: the quote's explained lines (a line a
term, each rounded half up to the cent; their sum is the net, see
:meth:`CostModel.net`), the exact, unrounded cost that break-even points are
solved on (:meth:`CostModel.cost`, piecewise linear in ``x``), and the kinks
between its linear pieces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from calculator.catalogue import Catalogue, Effort, Plan
from calculator.money import ZERO, format_count, format_eur, format_hours, format_number, round_money
from calculator.profile.profile import Profile

__all__ = ["CostModel", "Fixed", "Hours", "Term", "cost_model", "incident_hours"]


def incident_hours(profile: Profile, effort: Effort) -> Decimal:
    """The hours a month that the profile's incidents take."""
    return profile.incidents * effort.hours_per_incident


# Words are written only for the quote's lines: break-even points and the
# chart ask a model for numbers many times over.
Words = Callable[[], str]


@dataclass(frozen=True)
class Fixed:
    """A sum that does not depend on the hours: a fee, the incidents' fees, travel."""

    kind: str
    label: str
    amount: Decimal
    words: Words = field(compare=False, repr=False)

    def cost(self, regular_hours: Decimal) -> Decimal:
        """The exact sum (the same for any hours)."""
        return self.amount

    def kink(self) -> Decimal | None:
        """No change of slope: ``None``."""
        return None

    def explain(self, regular_hours: Decimal) -> str:
        """The calculation in words."""
        return self.words()


@dataclass(frozen=True)
class Hours:
    """Hours billed at a rate: max(``floor``, x + ``added`` - ``allowance``) x ``rate``.

    ``allowance`` is ``None`` for a plan that includes no hours (an allowance
    of 0 is still named in the words); ``floor_words`` say where a floor
    comes from, for when it, and not the work, sets the hours.
    """

    kind: str
    label: str
    rate: Decimal
    added: Decimal = ZERO
    allowance: Decimal | None = None
    floor: Decimal = ZERO
    floor_words: Words = field(default=str, compare=False, repr=False)  # str() is ""

    def billable(self, regular_hours: Decimal) -> Decimal:
        """The hours charged for ``regular_hours`` of regular work."""
        return max(self.floor, regular_hours + self.added - (self.allowance or ZERO))

    def cost(self, regular_hours: Decimal) -> Decimal:
        """The exact sum: billable hours x rate."""
        return self.billable(regular_hours) * self.rate

    def kink(self) -> Decimal | None:
        """The regular hours where the floor stops applying (may be 0 or less)."""
        return self.floor + (self.allowance or ZERO) - self.added

    def explain(self, regular_hours: Decimal) -> str:
        """The calculation in words."""
        hours, rate = self.billable(regular_hours), format_eur(self.rate)
        if self.allowance is not None:
            return f"{format_hours(self.allowance)} включени, {format_hours(hours)} над тях × {rate}"
        words = f"{format_hours(hours)} × {rate}"
        if self.floor > regular_hours + self.added:
            words += f" ({self.floor_words()})"
        return words


Term = Fixed | Hours


@dataclass(frozen=True)
class CostModel:
    """One plan's monthly cost for one profile, as terms of the hours of regular work.

    ``limit`` is the most hours of regular work a month the plan covers
    (a package's volume less the incident hours; 0 or less when the
    incidents alone use it up), ``None`` for a plan that covers any.
    """

    plan: Plan
    terms: tuple[Term, ...]
    limit: Decimal | None = None

    def covers(self, regular_hours: Decimal) -> bool:
        """Whether the plan covers ``regular_hours`` of regular work (and the profile's incidents)."""
        return self.limit is None or regular_hours <= self.limit

    def hours_over(self, regular_hours: Decimal) -> Decimal:
        """The hours of work above what the plan covers: regular + incident hours - volume, or 0."""
        if self.limit is None:
            return ZERO
        return max(ZERO, regular_hours - self.limit)

    def amounts(self, regular_hours: Decimal) -> tuple[Decimal, ...]:
        """Each term's sum rounded half up to the cent: the quote's line amounts."""
        return tuple(round_money(term.cost(regular_hours)) for term in self.terms)

    def net(self, regular_hours: Decimal) -> Decimal:
        """The quoted net: the sum of :meth:`amounts`, as a quote with these hours shows it."""
        return sum(self.amounts(regular_hours), ZERO)

    def cost(self, regular_hours: Decimal) -> Decimal:
        """The exact, unrounded net; :meth:`net` rounds it term by term, not as a whole."""
        # A loop, not sum(): break-even points call this a few dozen times a quote.
        total = ZERO
        for term in self.terms:
            total += term.cost(regular_hours)
        return total

    def kinks(self) -> list[Decimal]:
        """Regular hours at which :meth:`cost` changes slope (may be 0 or less)."""
        return [kink for kink in (term.kink() for term in self.terms) if kink is not None]


def _travel(catalogue: Catalogue, profile: Profile) -> list[Term]:
    travel = catalogue.travel
    if profile.distance_km == 0 or profile.visits == 0:
        return []

    def words() -> str:
        text = (
            f"{format_count(profile.visits, 'посещение', 'посещения')} извън {travel.home_city} × "
            f"2 × {format_number(profile.distance_km)} км × {format_eur(travel.per_km)}"
        )
        return text + (f" + {format_eur(travel.per_visit)} на посещение" if travel.per_visit else "")

    per_visit = 2 * profile.distance_km * travel.per_km + travel.per_visit
    return [Fixed("travel", "Пътни разходи", profile.visits * per_visit, words)]


def _work(plan: Plan, profile: Profile, incidents: Decimal) -> list[Term]:
    rate = plan.hourly_rate
    if plan.kind == "package":

        def package_words() -> str:
            return f"фиксирана такса за {plan.name}, с {format_hours(plan.included_hours)} работа на месец"

        return [Fixed("fee", "Месечна такса", plan.monthly_fee, package_words)]
    if plan.kind == "subscription":
        return [
            Fixed("fee", "Месечна такса", plan.monthly_fee, lambda: f"фиксирана такса за {plan.name}"),
            Hours("extra_hours", "Часове над включените", rate, incidents, plan.included_hours),
        ]
    if plan.kind == "hourly":
        return [Hours("hours", "Отработени часове", rate, incidents)]
    if plan.kind == "per_job":

        def minimum_words() -> str:
            return (
                f"минимум {format_hours(plan.minimum_hours_per_visit)} на посещение × "
                f"{format_count(profile.visits, 'посещение', 'посещения')}"
            )

        minimum = profile.visits * plan.minimum_hours_per_visit
        return [Hours("hours", "Свършена работа", rate, incidents, None, minimum, minimum_words)]
    fee = plan.incident_fee if plan.incident_fee is not None else ZERO

    def incident_words() -> str:
        return (
            f"{format_count(profile.incidents, 'инцидент', 'инцидента')} × от {format_eur(fee)}"
            " (договорена сума до решаване)"
        )

    # The incident fee is agreed until the case is solved: incident hours are in it.
    return [
        Fixed("incidents", "Инциденти", profile.incidents * fee, incident_words),
        Hours("hours", "Редовна работа", rate),
    ]


def cost_model(catalogue: Catalogue, plan: Plan, profile: Profile) -> CostModel:
    """The terms of ``plan``'s monthly cost for ``profile`` (see the module docstring).

    The profile's own regular hours play no part: they are the variable.
    """
    incidents = incident_hours(profile, catalogue.effort)
    work = _work(plan, profile, incidents)
    limit = plan.included_hours - incidents if plan.kind == "package" else None
    return CostModel(plan, tuple(work + _travel(catalogue, profile)), limit)
