"""A whole quote: every plan priced, its reaction, and a recommendation.

Money in the quote is euro a month unless named ``annual_*`` (12 months).
A plan *meets* the required reaction when its guaranteed deadline for the
profile's incident moment falls within the required hours of elapsed time:
a working-hours guarantee meets it on a weekday morning but not on a
Saturday night. Plans without a guarantee never meet a requirement. With no
requirement every plan meets it, and the cheapest plan is recommended.

Every plan also gets its expected wait before reaction (:mod:`calculator.time.expected_wait`)
for the 28 days from the incident's day. When the profile gives a cost of an
hour of stopped work, the recommendation weighs the fee plus the expected
downtime cost (:mod:`calculator.pricing.downtime_cost`) instead of the fee alone.

A plan that buys a fixed volume of work (a package) *covers* the profile
only when the regular and incident hours fit in it
(:meth:`calculator.pricing.cost.CostModel.covers`); one that does not is
priced (its fee) but, like a plan that misses the required reaction, never
recommended nor compared on downtime. Every other plan always covers.

The one-off part (:mod:`calculator.pricing.one_off`: additional services and
procurement) is the same for every plan and plays no part in the
recommendation: it is paid once, whichever plan is chosen.

Each plan's cost model is built once here and kept on its :class:`PlanQuote`:
the price, the break-even points and the page's chart all read that one.
Which amount the customer compares, and its words, is :mod:`calculator.pricing.vat`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue
from calculator.clock import SOFIA, to_sofia
from calculator.money import ZERO, decimal_text, format_eur, format_hours
from calculator.pricing.breakeven import BreakEven, break_even_points
from calculator.pricing.cost import CostModel, cost_model
from calculator.pricing.downtime_cost import CostBreakEven, Downtime, cost_break_evens, downtime_of
from calculator.pricing.one_off import OneOff, one_off
from calculator.pricing.plan_price import PlanPrice, Workload, price_of, regular_hours, workload
from calculator.pricing.vat import VatBasis, vat_basis
from calculator.profile.profile import Profile
from calculator.time.expected_wait import expected_wait
from calculator.time.reaction import ReactionOutlook, at_moment, reaction_for, within
from calculator.time.worktime import WorkCalendar

__all__ = ["PlanQuote", "Quote", "quote", "shortfall_text"]

MONTHS = 12


@dataclass(frozen=True)
class PlanQuote:
    """One plan in a quote, and the plan's cost model for the quote's profile (priced from it)."""

    price: PlanPrice
    reaction: ReactionOutlook
    meets_requirement: bool
    bgn_per_eur: Decimal | None
    downtime: Downtime
    model: CostModel = field(repr=False)
    #: Whether the plan covers the profile's hours; a package may not (see the module).
    covers: bool = True
    #: Regular + incident hours above the package's volume: 0 when it covers.
    hours_over: Decimal = ZERO

    @property
    def id(self) -> str:
        """The plan id."""
        return self.price.plan.id

    def fee(self, basis: VatBasis) -> Decimal:
        """The monthly price as the customer compares it (:attr:`Quote.basis`)."""
        return basis.amount(self.price)

    def total(self, basis: VatBasis) -> Decimal:
        """The fee plus the expected downtime cost (the fee alone without a cost per hour)."""
        return self.fee(basis) + (self.downtime.monthly_cost or 0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form; amounts are decimal strings in euro a month.

        ``covers`` and ``hours_over`` say whether the plan covers the
        profile's hours and by how many hours it falls short. ``hours_over``
        is a JSON number, not a decimal string like the amounts: ``0`` for
        every plan that covers (as the issue that brought it writes it), an
        integer when whole and otherwise its exact decimal (``2.5``).
        ``downtime`` is there only when the profile gives a cost per hour.
        ``bgn`` (with a rate) has the same amounts in leva, made by
        :func:`calculator.money.bgn_amounts`: net and VAT converted each, the
        gross their sum, and each ``annual_*`` 12 times the monthly lev amount,
        so that they add up as the euro ones do.
        """
        plan, price = self.price.plan, self.price
        amounts = {"net": price.net, "vat": price.vat, "gross": price.gross}
        data: dict[str, Any] = {
            "id": plan.id,
            "name": plan.name,
            "kind": plan.kind,
            "order": plan.order,
            "priority": plan.priority,
            "price_is_from": price.price_is_from,
            "lines": [line.to_dict() for line in price.lines],
            **{key: str(value) for key, value in amounts.items()},
            **{f"annual_{key}": str(value * MONTHS) for key, value in amounts.items()},
            "meets_requirement": self.meets_requirement,
            "covers": self.covers,
            "hours_over": _json_number(self.hours_over),
            "reaction": self.reaction.to_dict(),
        }
        if self.downtime.monthly_cost is not None:
            data["downtime"] = self.downtime.to_dict()
        if self.bgn_per_eur is not None:
            # Net and VAT converted each, the gross their sum; a year is 12 times each month's leva.
            bgn = price.bgn(self.bgn_per_eur)
            leva = {"net": bgn.net, "vat": bgn.vat, "gross": bgn.gross}
            year = bgn.times(MONTHS)
            annual = {"net": year.net, "vat": year.vat, "gross": year.gross}
            data["bgn"] = {key: str(value) for key, value in leva.items()}
            data["bgn"].update({f"annual_{key}": str(value) for key, value in annual.items()})
        return data


