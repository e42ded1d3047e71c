"""Offer links: a quote link for a named customer, signed by sales with Ed25519.

A quote link is anyone's estimate; an offer link is what sales issued, and
the customer can see that nobody changed it, with no server: the page
checks the signature against the public keys in ``mkdocs.yml``
(``extra.offers.keys``). The link is a quote link (``v``, ``pl``, ``d`` the
day of issue, the profile as :mod:`calculator.page.links` writes it), then
the offer's parameters in this order, then the signature::

    #v=1&pl=2026-12&d=2026-12-03&c=b&ws=10&...&of=2026-0042&cu=...&plan=osnoven&vu=2027-01-02&k=k1&s=...

=====  ==============================================  ===============================================
param  meaning                                         values
=====  ==============================================  ===============================================
of     offer number (required)                         letters, digits, ``-`` and ``/``, 1-20
cu     customer's name (required)                      1-120 printable characters, escaped as UTF-8
eik    customer's ЕИК (optional)                       9 or 13 digits with right check digits
plan   the plan offered (required)                     a plan id of the link's price list
dsc    discount on the plan's fee and rate (optional)  0-50 %, up to 2 decimals
it     one-off items at agreed prices (optional)       ``description*quantity*unit_price`` joined by
                                                       ``~``; quantity 1-1000, euro without VAT, <= 12
vu     valid until (required)                          ``YYYY-MM-DD``, after ``d``, at most 90 days
sp     salesperson (optional)                          1-80 characters, escaped
nt     a short note (optional)                         1-200 characters, escaped
k      the key's id (required)                         ``[a-z0-9-]{1,32}``
s      the signature (required, last)                  Ed25519, base64url without padding (86)
=====  ==============================================  ===============================================

The signature is over the UTF-8 bytes of the fragment, without ``#``,
before ``&s=``: the link as written, escapes and all. It is checked first,
and the offer's values are read only from a link whose signature holds: an
unsigned value is never shown as the company's word. A refused offer still
opens as the ordinary estimate its quote part is, when that part reads.
Whether the offer's plan is in the price list is checked where the price
list is known (:func:`calculator.pricing.offer.price_offer`).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculator.ed25519 import verify
from calculator.errors import QuoteLinkError
from calculator.money import decimal_text
from calculator.page.links import MAX_LENGTH, QuoteLink, decode_link, encode_link, escape, unquote
from calculator.page.offer_values import Offer
from calculator.pricing.offer import OfferItem
from calculator.profile.profile import Profile

__all__ = [
    "OFFER_PARAMS",
    "Offer",
    "OfferCheck",
    "decode_offer",
    "encode_offer",
    "is_offer_link",
    "quote_part",
    "sign_offer",
    "signed_bytes",
]

#: The offer's parameters, in the order a link writes them, after the quote's.
OFFER_PARAMS = ("of", "cu", "eik", "plan", "dsc", "it", "vu", "sp", "nt", "k")
_REQUIRED = ("of", "cu", "plan", "vu", "k")
SIGNATURE = "&s="
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL = re.compile(r"[0-9]{1,7}(\.[0-9]{1,2})?")
_ITEM = re.compile(r"([^*]+)\*([0-9]{1,4})\*(" + _DECIMAL.pattern + ")")
_SIGNATURE = re.compile(r"[A-Za-z0-9_-]{86}")


def encode_offer(price_list: str, profile: Profile, issued: date, offer: Offer) -> str:
    """The offer's link before its signature, ``#`` included: sign :func:`signed_bytes` of it."""
    offer.check_dates(issued)
    parts = [encode_link(price_list, profile, issued), f"of={offer.number}", f"cu={escape(offer.customer)}"]
    if offer.eik is not None:
        parts.append(f"eik={offer.eik}")
    parts.append(f"plan={offer.plan}")
    if offer.discount:
        parts.append(f"dsc={decimal_text(offer.discount)}")
    if offer.items:
        entries = (f"{escape(i.description)}*{i.quantity}*{decimal_text(i.unit_price)}" for i in offer.items)
        parts.append("it=" + "~".join(entries))
    parts.append(f"vu={offer.valid_until.isoformat()}")
    if offer.salesperson is not None:
        parts.append(f"sp={escape(offer.salesperson)}")
    if offer.note is not None:
        parts.append(f"nt={escape(offer.note)}")
    parts.append(f"k={offer.key_id}")
    return "&".join(parts)


