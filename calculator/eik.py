"""The ЕИК (the Bulgarian company code) and its check digits, as the Registry Agency computes them.

In the engine, not only in the build: an offer names its customer by ЕИК,
and the page and the sales CLI must refuse a mistyped one the same way the
build refuses a wrong one in ``mkdocs.yml``. Standard library only (the
build used python-stdnum, which the browser does not have; a test holds
the two equal).

A company's ЕИК is 9 digits, the 9th a check digit; a branch's is 13, the
13th a second check digit over digits 9-12.
"""

from __future__ import annotations

import re

__all__ = ["branch_check_digit", "check_digit", "is_valid_eik"]

_EIK = re.compile(r"[0-9]{9}|[0-9]{13}")


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    """The weighted sum modulo 11, or the second weights' when the first gives 10; 10 at last is 0."""
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11


def check_digit(digits: str) -> int:
    """The 9th digit of a company's ЕИК, from its first 8 digits."""
    remainder = _weighted(digits, (1, 2, 3, 4, 5, 6, 7, 8))
    if remainder == 10:
        remainder = _weighted(digits, (3, 4, 5, 6, 7, 8, 9, 10))
    return remainder % 10


def branch_check_digit(digits: str) -> int:
    """The 13th digit of a branch's ЕИК, from its first 12 digits."""
    tail = digits[8:12]
    for weights in ((2, 7, 3, 5), (4, 9, 5, 7)):
        remainder = _weighted(tail, weights)
        if remainder != 10:
            return remainder
    return 0


def is_valid_eik(eik: str) -> bool:
    """Whether ``eik`` is a valid ЕИК: 9 digits, or 13 for a branch, with right check digits."""
    if not isinstance(eik, str) or not _EIK.fullmatch(eik):
        return False
    if check_digit(eik[:8]) != int(eik[8]):
        return False
    return len(eik) == 9 or branch_check_digit(eik) == int(eik[12])
