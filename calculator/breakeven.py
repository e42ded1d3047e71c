"""Break-even points: the hours of regular work at which one plan becomes cheaper.

Costs are piecewise linear in the regular hours (kinks where a
subscription's included hours run out and where a per-job minimum stops
applying), so the difference of two plans is linear between the kinks and
its zeros are found exactly, without sampling.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from calculator.catalogue import Catalogue, Plan
from calculator.money import decimal_text, format_hours
from calculator.pricing import raw_cost
from calculator.profile import BOUNDS, Profile

__all__ = ["BreakEven", "break_even_points", "kinks"]

HOURS = Decimal("0.01")


@dataclass(frozen=True)
class BreakEven:
    """A point where the cheaper of two plans changes.

    Below ``hours`` of regular work a month ``cheaper_below`` costs less;
    above it ``cheaper_above`` does.
    """

    hours: Decimal
    cheaper_below: str
    cheaper_above: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """JSON-safe form."""
        return {
            "hours": decimal_text(self.hours),
            "cheaper_below": self.cheaper_below,
            "cheaper_above": self.cheaper_above,
            "text": self.text,
        }


def kinks(plan: Plan, profile: Profile, incident_hours: Decimal) -> list[Decimal]:
    """Regular hours at which the plan's cost changes slope (may be negative)."""
    if plan.kind == "subscription":
        return [plan.included_hours - incident_hours]
    if plan.kind == "per_job":
        return [profile.visits * plan.minimum_hours_per_visit - incident_hours]
    return []


def _crossings(catalogue: Catalogue, a: Plan, b: Plan, profile: Profile) -> list[tuple[Decimal, int]]:
    """Zeros of cost(a) - cost(b) as (hours, sign of the difference before)."""
    incident_hours = profile.incidents * catalogue.effort.hours_per_incident
    top = BOUNDS["regular_hours"][1]
    points = sorted(
        {
            Decimal(0),
            top,
            *(
                k
                for k in kinks(a, profile, incident_hours) + kinks(b, profile, incident_hours)
                if 0 < k < top
            ),
        }
    )

    def diff(x: Decimal) -> Decimal:
        return raw_cost(catalogue, a, profile, x) - raw_cost(catalogue, b, profile, x)

    found: list[tuple[Decimal, int]] = []
    last: tuple[int, Decimal, Decimal] | None = None  # (index, x, diff) of the last non-zero point
    for i, x in enumerate(points):
        d = diff(x)
        if d == 0:
            continue
        if last is not None and (last[2] < 0) != (d < 0):
            j, lx, ld = last
            # Linear between adjacent points; after a stretch of equal costs,
            # the plans part ways where the stretch began.
            root = lx + (x - lx) * ld / (ld - d) if j == i - 1 else points[j + 1]
            found.append((root, 1 if ld > 0 else -1))
        last = (i, x, d)
    return found


def break_even_points(catalogue: Catalogue, profile: Profile) -> tuple[BreakEven, ...]:
    """Every point where the cheaper of two plans changes, by hours of regular work.

    Other profile values (incidents, visits, distance) stay as given.
    """
    results = []
    for a, b in combinations(catalogue.plans, 2):
        for root, sign in _crossings(catalogue, a, b, profile):
            below, above = (b, a) if sign > 0 else (a, b)
            hours = root.quantize(HOURS, rounding=ROUND_HALF_UP)
            text = (
                f"над {format_hours(hours)} редовна работа на месец {above.name} "
                f"излиза по-евтино от {below.name}"
            )
            results.append(BreakEven(hours, below.id, above.id, text))
    return tuple(sorted(results, key=lambda r: (r.hours, r.cheaper_below, r.cheaper_above)))
