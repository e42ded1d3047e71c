"""Quote links: a profile and a price-list id in a short, readable URL fragment.

Format, version 1 (parameters in this order, ``&``-separated)::

    #v=1&pl=2026-11&d=2026-11-26&c=b&ws=10&sv=1&inc=2&h=7.5&vis=1&km=30&rt=4&at=2026-12-23T17:00

=====  ======================================  =================================
param  meaning                                  values (bounds: ``profile.BOUNDS``)
=====  ======================================  =================================
v      format version                           ``1`` (required)
pl     price-list id                            ``[A-Za-z0-9][A-Za-z0-9._-]{0,31}`` (required)
d      the day the quote was issued (optional)  ``YYYY-MM-DD``, years 2000-2100
c      customer                                 ``b`` business, ``i`` individual
ws     workstations                             whole number 0-10000
sv     servers                                  whole number 0-1000
inc    incidents a month                        0-1000, up to 2 decimals
h      regular hours a month (absent: derived)  0-10000, up to 2 decimals
vis    on-site visits a month                   whole number 0-1000
km     one-way distance outside the city        0-2000, up to 2 decimals
rt     required reaction, hours (optional)      0.01-720, up to 2 decimals
at     incident moment (optional; absent: now)  ``YYYY-MM-DDTHH:MM`` Sofia time,
                                                ``%2B02:00`` appended only for the
                                                second 03:xx of the October night
dc     cost of an hour of stopped work, euro    0-100000, up to 2 decimals
       (optional; absent: not considered)
op     when the customer operates (optional;    ``24/7``; ``b`` (working days and
       absent: working days and hours)          hours) is accepted but not written
=====  ======================================  =================================

``dc`` and ``op`` came later than the rest: a link without them opens as it
always did, and a link with only the defaults is written without them, so
the links of every quote made before them stay the same.

Numbers use a dot and no exponent. Absent optional parameters take the
:class:`Profile` defaults. Anything else (unknown or repeated parameters, a
link over 2000 characters, an unknown version) is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from calculator.catalogue import PRICE_LIST_ID
from calculator.clock import is_ambiguous, parse_moment
from calculator.errors import ProfileError, QuoteLinkError
from calculator.money import decimal_text
from calculator.profile.profile import Profile, to_decimal

__all__ = ["VERSION", "QuoteLink", "decode_link", "decode_link_lenient", "encode_link"]

VERSION = "1"
MAX_LENGTH = 2000
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_NUMBER = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Only the moment's shape: parse_moment says which times exist, in words of its own.
_MOMENT = re.compile(_DATE.pattern + r"T[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z)?")
# Link parameter -> Profile field, for the numeric fields.
_NUMBERS = {
    "ws": "workstations",
    "sv": "servers",
    "inc": "incidents",
    "h": "regular_hours",
    "vis": "visits",
    "km": "distance_km",
    "rt": "reaction_hours",
}
_CUSTOMERS = {"b": "business", "i": "individual"}
_OPERATING = {"b": "business", "24/7": "24/7"}
# Written after the moment, in this order, only when given.
_LATER_NUMBERS = {"dc": "downtime_cost"}
PARAMS = ("v", "pl", "d", "c", *_NUMBERS, "at", *_LATER_NUMBERS, "op")


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
    parts.append(f"c={profile.customer[0]}")
    for param, name in _NUMBERS.items():
        value = getattr(profile, name)
        if value is not None:
            parts.append(f"{param}={decimal_text(value) if not isinstance(value, int) else value}")
    if profile.incident_at is not None:
        moment = profile.incident_at
        text = moment.strftime("%Y-%m-%dT%H:%M")
        if moment.fold and is_ambiguous(moment):
            offset = moment.strftime("%z")
            # "+" would read as a space in a query; the offset is only digits and a sign.
            text += (offset[:3] + ":" + offset[3:]).replace("+", "%2B")
        parts.append(f"at={text}")
    for param, name in _LATER_NUMBERS.items():
        value = getattr(profile, name)
        if value is not None:
            parts.append(f"{param}={decimal_text(value)}")
    if profile.operating != "business":
        parts.append(f"op={profile.operating}")
    return "#" + "&".join(parts)


def _fragment(text: str) -> str:
    if not isinstance(text, str):
        raise QuoteLinkError("", "връзката трябва да е текст")
    if len(text) > MAX_LENGTH:
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
    """The link's name=value pairs; ``None`` for a name without a value (an error of that name only)."""
    pairs: list[tuple[str, str | None]] = []
    for part in fragment.split("&"):
        if not part:
            continue
        key, sep, value = part.partition("=")
        pairs.append((unquote(key), unquote(value) if sep else None))
    return pairs


def _read(param: str, value: str) -> tuple[str, Any]:
    """One parameter to (Profile field, value), or ("", ...) for v/pl."""
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
    if param == "c":
        if value not in _CUSTOMERS:
            raise QuoteLinkError("c", "клиентът трябва да е b (фирма) или i (физическо лице)")
        return "customer", _CUSTOMERS[value]
    if param == "op":
        if value not in _OPERATING:
            raise QuoteLinkError("op", "трябва да е b (в работно време) или 24/7 (денонощно)")
        return "operating", _OPERATING[value]
    if param in _NUMBERS or param in _LATER_NUMBERS:
        name = _NUMBERS.get(param) or _LATER_NUMBERS[param]
        if not _NUMBER.fullmatch(value):
            raise QuoteLinkError(param, "трябва да е число с точка, например 7.5")
        try:
            number = to_decimal(name, value)
        except ProfileError as err:
            raise QuoteLinkError(param, err.reason) from None
        return name, number
    if param == "at":
        if not _MOMENT.fullmatch(value):
            raise QuoteLinkError("at", "моментът трябва да е във вида 2026-12-23T17:00")
        try:
            moment = parse_moment(value)
        except ValueError:
            raise QuoteLinkError("at", "няма такъв момент (дата, час или смяна на часовото време)") from None
        try:
            Profile(incident_at=moment)
        except ProfileError as err:
            raise QuoteLinkError("at", err.reason) from None
        return "incident_at", moment
    raise QuoteLinkError(param[:20], "непознат параметър")


def _decode(text: str, errors: list[QuoteLinkError] | None) -> QuoteLink:
    """Decode; with ``errors`` a list, collect errors and skip bad parameters."""

    def fail(err: QuoteLinkError) -> None:
        if errors is None:
            raise err
        errors.append(err)

    values: dict[str, Any] = {}
    price_list: str | None = None
    issued: date | None = None
    seen: set[str] = set()
    try:
        pairs = _pairs(_fragment(text))
    except QuoteLinkError as err:
        fail(err)
        pairs = []
    # One bad pair costs only its own value: the lenient decode keeps the rest.
    for param, value in pairs:
        if param in seen:
            fail(QuoteLinkError(param[:20], "параметърът се повтаря"))
            continue
        seen.add(param)
        try:
            if value is None:
                raise QuoteLinkError(param[:20], "липсва стойност (очаква се име=стойност)")
            name, parsed = _read(param, value)
        except QuoteLinkError as err:
            fail(err)
            continue
        if param == "pl":
            price_list = parsed
        elif param == "d":
            issued = parsed
        elif name:
            values[name] = parsed
    for required in ("v", "pl"):
        if required not in seen:
            fail(QuoteLinkError(required, "липсва задължителен параметър"))
    known = {item.name for item in fields(Profile)}
    assert set(values) <= known
    return QuoteLink(price_list, Profile(**values), issued)


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
