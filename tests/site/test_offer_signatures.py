"""Offer links signed with `cryptography`: every character before the signature counts; a long offer opens.

Here and not in tests/engine: it signs, and the engine's own tests (run in
Pyodide too) have only the one offer signed once for them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from calculator import Profile
from calculator.page.links import unquote
from calculator.page.offer_link import decode_offer, encode_offer, sign_offer, signed_bytes
from calculator.pricing.offer import OfferItem
from tests.engine.page.test_offer_link import ISSUED, KEYS, LINK, OFFER, UNSIGNED

TODAY = date(2026, 12, 10)


def _expected(unsigned: str, index: int) -> str:
    """The reason a change at ``index`` gets: the key's id and its name are read before the signature."""
    tail = unsigned.rindex("&k=")
    if tail <= index < tail + 3:
        return "липсва ключът, с който е подписана офертата"
    if index >= tail + 3:
        changed = unsigned[tail + 3 : index] + "x" + unsigned[index + 1 :]
        return f"непознат или оттеглен ключ „{changed}“"
    return "подписът не съвпада"


def test_every_character_before_the_signature_changed_is_refused() -> None:
    signature = LINK.rpartition("&s=")[2]
    reasons = {}
    for index in range(1, len(UNSIGNED)):
        changed = UNSIGNED[:index] + ("x" if UNSIGNED[index] != "x" else "y") + UNSIGNED[index + 1 :]
        check = decode_offer(f"{changed}&s={signature}", KEYS, TODAY)
        assert (check.signed, check.reason) == (False, _expected(UNSIGNED, index)), index
        reasons[check.reason] = reasons.get(check.reason, 0) + 1
    assert reasons == {
        "подписът не съвпада": len(UNSIGNED) - 6,
        "липсва ключът, с който е подписана офертата": 3,
        "непознат или оттеглен ключ „x1“": 1,
        "непознат или оттеглен ключ „kx“": 1,
    }


def test_twelve_items_of_forty_cyrillic_letters_signed_open_under_2000_characters() -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    items = tuple(OfferItem("Ж" * 39 + chr(0x410 + n), 1000, Decimal("999999.99")) for n in range(12))
    offer = replace(OFFER, items=items, customer="Я" * 120, salesperson="Б" * 80, note="Н" * 200)
    unsigned = encode_offer("2026-12", Profile(workstations=10), ISSUED, offer)
    link = sign_offer(unsigned, key.sign(signed_bytes(unsigned)))
    assert len(unquote(link)) == 1303
    check = decode_offer(link, {"k1": public}, TODAY)
    assert (check.signed, check.reason, check.expired) == (True, "", False)
    assert check.offer == offer
