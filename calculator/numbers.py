"""The one reader of numbers that people write: editors' figures, visitors' answers, the sales CLI's.

It decides what is a number and what is wrong with it; each audience words
the problem for itself: editors read Bulgarian naming the file and the field
(:mod:`calculator.catalogue.readers`), visitors Bulgarian naming the field
(:mod:`calculator.profile.profile`), the sales CLI's user its option
(:mod:`backoffice.sales.cli`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal

__all__ = ["NumberProblem", "Problem", "read_decimal"]

Problem = Literal["not_a_number", "not_finite", "too_small", "too_large", "too_precise"]


class NumberProblem(ValueError):
    """Why a value is not an acceptable number; the caller words it for its audience.

    Attributes:
        problem: What is wrong, as a code.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem)


def read_decimal(
    value: object,
    low: Decimal,
    high: Decimal,
    places: int | None,
    *,
    floats: bool = False,
    count_zeros: bool = False,
) -> Decimal:
    """Read a plain decimal number from ``low`` to ``high`` inclusive.

    Args:
        value: An int, a Decimal, decimal text (surrounding spaces allowed) or,
            with ``floats``, a float, read as its shortest text; never a bool.
        low: The smallest value allowed.
        high: The largest value allowed.
        places: The most decimal places allowed; ``None`` for any.
        floats: Accept floats: YAML front matter has them, but a float from a
            visitor has already lost the exact value.
        count_zeros: Count trailing zeros as places, so that ``35.500`` has
            three; otherwise it has one.

    Raises:
        NumberProblem: the first problem, checked in the order of :data:`Problem`.
    """
    kinds = (int, float, str, Decimal) if floats else (int, str, Decimal)
    text = str(value)
    # Decimal() reads "1_000" as 1000: a typo must not become a price or an answer.
    if isinstance(value, bool) or not isinstance(value, kinds) or "_" in text:
        raise NumberProblem("not_a_number")
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise NumberProblem("not_a_number") from None
    if not number.is_finite():
        raise NumberProblem("not_finite")
    if number < low:
        raise NumberProblem("too_small")
    if number > high:
        raise NumberProblem("too_large")
    exponent = number.as_tuple().exponent
    if (
        places is not None
        and isinstance(exponent, int)
        and exponent < -places
        and (count_zeros or number != number.quantize(Decimal(1).scaleb(-places)))
    ):
        raise NumberProblem("too_precise")
    return number
