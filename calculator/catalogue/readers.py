"""Strict readers of single price-list values, each failing with a located CatalogueError.

Numbers are read by :func:`calculator.numbers.read_decimal`: ints, floats or
strings (never bools) become ``Decimal(str(x))`` and must be finite,
non-negative, bounded and have no more decimal places than allowed. The
messages are the editors', in Bulgarian like the editors' guide: each says
what is wrong, what was written, and so what to write instead.
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
        raise ctx.fail(
            field, f"трябва да съдържа полета (име: стойност, на отделни редове); написано е {show(value)}"
        )
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
            raise ctx.fail(
                f"{field}.{key}", f"непознато поле: поправете името или го махнете (тук може: {allowed})"
            )
    for key in required:
        if key not in data:
            raise ctx.fail(f"{field}.{key}", "липсва задължително поле: добавете го")


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
            "not_a_number": "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50)",
            "not_finite": "трябва да е истинско число (напр. 38.50)",
            "too_small": "не може да е отрицателно",
            "too_large": f"трябва да е най-много {maximum}",
            "too_precise": f"позволени са най-много {places} знака след точката",
        }[problem.problem]
        raise ctx.fail(field, f"{reason}; написано е {show(value)}") from None


def money(ctx: Ctx, value: object, field: str) -> Decimal:
    """Euro amount: up to 2 decimal places."""
    return decimal(ctx, value, field, 2, MAX_MONEY)


def hours(ctx: Ctx, value: object, field: str) -> Decimal:
    """Hours: up to 2 decimal places."""
    return decimal(ctx, value, field, 2, MAX_HOURS)


def integer(ctx: Ctx, value: object, field: str, maximum: int) -> int:
    """A whole number from 0 to ``maximum`` (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ctx.fail(field, f"трябва да е цяло число, без кавички; написано е {show(value)}")
    if not 0 <= value <= maximum:
        raise ctx.fail(field, f"трябва да е от 0 до {maximum}; написано е {value}")
    return value


def text(ctx: Ctx, value: object, field: str, pattern: re.Pattern[str] | None = None, form: str = "") -> str:
    """Non-empty text, optionally of the form ``pattern`` (described to editors as ``form``)."""
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(field, f"трябва да е текст, не празно; написано е {show(value)}")
    if pattern is not None and not pattern.fullmatch(value):
        expected = form or pattern.pattern
        raise ctx.fail(field, f"има неправилен вид {show(value)}: пишете {expected}")
    return value.strip()


def boolean(ctx: Ctx, value: object, field: str) -> bool:
    """True or false (YAML "yes" is a string here and is refused)."""
    if not isinstance(value, bool):
        raise ctx.fail(field, f"трябва да е true (да) или false (не); написано е {show(value)}")
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
    raise ctx.fail(field, f"трябва да е дата във вида ГГГГ-ММ-ДД, напр. 2026-01-02; написано е {show(value)}")


def clock_time(ctx: Ctx, value: object, field: str) -> time:
    """A quoted wall-clock time such as "09:00"."""
    # YAML 1.1 reads unquoted 18:00 as the number 1080; say how to fix it.
    try:
        if isinstance(value, str):
            return parse_clock_time(value)
    except ValueError:
        pass
    raise ctx.fail(field, f'трябва да е час в кавички, напр. "09:00"; написано е {show(value)}')


def days(ctx: Ctx, value: object, field: str) -> frozenset[date]:
    """A list of dates."""
    if not isinstance(value, list):
        raise ctx.fail(field, f"трябва да е списък от дати, напр. [2026-01-02]; написано е {show(value)}")
    return frozenset(day(ctx, item, f"{field}[{i}]") for i, item in enumerate(value))