def _json_number(value: Decimal) -> int | float:
    """``value`` as a JSON number whose text is the decimal's own (``0``, ``2``, ``2.5``)."""
    if value == value.to_integral_value():
        return int(value)
    number = float(value)
    # Hours here have at most 4 decimal places and 11 digits: the float's shortest text is exact.
    assert Decimal(repr(number)) == value
    return number


def shortfall_text(item: PlanQuote) -> str:
    """Why a fixed-volume plan (a package) does not cover the profile, in one sentence; "" if it covers."""
    if item.covers:
        return ""
    volume = item.price.plan.included_hours
    return (
        f"Планът включва {format_hours(volume)} работа на месец, а по вашите данни са нужни "
        f"{format_hours(volume + item.hours_over)} - с {format_hours(item.hours_over)} повече."
    )


@dataclass(frozen=True)
class Quote:
    """Every plan priced for one profile, with the recommendation.

    :attr:`basis` is the amount the customer compares: with VAT for an
    individual, without for a business (:func:`calculator.pricing.vat.vat_basis`).
    """

    price_list: str
    profile: Profile
    incident_at: datetime
    vat_percent: Decimal
    workload: Workload
    plans: tuple[PlanQuote, ...]
    recommended: str | None
    recommendation: str
    break_even: tuple[BreakEven, ...]
    bgn_per_eur: Decimal | None
    downtime_break_even: tuple[CostBreakEven, ...] = ()
    one_off: OneOff = field(default_factory=OneOff)

    @property
    def basis(self) -> VatBasis:
        """The amount the customer compares, and its words."""
        return vat_basis(self.profile.customer)

    @property
    def vat_first(self) -> bool:
        """Whether to show prices with VAT first (individuals), as :attr:`basis` says."""
        return self.basis.with_vat

    def plan(self, plan_id: str) -> PlanQuote:
        """The quote of the plan ``plan_id`` (KeyError if absent)."""
        for item in self.plans:
            if item.id == plan_id:
                return item
        raise KeyError(plan_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, for the sales CLI's ``--json`` (which adds the quote's link).

        Without a cost per hour it is what it was before downtime was priced:
        no downtime keys, not even the profile's; without one-off lines it
        has no ``one_off``, nor the profile's two lists.
        """
        load = self.workload
        profile = self.profile.to_dict()
        if self.profile.downtime_cost is None:
            del profile["downtime_cost"], profile["operating"]
        if not self.one_off.lines:
            del profile["services"], profile["procurement"]
        data = {
            "price_list": self.price_list,
            "profile": profile,
            "incident_at": self.incident_at.isoformat(),
            "vat_percent": decimal_text(self.vat_percent),
            "vat_first": self.vat_first,
            "primary_amount": self.basis.key,
            "bgn_per_eur": None if self.bgn_per_eur is None else decimal_text(self.bgn_per_eur),
            "workload": {
                "regular_hours": decimal_text(load.regular_hours),
                "incident_hours": decimal_text(load.incident_hours),
                "total_hours": decimal_text(load.total_hours),
                "derived": load.derived,
                "explanation": load.explanation,
            },
            "plans": [item.to_dict() for item in self.plans],
            "recommended": self.recommended,
            "recommendation": self.recommendation,
            "break_even": [item.to_dict() for item in self.break_even],
        }
        if self.profile.downtime_cost is not None:
            data["downtime_break_even"] = [item.to_dict() for item in self.downtime_break_even]
        if self.one_off.lines:
            data["one_off"] = self.one_off.to_dict()
        return data


def _recommend(
    items: list[PlanQuote], profile: Profile, incident_at: datetime, basis: VatBasis
) -> tuple[str | None, str]:
    def price_words(item: PlanQuote) -> str:
        prefix = "от " if item.price.price_is_from else ""
        return f"{prefix}{format_eur(item.fee(basis))} на месец {basis.words}"

    meeting = [item for item in items if item.meets_requirement and item.covers]
    required = profile.reaction_hours
    if not meeting:
        # Only a package may not cover; a price list of packages alone may leave none.
        if required is None:
            return None, (
                "Нито един план не покрива нужния ви обем работа. Свържете се с нас за индивидуални условия."
            )
        if any(item.meets_requirement for item in items):
            return None, (
                f"Плановете, които гарантират реакция до {format_hours(required)} при инцидент "
                f"{at_moment(incident_at)}, не покриват нужния ви обем работа. "
                "Свържете се с нас за индивидуални условия."
            )
        return None, (
            f"Нито един план не гарантира реакция до {format_hours(required)} при инцидент "
            f"{at_moment(incident_at)}. Свържете се с нас за индивидуални условия."
        )
    # Without a cost per hour the total is the fee: the cheapest fee wins, as it always did.
    best = min(meeting, key=lambda item: (item.total(basis), item.price.plan.order, item.id))
    name = best.price.plan.name
    lead = f"{name} е най-изгодният план"
    if required is not None:
        lead += f", който реагира до {format_hours(required)} при инцидент {at_moment(incident_at)}"
    cost = best.downtime.monthly_cost
    if cost is None:
        reason = f"{lead}{'' if required is not None else ' за вашите нужди'}: {price_words(best)}."
    else:
        prefix = "от " if best.price.price_is_from else ""
        fee, total = format_eur(best.fee(basis)), format_eur(best.total(basis))
        reason = (
            f"{lead}, като се брои и очакваната загуба от престой: цена на плана {prefix}{fee} "
            f"{basis.words} + загуба от престой {format_eur(cost)} = {prefix}{total} на месец."
        )
    if required is None and not best.reaction.guaranteed:
        reason += (
            " Той няма договорен срок за реакция - когато нещо се повреди, може да няма"
            " свободен специалист. Разумно е да договорите реакция предварително."
        )
    # A package that is cheaper but too small is not the advice: say why, or its card would puzzle.
    for item in items:
        if not item.covers and item.meets_requirement and item.total(basis) < best.total(basis):
            volume = item.price.plan.included_hours
            reason += (
                f" {item.price.plan.name} струва по-малко, но включва само {format_hours(volume)} "
                f"работа на месец, а са ви нужни {format_hours(volume + item.hours_over)}."
            )
    return best.id, reason


def quote(
    catalogue: Catalogue,
    profile: Profile,
    *,
    days_off: Iterable[date] = (),
    now: datetime | None = None,
    with_bgn: bool = False,
) -> Quote:
    """Price every plan of ``catalogue`` for ``profile``.

    Args:
        catalogue: The price list; its ``calendar`` supplies the days off.
        profile: The prospect's answers.
        days_off: Extra days off on top of the catalogue's calendar.
        now: The moment used when the profile has no incident moment
            (default: the current time in Sofia); pass it for repeatable output.
        with_bgn: Add lev equivalents (:func:`calculator.money.bgn_amounts`).
    """
    if profile.incident_at is not None:
        incident_at = profile.incident_at
    else:
        incident_at = to_sofia(now) if now is not None else datetime.now(SOFIA)
    calendar = WorkCalendar.from_catalogue(catalogue, days_off)
    hours = regular_hours(profile, catalogue.effort)
    items = []
    for plan in catalogue.plans:
        # The one cost model of this plan for this quote: priced here, compared
        # by the break-even points below, and drawn by the page's chart.
        model = cost_model(catalogue, plan, profile)
        price = price_of(model, hours, catalogue.vat_percent)
        outlook = reaction_for(plan, incident_at, calendar)
        meets = profile.reaction_hours is None or within(outlook, profile.reaction_hours)
        rate = catalogue.bgn_per_eur if with_bgn else None
        wait = expected_wait(plan.reaction, incident_at.date(), profile.operating, calendar)
        downtime = downtime_of(wait, profile.incidents, profile.downtime_cost)
        covers, over = model.covers(hours), model.hours_over(hours)
        items.append(PlanQuote(price, outlook, meets, rate, downtime, model, covers, over))
    basis = vat_basis(profile.customer)
    recommended, reason = _recommend(items, profile, incident_at, basis)
    eligible = [
        (item.price.plan, item.fee(basis), item.downtime.wait)
        for item in items
        if item.meets_requirement and item.covers
    ]
    return Quote(
        price_list=catalogue.price_list,
        profile=profile,
        incident_at=incident_at,
        vat_percent=catalogue.vat_percent,
        workload=workload(profile, catalogue.effort),
        plans=tuple(items),
        recommended=recommended,
        recommendation=reason,
        break_even=break_even_points([item.model for item in items]),
        bgn_per_eur=catalogue.bgn_per_eur if with_bgn else None,
        downtime_break_even=cost_break_evens(eligible, profile.incidents),
        one_off=one_off(catalogue, profile),
    )