def signed_bytes(unsigned: str) -> bytes:
    """What the signature covers: the link's UTF-8 bytes, without ``#``."""
    return unsigned.removeprefix("#").encode()


def sign_offer(unsigned: str, signature: bytes) -> str:
    """The signed link: ``unsigned`` and ``&s=`` with the 64-byte signature in base64url, no padding."""
    return unsigned + SIGNATURE + base64.urlsafe_b64encode(signature).decode().rstrip("=")


def _fragment(text: str) -> str:
    text = text.strip()
    return text.split("#", 1)[1] if "#" in text else text


def is_offer_link(text: str) -> bool:
    """Whether ``text`` is meant as an offer (it has an offer number or a signature)."""
    fragment = _fragment(text) if isinstance(text, str) else ""
    return any(part.startswith(("of=", "s=")) for part in fragment.split("&"))


@dataclass(frozen=True)
class OfferCheck:
    """What an offer link holds, and whether its signature holds.

    Attributes:
        link: The quote part (``None`` when it does not read): a refused
            offer still opens as an ordinary estimate.
        offer: The offer, only when its signature holds and it reads.
        reason: Why the offer is refused, in Bulgarian; empty when it is not.
        expired: Whether today is past the day it is valid until.
    """

    link: QuoteLink | None
    offer: Offer | None = None
    reason: str = ""
    expired: bool = False

    @property
    def signed(self) -> bool:
        """Whether the offer's signature holds (the offer may still have expired)."""
        return self.offer is not None


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for part in text.split("&"):
        key, sep, value = part.partition("=")
        if not sep:
            raise QuoteLinkError(key[:20], "липсва стойност (очаква се име=стойност)")
        pairs.append((key, value))
    return pairs


def _split(unsigned: str) -> tuple[str, dict[str, str]]:
    """The quote part's text, and the offer's parameters (their order and presence checked)."""
    pairs = _pairs(unsigned)
    start = next((n for n, (key, _) in enumerate(pairs) if key in OFFER_PARAMS), len(pairs))
    quote_part = "&".join(f"{key}={value}" for key, value in pairs[:start])
    offer = pairs[start:]
    keys = [key for key, _ in offer]
    order = [param for param in OFFER_PARAMS if param in keys]
    if keys != order:
        wrong = next((k for k in keys if k not in OFFER_PARAMS or keys.count(k) > 1), "")
        raise QuoteLinkError(wrong[:20], "параметрите на офертата не са в реда си или се повтарят")
    for required in _REQUIRED:
        if required not in keys:
            raise QuoteLinkError(required, "липсва задължителен параметър на офертата")
    return quote_part, dict(offer)


def _read_items(raw: str) -> tuple[OfferItem, ...]:
    items = []
    for number, entry in enumerate(raw.split("~"), 1):
        match = _ITEM.fullmatch(entry)
        if match is None:
            raise QuoteLinkError("it", f"позиция {number} не е във вида описание*количество*цена")
        items.append(OfferItem(unquote(match[1]), int(match[2]), Decimal(match[3])))
    return tuple(items)


def _read_offer(values: Mapping[str, str]) -> Offer:
    day = values["vu"]
    try:
        valid_until = date.fromisoformat(day) if _DATE.fullmatch(day) else None
    except ValueError:
        valid_until = None
    if valid_until is None:
        raise QuoteLinkError("vu", "датата трябва да е във вида 2026-12-31")
    dsc = values.get("dsc", "0")
    if not _DECIMAL.fullmatch(dsc):
        raise QuoteLinkError("dsc", "отстъпката е от 0 до 50 %, до 2 знака след точката")
    optional = {param: unquote(values[param]) for param in ("eik", "sp", "nt") if param in values}
    return Offer(
        number=values["of"],
        customer=unquote(values["cu"]),
        plan=values["plan"],
        valid_until=valid_until,
        key_id=values["k"],
        eik=optional.get("eik"),
        discount=Decimal(dsc),
        items=_read_items(values["it"]) if "it" in values else (),
        salesperson=optional.get("sp"),
        note=optional.get("nt"),
    )


