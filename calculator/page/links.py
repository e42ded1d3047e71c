"""Quote links: a profile and a price-list id in a short, readable URL fragment.

Format, version 1 (parameters in this order, ``&``-separated)::

    #v=1&pl=2026-11&d=2026-11-26&c=b&ws=10&sv=1&inc=2&h=7.5&vis=1&km=30&rt=4&at=2026-12-23T17:00

=====  ======================================  =================================
param  meaning                                  values
=====  ======================================  =================================
v      format version                           ``1`` (required)
pl     price-list id                            ``[A-Za-z0-9][A-Za-z0-9._-]{0,31}`` (required)
d      the day the quote was issued (optional)  ``YYYY-MM-DD``, years 2000-2100
=====  ======================================  =================================

Then one parameter a profile field, named, bounded and in the order of
:data:`calculator.profile.fields.FIELDS` (the editors' guide lists them from
there): a number with a dot (its bounds are the field's), a choice by its
code (``c=b`` business, ``c=i`` individual), the incident moment as
``YYYY-MM-DDTHH:MM`` Sofia time with ``%2B02:00`` appended only for the
second 03:xx of the October night. An optional field is written only when
given.

The fields marked ``later`` in the table (``dc``, ``op``, ``us``, ``dp``)
came after the rest: a link without them opens as it always did, and one
with only their defaults is written without them, so the links of every
quote made before them stay the same.

The two lists of the one-off part are one parameter each, their entries
joined by ``~``: the additional services as ``id*count``
(``us=usluga-a*1~usluga-b*2``), the procurement lines as
``description*quantity`` with the description percent-encoded as UTF-8, so
that a ``~`` or ``*`` in it cannot split it (``dp=%D0%A2%D0%BE%D0%BD%D0%B5%D1%80*4``).

Numbers use a dot and no exponent. Absent optional parameters take the
:class:`Profile` defaults. Anything else (unknown or repeated parameters, a
link over 2000 characters once its escapes are read, an unknown version) is
an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.catalogue import ITEM_ID, PRICE_LIST_ID
from calculator.clock import is_ambiguous
from calculator.errors import ProfileError, QuoteLinkError
from calculator.money import decimal_text
from calculator.profile.fields import BY_NAME, BY_PARAM, FIELDS, Field
from calculator.profile.profile import Profile, read_value

__all__ = [
    "PARAMS",
    "PARAM_NAMES",
    "VERSION",
    "QuoteLink",
    "decode_link",
    "decode_link_lenient",
    "encode_link",
    "escape",
    "unquote",
]

VERSION = "1"
#: The longest link, in the characters a person reads (each escape one character).
MAX_LENGTH = 2000
# As typed, an escaped Cyrillic letter takes six characters (four bytes, twelve).
_RAW_LENGTH = 12 * MAX_LENGTH
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")
_COUNT = re.compile(r"([^*]+)\*([0-9]{1,6})")
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_NUMBER = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Only the moment's shape: parse_moment says which times exist, in words of its own.
_MOMENT = re.compile(_DATE.pattern + r"T[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z)?")
#: Every parameter, in the order a link writes them: the link's own, then the fields'.
PARAMS = ("v", "pl", "d", *(field.param for field in FIELDS))
#: The parameters in words, for the visitor ("" is the whole link).
PARAM_NAMES = {
    "": "връзката",
    "v": "версия",
    "pl": "ценоразпис",
    "d": "дата на оценката",
    **{field.param: field.words for field in FIELDS},
}


@dataclass(frozen=True)
class QuoteLink:
    """What a quote link holds. ``price_list`` is ``None`` only from a lenient decode.

    ``issued`` is the day the quote was made (``None`` when the link has no
    ``d``): the quote is valid for a while from that day, at that price list.
    """

    price_list: str | None
    profile: Profile
    issued: date | None = None


def encode_link(price_list: str, profile: Profile, issued: date | None = None) -> str:
    """Encode a price-list id, a profile and the day of issue as a URL fragment, ``#`` included."""
    if not PRICE_LIST_ID.fullmatch(price_list):
        raise QuoteLinkError("pl", "невалиден ценоразпис")
    parts = [f"v={VERSION}", f"pl={price_list}"]
    if issued is not None:
        parts.append(f"d={issued.isoformat()}")
    for field in FIELDS:
        value = getattr(profile, field.name)
        if value is None or (field.later and value == _default(field)):
            continue
        parts.append(f"{field.param}={_write(field, value)}")
    return "#" + "&".join(parts)


