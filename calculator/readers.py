"""Strict readers of single price-list values, each failing with a located CatalogueError.

Numbers are read by :func:`calculator.numbers.read_decimal`: ints, floats or
strings (never bools) become ``Decimal(str(x))`` and must be finite,
non-negative, bounded and have no more decimal places than allowed; the
messages here are the editors', in English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, time
from decimal import Decimal
from typing import Any, cast

from calculator.clock import parse_clock_time
from calculator.errors import CatalogueError
from calculator.money import ZERO
from calculator.numbers import NumberProblem, read_decimal

__all__ = [
    "MAX_HOURS",
    "MAX_MONEY",
    "Ctx",
    "boolean",
    "clock_time",
    "day",
    "days",
    "decimal",
    "hours",
    "integer",
    "keys",
    "mapping",
    "money",
    "show",
    "text",
]

MAX_MONEY = Decimal(1_000_000)
MAX_HOURS = Decimal(1000)


class Ctx:
    """Where we are: the plan id (once known) for error messages."""

    def __init__(self, plan: str | None = None) -> None:
        self.plan = plan

    def fail(self, field: str, reason: str) -> CatalogueError:
        """A CatalogueError for ``field`` of the current plan."""
        return CatalogueError(reason, field=field, plan=self.plan)


def mapping(ctx: Ctx, value: object, field: str) -> Mapping[str, Any]:
    """The value as a mapping of keys."""
    if not isinstance(value, Mapping):
        raise ctx.fail(field, f"must be a mapping of keys, got {show(value)}")
    return cast(Mapping[str, Any], value)


def keys(
    ctx: Ctx,
    data: Mapping[str, Any],
    field: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> None:
    """Refuse unknown keys (typos) and require the ``required`` ones."""
    for key in data:
        if key not in required and key not in optional:
            allowed = ", ".join([*required, *optional])
            raise ctx.fail(f"{field}.{key}", f"unknown key (allowed here: {allowed})")
    for key in required:
        if key not in data:
            raise ctx.fail(f"{field}.{key}", "missing required key")


def show(value: object) -> str:
    """A short ``repr`` of a bad value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def decimal(ctx: Ctx, value: object, field: str, places: int, maximum: Decimal) -> Decimal:
    """A non-negative decimal up to ``maximum`` with at most ``places`` decimal places (zeros count)."""
    try:
        return read_decimal(value, ZERO, maximum, places, floats=True, count_zeros=True)
    except NumberProblem as problem:
        reason = {
            "not_a_number": "must be a number",
            "not_finite": "must be a finite number",
            "too_small": "must not be negative",
            "too_large": f"must be at most {maximum}",
            "too_precise": f"at most {places} decimal places allowed",
        }[problem.problem]
        raise ctx.fail(field, f"{reason}, got {show(value)}") from None


def money(ctx: Ctx, value: object, field: str) -> Decimal:
    """Euro amount: up to 2 decimal places."""
    return decimal(ctx, value, field, 2, MAX_MONEY)


def hours(ctx: Ctx, value: object, field: str) -> Decimal:
    """Hours: up to 2 decimal places."""
    return decimal(ctx, value, field, 2, MAX_HOURS)


def integer(ctx: Ctx, value: object, field: str, maximum: int) -> int:
    """A whole number from 0 to ``maximum`` (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ctx.fail(field, f"must be a whole number, got {show(value)}")
    if not 0 <= value <= maximum:
        raise ctx.fail(field, f"must be between 0 and {maximum}, got {value}")
    return value


def text(ctx: Ctx, value: object, field: str, pattern: re.Pattern[str] | None = None) -> str:
    """Non-empty text, optionally of the form ``pattern``."""
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(field, f"must be non-empty text, got {show(value)}")
    if pattern is not None and not pattern.fullmatch(value):
        raise ctx.fail(field, f"has an invalid form {show(value)} (expected {pattern.pattern})")
    return value.strip()


def boolean(ctx: Ctx, value: object, field: str) -> bool:
    """True or false (YAML "yes" is a string here and is refused)."""
    if not isinstance(value, bool):
        raise ctx.fail(field, f"must be true or false, got {show(value)}")
    return value


def day(ctx: Ctx, value: object, field: str) -> date:
    """A date, from YAML or ISO text."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ctx.fail(field, f"must be a date like 2026-01-02, got {show(value)}")


def clock_time(ctx: Ctx, value: object, field: str) -> time:
    """A quoted wall-clock time such as "09:00"."""
    # YAML 1.1 reads unquoted 18:00 as the number 1080; say how to fix it.
    try:
        if isinstance(value, str):
            return parse_clock_time(value)
    except ValueError:
        pass
    raise ctx.fail(field, f'must be a quoted time like "09:00", got {show(value)}')


def days(ctx: Ctx, value: object, field: str) -> frozenset[date]:
    """A list of dates."""
    if not isinstance(value, list):
        raise ctx.fail(field, f"must be a list of dates, got {show(value)}")
    return frozenset(day(ctx, item, f"{field}[{i}]") for i, item in enumerate(value))