def _signature(text: str) -> bytes:
    """The signature's 64 bytes, or the reason it is refused."""
    if "&" in text or "=" in text:
        raise QuoteLinkError("s", "след подписа има още параметри")
    if not _SIGNATURE.fullmatch(text):
        if re.fullmatch(r"[A-Za-z0-9_-]*", text):
            raise QuoteLinkError("s", "подписът е с грешна дължина")
        raise QuoteLinkError("s", "подписът съдържа непозволен знак")
    try:
        raw = base64.urlsafe_b64decode(text + "==")
    except binascii.Error:
        raise QuoteLinkError("s", "подписът не се чете") from None
    # 86 characters carry 516 bits: the last 4 must be zero, so that one signature has one text.
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != text:
        raise QuoteLinkError("s", "подписът не е записан канонично")
    return raw


def _quote_part(text: str) -> QuoteLink | None:
    try:
        return decode_link(text)
    except QuoteLinkError:
        return None


def decode_offer(text: str, keys: Mapping[str, bytes], today: date) -> OfferCheck:
    """Check an offer link's signature, then read it.

    The order is the one that trusts nothing unsigned: the signature's
    text, the key it names, the signature over the bytes before it; only
    then the offer's values and its dates.

    Args:
        text: The whole link, or its fragment with or without ``#``.
        keys: The public keys by id (``extra.offers.keys``): a key removed
            from there is retired, and what it signed is refused.
        today: The day in Sofia, for :attr:`OfferCheck.expired`.

    Returns:
        The check; it never raises on what the link holds.
    """
    if not isinstance(text, str) or len(text) > 12 * MAX_LENGTH or len(unquote(text)) > MAX_LENGTH:
        return OfferCheck(None, reason=f"връзката е по-дълга от {MAX_LENGTH} знака")
    fragment = _fragment(text)
    unsigned, found, signature_text = fragment.rpartition(SIGNATURE)
    if not found:
        return OfferCheck(_quote_part(_cut(fragment)), reason="офертата не е подписана")
    link = _quote_part(_cut(unsigned))
    try:
        if SIGNATURE in unsigned:
            # Signed twice: whatever follows the first signature is not its message.
            raise QuoteLinkError("s", "след подписа има още параметри")
        signature = _signature(signature_text)
        # The key's id is the last parameter before the signature; the rest is read once it holds.
        _, named, key_id = unsigned.rpartition("&k=")
        if not named:
            raise QuoteLinkError("k", "липсва ключът, с който е подписана офертата")
        public_key = keys.get(key_id)
        if public_key is None:
            raise QuoteLinkError("k", f"непознат или оттеглен ключ „{key_id[:32]}“")
        if not verify(public_key, signed_bytes(unsigned), signature):
            raise QuoteLinkError("s", "подписът не съвпада")
        quote_text, values = _split(unsigned)
        link = decode_link(quote_text)
        offer = _read_offer(values)
        offer.check_dates(link.issued)
    except QuoteLinkError as err:
        return OfferCheck(link, reason=err.reason)
    return OfferCheck(link, offer, expired=today > offer.valid_until)


def _cut(fragment: str) -> str:
    """The quote part of an offer's text: its pairs before the first offer parameter or ``s``."""
    kept = []
    for part in fragment.split("&"):
        if part.partition("=")[0] in (*OFFER_PARAMS, "s"):
            break
        kept.append(part)
    return "&".join(kept)


def quote_part(text: str) -> str:
    """The quote part of an offer link (``#`` and all the offer's parameters left out): anyone's estimate."""
    return _cut(_fragment(text))
