"""The sales page's offer fields, read into an :class:`~calculator.page.offer_values.Offer`.

The sales page is the calculator's form with a fieldset more. Its inputs
are named ``offer.<name>`` (:data:`OFFER_FIELDS`) and ``offer.item.<n>.text``,
``.quantity`` and ``.price`` for :data:`ITEM_ROWS` rows of agreed items.
The values are checked by :class:`Offer` itself, as a link's are; its
reasons are named by the link's parameter, and :data:`FIELD_OF` turns that
into the input the salesperson has to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from calculator.errors import QuoteLinkError
from calculator.money import decimal_text
from calculator.numbers import NumberProblem, read_decimal
from calculator.page.offer_values import MAX_ITEMS, MAX_VALID_DAYS, Offer, offer_item, offer_number
from calculator.pricing.offer import OfferItem

__all__ = [
    "DEFAULT_DAYS",
    "FIELD_OF",
    "ITEM_ROWS",
    "OFFER_FIELDS",
    "REQUIRED",
    "missing",
    "offer_form",
    "read_offer_form",
]

#: The offer's inputs, besides the items' rows.
OFFER_FIELDS = (
    "offer.customer",
    "offer.eik",
    "offer.plan",
    "offer.discount",
    "offer.number",
    "offer.days",
    "offer.salesperson",
    "offer.note",
    "offer.items",
    "offer.key",
    "offer.source",
)
ITEM_ROWS = MAX_ITEMS
ITEM_PARTS = ("text", "quantity", "price")
#: How long an offer holds unless sales say otherwise.
DEFAULT_DAYS = 30

#: The input behind each parameter of an offer link, for a message.
FIELD_OF = {
    "of": "offer.number",
    "cu": "offer.customer",
    "eik": "offer.eik",
    "plan": "offer.plan",
    "dsc": "offer.discount",
    "it": "offer.items",
    "vu": "offer.days",
    "sp": "offer.salesperson",
    "nt": "offer.note",
    "k": "offer.key",
}
#: What an offer cannot be without, as the sales page lists what is left to fill in.
REQUIRED = {
    "offer.customer": "името на клиента",
    "offer.plan": "плана",
}


def _text(form: Mapping[str, Any], name: str) -> str:
    return str(form.get(name) or "").strip()


def _items(form: Mapping[str, Any]) -> tuple[OfferItem, ...]:
    items = []
    for row in range(1, ITEM_ROWS + 1):
        text, quantity, price = (_text(form, f"offer.item.{row}.{part}") for part in ITEM_PARTS)
        # An empty row is no item; one typed is checked whole, a missing quantity being one piece.
        if text or quantity or price:
            items.append(offer_item(row, text, quantity or "1", price.replace(",", ".")))
    return tuple(items)


def _days(form: Mapping[str, Any]) -> int:
    text = _text(form, "offer.days")
    if not text:
        return DEFAULT_DAYS
    try:
        return int(read_decimal(text, Decimal(1), Decimal(MAX_VALID_DAYS), 0))
    except NumberProblem:
        raise QuoteLinkError("vu", f"срокът е цяло число дни от 1 до {MAX_VALID_DAYS}") from None


def missing(form: Mapping[str, Any]) -> list[str]:
    """The required values not filled in yet, in words (not an error: the salesperson has not got there)."""
    return [words for name, words in REQUIRED.items() if not _text(form, name)]


def read_offer_form(
    form: Mapping[str, Any], key_id: str, today: date, quote_link: str
) -> tuple[Offer | None, dict[str, str]]:
    """The offer the sales form holds, issued ``today``, or the messages that say what to fix.

    Args:
        form: The form's values.
        key_id: The id of the key it will be signed with.
        today: The day of issue.
        quote_link: The estimate's link, for the number of an offer given
            none (:func:`~calculator.page.offer_values.offer_number`).

    Returns:
        The offer and no messages; or None and the message of the first bad
        value, by input (:data:`OFFER_FIELDS`); or None and no message when
        a required value is still to be filled in (:func:`missing`).
    """
    if missing(form):
        return None, {}
    optional = {name: _text(form, name) or None for name in ("offer.eik", "offer.salesperson", "offer.note")}
    try:
        customer, plan = _text(form, "offer.customer"), _text(form, "offer.plan")
        offer = Offer(
            number=_text(form, "offer.number") or offer_number(today, customer, plan, quote_link),
            customer=customer,
            plan=plan,
            valid_until=today + timedelta(days=_days(form)),
            key_id=key_id,
            eik=optional["offer.eik"],
            # Offer reads the text as a link's: a bad discount is its message.
            discount=cast(Decimal, _text(form, "offer.discount").replace(",", ".") or Decimal(0)),
            items=_items(form),
            salesperson=optional["offer.salesperson"],
            note=optional["offer.note"],
        )
    except QuoteLinkError as error:
        return None, {FIELD_OF.get(error.param, "offer.items"): error.reason}
    return offer, {}


def offer_form(offer: Offer, issued: date) -> dict[str, str]:
    """The sales form's offer fields holding ``offer`` (read back by :func:`read_offer_form`).

    A signed offer pasted into the sales page fills them, so that sales
    reissue it with what changed; its validity is kept as a number of days,
    counted afresh from the day it is signed again. Every item row is
    written, the rows past the offer's items empty.
    """
    values = {
        "offer.customer": offer.customer,
        "offer.eik": offer.eik or "",
        "offer.plan": offer.plan,
        "offer.discount": decimal_text(offer.discount) if offer.discount else "",
        "offer.number": offer.number,
        "offer.days": str((offer.valid_until - issued).days),
        "offer.salesperson": offer.salesperson or "",
        "offer.note": offer.note or "",
    }
    for row in range(1, ITEM_ROWS + 1):
        item = offer.items[row - 1] if row <= len(offer.items) else None
        values[f"offer.item.{row}.text"] = item.description if item else ""
        values[f"offer.item.{row}.quantity"] = str(item.quantity) if item else ""
        values[f"offer.item.{row}.price"] = decimal_text(item.unit_price) if item else ""
    return values