def _default(field: Field) -> Any:
    return Profile.__dataclass_fields__[field.name].default


def _write(field: Field, value: Any) -> str:
    if field.choices:
        return field.choice(value).code
    if field.widget == "moment":
        text = str(value.strftime("%Y-%m-%dT%H:%M"))
        if value.fold and is_ambiguous(value):
            offset = value.strftime("%z")
            # "+" would read as a space in a query; the offset is only digits and a sign.
            text += (offset[:3] + ":" + offset[3:]).replace("+", "%2B")
        return text
    if field.widget == "counts":
        return "~".join(f"{key}*{count}" for key, count in value)
    if field.widget == "lines":
        return "~".join(f"{escape(text)}*{count}" for text, count in value)
    return str(value) if isinstance(value, int) else decimal_text(value)


def escape(text: str) -> str:
    """``text`` with every character but ASCII letters, digits and ``._-`` written as %XX of its UTF-8."""
    return "".join(
        char if char in _SAFE else "".join(f"%{byte:02X}" for byte in char.encode()) for char in text
    )


def _fragment(text: str) -> str:
    if not isinstance(text, str):
        raise QuoteLinkError("", "връзката трябва да е текст")
    if len(text) > _RAW_LENGTH or len(unquote(text)) > MAX_LENGTH:
        raise QuoteLinkError("", f"връзката е по-дълга от {MAX_LENGTH} знака")
    text = text.strip()
    if "#" in text:
        return text.split("#", 1)[1]
    if "://" in text or text.startswith(("/", "?")):
        raise QuoteLinkError("", "в адреса няма данни за оферта (липсва частта след #)")
    return text


def unquote(text: str) -> str:
    """Decode %XX escapes as UTF-8, a bad byte as U+FFFD: ``urllib.parse.unquote(text, errors="replace")``.

    Written out because importing urllib.parse (it brings ipaddress) costs
    Pyodide about 80 ms of the calculator's start; a test holds it equal to
    the standard library's on any text.
    """
    return _ESCAPES.sub(lambda run: bytes.fromhex(run[0].replace("%", "")).decode("utf-8", "replace"), text)


def _pairs(fragment: str) -> list[tuple[str, str | None]]:
    """The link's name=value pairs, each value as written (a list splits before its escapes are read).

    ``None`` is a name without a value (an error of that name only).
    """
    pairs: list[tuple[str, str | None]] = []
    for part in fragment.split("&"):
        if not part:
            continue
        key, sep, value = part.partition("=")
        pairs.append((unquote(key), value if sep else None))
    return pairs


def _read(param: str, raw: str) -> tuple[str, Any]:
    """One parameter, as written, to (Profile field, value), or ("", ...) for v/pl/d."""
    field = BY_PARAM.get(param)
    if field is not None and field.widget in ("counts", "lines"):
        return field.name, _read_list(field, raw)
    value = unquote(raw)
    if param == "v":
        if value != VERSION:
            raise QuoteLinkError("v", f"непозната версия на връзката: {value[:10]!r}")
        return "", value
    if param == "pl":
        if not PRICE_LIST_ID.fullmatch(value):
            raise QuoteLinkError("pl", "невалиден идентификатор на ценоразпис")
        return "", value
    if param == "d":
        try:
            day = date.fromisoformat(value) if _DATE.fullmatch(value) else None
        except ValueError:
            day = None
        if day is None or not 2000 <= day.year <= 2100:
            raise QuoteLinkError("d", "датата трябва да е във вида 2026-11-26")
        return "", day
    if field is None:
        raise QuoteLinkError(param[:20], "непознат параметър")
    return field.name, _read_field(field, value)


