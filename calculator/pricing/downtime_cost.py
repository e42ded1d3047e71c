"""What waiting costs: each plan's expected downtime in money, and where a faster plan pays off.

Expected monthly downtime cost = incidents a month x the plan's expected
wait (:mod:`calculator.time.expected_wait`, as shown, to 0.01 h) x the customer's cost of
an hour of stopped work, rounded half up to the cent. A plan's total is its
fee as the customer compares it (without VAT for a business, with VAT for
an individual) plus that cost. Both are straight lines in the cost per hour,
so where a faster, dearer plan overtakes a slower, cheaper one is found
exactly: (fee difference) / (incidents x wait difference).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from calculator.catalogue import Plan
from calculator.money import CENT, format_eur, round_money
from calculator.profile.fields import BY_NAME
from calculator.time.expected_wait import ExpectedWait

__all__ = ["CostBreakEven", "Downtime", "cost_break_evens", "downtime_of"]


@dataclass(frozen=True)
class Downtime:
    """A plan's expected wait and, when a cost per hour is given, what it costs a month."""

    wait: ExpectedWait
    monthly_cost: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: decimal strings with 2 places."""
        cost = None if self.monthly_cost is None else str(self.monthly_cost)
        return {
            "expected_wait_hours": str(self.wait.hours),
            "monthly_cost": cost,
            "estimate": self.wait.estimate,
        }


def downtime_of(wait: ExpectedWait, incidents: Decimal, cost_per_hour: Decimal | None) -> Downtime:
    """The downtime of a plan with expected ``wait`` (see the module)."""
    cost = None if cost_per_hour is None else round_money(incidents * wait.hours * cost_per_hour)
    return Downtime(wait, cost)


@dataclass(frozen=True)
class CostBreakEven:
    """Above ``cost_per_hour`` euro an hour of stopped work, ``faster`` costs less in all than ``slower``."""

    cost_per_hour: Decimal
    faster: str
    slower: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form."""
        return {
            "cost_per_hour": str(self.cost_per_hour),
            "faster": self.faster,
            "slower": self.slower,
            "text": self.text,
        }


def break_even_text(cost: Decimal, faster: Plan, slower: Plan) -> str:
    """The break-even point in words."""
    return (
        f"Ако час престой ви струва над {format_eur(cost)}, {faster.name} излиза по-изгодно от {slower.name}"
    )


def cost_break_evens(
    plans: Sequence[tuple[Plan, Decimal, ExpectedWait]], incidents: Decimal
) -> tuple[CostBreakEven, ...]:
    """Where each faster plan becomes cheaper in all than the plan with the lowest fee.

    Args:
        plans: The plans to compare as (plan, fee, expected wait), the fee as
            the customer compares it; the first with the lowest fee (ties by
            the given order) is the one the others are measured against.
        incidents: Incidents a month.

    Returns:
        A point for each plan with a shorter expected wait, cheapest point
        first; none when there are no incidents, nor above the largest cost
        per hour the form takes.
    """
    if not plans or incidents == 0:
        return ()
    cheapest, fee, wait = min(plans, key=lambda entry: entry[1])
    top = BY_NAME["downtime_cost"].highest
    found = []
    for plan, other_fee, other_wait in plans:
        if other_wait.hours >= wait.hours:
            continue
        exact = (other_fee - fee) / (incidents * (wait.hours - other_wait.hours))
        cost = max(exact, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
        if cost <= top:
            found.append(CostBreakEven(cost, plan.id, cheapest.id, break_even_text(cost, plan, cheapest)))
    return tuple(sorted(found, key=lambda point: (point.cost_per_hour, point.faster)))
