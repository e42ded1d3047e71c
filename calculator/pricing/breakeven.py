"""Break-even points: the hours of regular work at which one plan becomes cheaper.

Costs are piecewise linear in the regular hours (kinks where a
subscription's included hours run out and where a per-job minimum stops
applying, see :mod:`calculator.pricing.cost`), so the difference of two plans is
linear between the kinks and its zeros are found exactly, without sampling.
The exact, unrounded cost is compared: the quoted net rounds it line by
line, which would make the difference a staircase.

A plan that covers only so many hours (a package, :attr:`CostModel.limit`)
is compared only up to them, and never said to be cheaper above them: a
point where it becomes the cheaper one names the hours it holds for ("от 3
до 6,5 ч"), and where its cover ends while it is the cheaper one, the other
plan takes over there (a point of its own). Those hours are rounded inwards
to 0.01 h, so each sentence stays true; a plan whose limit is 0 or less
covers no regular hours and is compared with none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from itertools import combinations

from calculator.catalogue import Plan
from calculator.money import decimal_text, format_hours, format_number
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


def _last_sign(diffs: list[Decimal]) -> int:
    """The sign of the last non-zero difference: which plan is cheaper at the end (0: equal all along)."""
    last = next((d for d in reversed(diffs) if d != 0), Decimal(0))
    return (last > 0) - (last < 0)


def _crossing(hours: Decimal, below: Plan, above: Plan, limit: Decimal | None) -> BreakEven:
    """The point where ``above`` becomes cheaper; it stays so only up to its ``limit``, if it has one."""
    hours = hours.quantize(HOURS, rounding=ROUND_HALF_UP)
    if limit is None:
        where = f"над {format_hours(hours)}"
    else:
        where = f"от {format_number(hours)} до {format_hours(limit.quantize(HOURS, rounding=ROUND_FLOOR))}"
    text = f"{where} редовна работа на месец {above.name} излиза по-евтино от {below.name}"
    return BreakEven(hours, below.id, above.id, text)


def _cover_ends(limit: Decimal, ending: Plan, other: Plan) -> BreakEven:
    """The point where the cheaper ``ending`` stops covering, so that ``other`` is the cheaper above it."""
    hours = limit.quantize(HOURS, rounding=ROUND_CEILING)
    text = (
        f"над {format_hours(hours)} редовна работа на месец {other.name} излиза по-изгодно от "
        f"{ending.name}, защото включените в него часове вече не стигат"
    )
    return BreakEven(hours, ending.id, other.id, text)


def break_even_points(models: Sequence[CostModel]) -> tuple[BreakEven, ...]:
    """Every point where the cheaper of two plans changes, by hours of regular work.

    Other profile values (incidents, visits, distance) stay as the models
    were built for. A plan with a limit is compared only up to it (see the module).

    Args:
        models: Each plan's cost model for the profile, in the catalogue's
            order (the quote builds them once, see :func:`calculator.pricing.quote.quote`).
    """
    top = BY_NAME["regular_hours"].highest
    # How far each plan is compared: to the top of the form, or to the end of its cover.
    ends = {model.plan.id: top if model.limit is None else min(model.limit, top) for model in models}
    compared = [model for model in models if ends[model.plan.id] > 0]
    kinks = {model.plan.id: [k for k in model.kinks() if 0 < k < ends[model.plan.id]] for model in compared}
    # Each plan costed once at every point that any pair of plans needs.
    every = {Decimal(0), *ends.values(), *(k for ks in kinks.values() for k in ks)}
    costs = {model.plan.id: {x: model.cost(x) for x in every} for model in compared}
    limits = {model.plan.id: model.limit for model in compared}
    results = []
    for a, b in combinations([model.plan for model in compared], 2):
        end = min(ends[a.id], ends[b.id])
        points = sorted({Decimal(0), end, *(k for k in kinks[a.id] + kinks[b.id] if k < end)})
        diffs = [costs[a.id][x] - costs[b.id][x] for x in points]
        for root, sign in _crossings(points, diffs):
            below, above = (b, a) if sign > 0 else (a, b)
            results.append(_crossing(root, below, above, limits[above.id]))
        if end < top and ends[a.id] != ends[b.id]:
            # One of the two stops covering here: if it was the cheaper, the other takes over.
            ending, other = (a, b) if ends[a.id] == end else (b, a)
            cheaper_end = _last_sign(diffs) * (1 if ending is a else -1) < 0
            if cheaper_end:
                results.append(_cover_ends(end, ending, other))
    return tuple(sorted(results, key=lambda r: (r.hours, r.cheaper_below, r.cheaper_above)))
