"""Break-even points: the hours of regular work at which one plan becomes cheaper.

Costs are piecewise linear in the regular hours (kinks where a
subscription's included hours run out and where a per-job minimum stops
applying, see :mod:`calculator.pricing.cost`), so the difference of two plans is
linear between the kinks and its zeros are found exactly, without sampling.
The exact, unrounded cost is compared: the quoted net rounds it line by
line, which would make the difference a staircase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from calculator.money import decimal_text, format_hours
from calculator.pricing.cost import CostModel
from calculator.profile.fields import BY_NAME

__all__ = ["BreakEven", "break_even_points"]

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


def _crossings(points: list[Decimal], diffs: list[Decimal]) -> list[tuple[Decimal, int]]:
    """Zeros of a piecewise linear difference, given at its ``points``, as (hours, sign before)."""
    found: list[tuple[Decimal, int]] = []
    last: tuple[int, Decimal, Decimal] | None = None  # (index, x, diff) of the last non-zero point
    for i, (x, d) in enumerate(zip(points, diffs, strict=True)):
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


def break_even_points(models: Sequence[CostModel]) -> tuple[BreakEven, ...]:
    """Every point where the cheaper of two plans changes, by hours of regular work.

    Other profile values (incidents, visits, distance) stay as the models
    were built for.

    Args:
        models: Each plan's cost model for the profile, in the catalogue's
            order (the quote builds them once, see :func:`calculator.pricing.quote.quote`).
    """
    top = BY_NAME["regular_hours"].highest
    kinks = {model.plan.id: [k for k in model.kinks() if 0 < k < top] for model in models}
    # Each plan costed once at every point that any pair of plans needs.
    every = {Decimal(0), top, *(k for ks in kinks.values() for k in ks)}
    costs = {model.plan.id: {x: model.cost(x) for x in every} for model in models}
    results = []
    for a, b in combinations([model.plan for model in models], 2):
        points = sorted({Decimal(0), top, *kinks[a.id], *kinks[b.id]})
        diffs = [costs[a.id][x] - costs[b.id][x] for x in points]
        for root, sign in _crossings(points, diffs):
            below, above = (b, a) if sign > 0 else (a, b)
            hours = root.quantize(HOURS, rounding=ROUND_HALF_UP)
            text = (
                f"над {format_hours(hours)} редовна работа на месец {above.name} "
                f"излиза по-евтино от {below.name}"
            )
            results.append(BreakEven(hours, below.id, above.id, text))
    return tuple(sorted(results, key=lambda r: (r.hours, r.cheaper_below, r.cheaper_above)))
