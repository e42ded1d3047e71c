"""The profile's two lists: counts of the catalogue's additional services, and procurement lines.

Both are part of a quote's one-off part. A service is named by its
catalogue id only: the profile does not know the catalogue, the quote matches
the ids with it. A procurement line is what a prospect needs bought (a short
description and a quantity); it is never priced by the engine.

Each reason is in words for a visitor and names the entry at fault (the
service's id, or the line's number from 1), so that the form, the link and
the CLI can each name the field their own way before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from calculator.catalogue import ITEM_ID
from calculator.errors import ProfileError
from calculator.numbers import NumberProblem, read_decimal

__all__ = ["Counts", "Lines", "check_counts", "check_lines"]

#: Service id -> how many, sorted by id, no zeros.
Counts = tuple[tuple[str, int], ...]
#: (description, quantity), in the prospect's order.
Lines = tuple[tuple[str, int], ...]


def _whole(value: object, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, or ValueError."""
    try:
        return int(read_decimal(value, Decimal(low), Decimal(high), 0))
    except NumberProblem:
        raise ValueError from None


def check_counts(
    name: str, value: object, high: int, most: int, names: Mapping[str, str] | None = None
) -> Counts:
    """Service counts (a mapping id -> count, or (id, count) pairs) as the profile keeps them.

    A count of 0 is the same as no count: it is left out. ``names`` (id ->
    the service's name) names a service in a reason by its name, as the form
    shows it; otherwise by its id.

    Raises:
        ProfileError: a bad id, a count that is not whole or out of 0..``high``,
            an id given twice, more than ``most`` services.
    """
    pairs = list(value.items()) if isinstance(value, Mapping) else _pairs(name, value)
    if len(pairs) > most:
        raise ProfileError(name, f"най-много {most} услуги")
    counts: dict[str, int] = {}
    for key, count in pairs:
        if not isinstance(key, str) or not ITEM_ID.fullmatch(key):
            raise ProfileError(name, f"непозната услуга {str(key)[:40]!r}")
        called = (names or {}).get(key, key)
        if key in counts:
            raise ProfileError(name, f"{called}: услугата е дадена два пъти")
        try:
            counts[key] = _whole(count, 0, high)
        except ValueError:
            raise ProfileError(name, f"{called}: броят трябва да е цяло число от 0 до {high}") from None
    return tuple(sorted((key, count) for key, count in counts.items() if count))


def check_lines(
    name: str, value: object, high: int, most: int, longest: int, rows: Sequence[int] = ()
) -> Lines:
    """Procurement lines ((description, quantity) pairs, or mappings with those keys) as kept.

    A reason names a line by its number from 1, or by ``rows[i]`` when given
    (the form's row, which may leave empty rows between lines).

    Raises:
        ProfileError: more than ``most`` lines, an empty description or one
            over ``longest`` characters or with a control character, a
            quantity that is not whole or out of 1..``high``.
    """
    items = _pairs(name, value, keys=("description", "quantity"))
    if len(items) > most:
        raise ProfileError(name, f"най-много {most} реда")
    lines = []
    for index, (text, quantity) in enumerate(items):
        number = rows[index] if index < len(rows) else index + 1
        if not isinstance(text, str):
            raise ProfileError(name, f"ред {number}: описанието трябва да е текст")
        # Line breaks and runs of spaces become one space: a description is one line.
        text = " ".join(text.split())
        if not text:
            raise ProfileError(name, f"ред {number}: липсва описание")
        if len(text) > longest:
            raise ProfileError(name, f"ред {number}: описанието е по-дълго от {longest} знака")
        # Once its whitespace is one space, a description must be printable:
        # no control, no invisible format character (a bidi override), no
        # private or unassigned code point. (isprintable, not unicodedata:
        # importing that costs the calculator's start in the browser.)
        if not text.isprintable():
            raise ProfileError(name, f"ред {number}: описанието съдържа непозволен знак")
        try:
            lines.append((text, _whole(quantity, 1, high)))
        except ValueError:
            raise ProfileError(
                name, f"ред {number}: количеството трябва да е цяло число от 1 до {high}"
            ) from None
    return tuple(lines)


def _pairs(name: str, value: object, keys: tuple[str, str] | None = None) -> list[tuple[object, object]]:
    """The entries of a list value: 2-item sequences, or mappings with ``keys``."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ProfileError(name, "трябва да е списък")
    pairs: list[tuple[object, object]] = []
    for item in value:
        if keys is not None and isinstance(item, Mapping) and set(item) == set(keys):
            pairs.append((item[keys[0]], item[keys[1]]))
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            pairs.append((item[0], item[1]))
        else:
            raise ProfileError(name, "всеки елемент трябва да е двойка (име, брой)")
    return pairs