def _read_field(field: Field, value: str) -> Any:
    """A field's value from the link's text: its shape only; the profile checks the rest."""
    if field.choices:
        for choice in field.choices:
            if choice.code == value:
                return choice.value
        raise QuoteLinkError(field.param, field.choice_reason(codes=True))
    if field.widget == "moment":
        if not _MOMENT.fullmatch(value):
            raise QuoteLinkError(field.param, "моментът трябва да е във вида 2026-12-23T17:00")
        try:
            return read_value(field.name, value)
        except ProfileError as err:
            raise QuoteLinkError(field.param, err.reason) from None
    if not _NUMBER.fullmatch(value):
        raise QuoteLinkError(field.param, "трябва да е число с точка, например 7.5")
    return value


def _read_list(field: Field, raw: str) -> list[tuple[str, str]]:
    """A list's entries from the link's text, each ``name*count``; the profile checks the rest."""
    entries = []
    for entry in raw.split("~"):
        # The description's own escapes are read after the split, so no ~ or * of it splits it.
        match = _COUNT.fullmatch(entry)
        if match is None:
            example = "usluga*2" if field.widget == "counts" else "Тонер*4"
            raise QuoteLinkError(field.param, f"всеки елемент трябва да е във вида {example}")
        name = unquote(match[1])
        if field.widget == "counts" and not ITEM_ID.fullmatch(name):
            raise QuoteLinkError(field.param, f"непозната услуга {name[:40]!r}")
        entries.append((name, match[2]))
    return entries


def _decode(text: str, errors: list[QuoteLinkError] | None) -> QuoteLink:
    """Decode; with ``errors`` a list, collect errors and skip bad parameters.

    Each value is read for its shape here and checked once, by the profile;
    the problems are told in the order of the link's parameters either way.
    """
    found: list[tuple[int, QuoteLinkError]] = []
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    price_list: str | None = None
    issued: date | None = None
    seen: set[str] = set()
    try:
        pairs = _pairs(_fragment(text))
    except QuoteLinkError as err:
        found.append((0, err))
        pairs = []
    # One bad pair costs only its own value: the lenient decode keeps the rest.
    for index, (param, value) in enumerate(pairs):
        if param in seen:
            found.append((index, QuoteLinkError(param[:20], "параметърът се повтаря")))
            continue
        seen.add(param)
        try:
            if value is None:
                raise QuoteLinkError(param[:20], "липсва стойност (очаква се име=стойност)")
            name, parsed = _read(param, value)
        except QuoteLinkError as err:
            found.append((index, err))
            continue
        if param == "pl":
            price_list = parsed
        elif param == "d":
            issued = parsed
        elif name:
            values[name], where[name] = parsed, index
    for required in ("v", "pl"):
        if required not in seen:
            found.append((len(pairs), QuoteLinkError(required, "липсва задължителен параметър")))
    while True:
        try:
            profile = Profile(**values)
            break
        except ProfileError as err:
            found.append((where[err.field], QuoteLinkError(BY_NAME[err.field].param, err.reason)))
            del values[err.field]
    found.sort(key=lambda item: item[0])
    if errors is None and found:
        raise found[0][1]
    if errors is not None:
        errors.extend(err for _, err in found)
    return QuoteLink(price_list, profile, issued)


def decode_link(text: str) -> QuoteLink:
    """Decode a quote link strictly.

    Args:
        text: A whole URL, or its fragment with or without ``#``.

    Raises:
        QuoteLinkError: the first problem, with ``.param`` and ``.reason``;
            never any other exception.
    """
    try:
        return _decode(text, None)
    except QuoteLinkError:
        raise
    except Exception as err:  # the contract: only QuoteLinkError escapes
        raise QuoteLinkError("", "връзката не може да бъде прочетена") from err


def decode_link_lenient(text: str) -> tuple[QuoteLink, list[QuoteLinkError]]:
    """Decode what can be decoded; bad parameters keep the profile defaults.

    Returns:
        The link data (``price_list`` ``None`` if missing or bad) and every
        problem found, so the browser can apply the rest and say what it skipped.
    """
    errors: list[QuoteLinkError] = []
    try:
        return _decode(text, errors), errors
    except Exception as err:  # never fail the page over a link
        return QuoteLink(None, Profile()), [
            QuoteLinkError("", f"връзката не може да бъде прочетена ({err.__class__.__name__})")
        ]
