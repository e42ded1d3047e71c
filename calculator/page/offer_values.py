"""What an offer holds, each value checked as its link will carry it: :class:`Offer` and its items.

Apart from the link's reading and writing (:mod:`calculator.page.offer_link`)
so that each stays small: the sales CLI builds an :class:`Offer` from its
options, the link reader from the link's text, and both get the same
reasons, named by the link's parameter.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from calculator.catalogue import ITEM_ID
from calculator.eik import is_valid_eik
from calculator.errors import QuoteLinkError
from calculator.money import ZERO
from calculator.numbers import NumberProblem, read_decimal
from calculator.pricing.offer import MAX_DISCOUNT, OfferItem

__all__ = [
    "KEY_ID",
    "LONGEST",
    "MAX_ITEMS",
    "MAX_QUANTITY",
    "MAX_VALID_DAYS",
    "NUMBER_LONGEST",
    "Offer",
    "offer_item",
    "offer_number",
]

#: The longest an offer may be valid, from its day of issue.
MAX_VALID_DAYS = 90
MAX_ITEMS = 12
MAX_QUANTITY = 1000
MAX_UNIT_PRICE = Decimal(1_000_000)
#: A key's id, in mkdocs.yml and in the link's ``k``.
KEY_ID = re.compile(r"[a-z0-9-]{1,32}")
#: The longest offer number, in letters, digits, - and /.
NUMBER_LONGEST = 20
_NUMBER = re.compile(rf"[A-Za-z0-9/-]{{1,{NUMBER_LONGEST}}}")
#: Text limits (characters once escapes are read) by the link's parameter:
#: customer, salesperson, note, item description. The sales page's inputs
#: and the CLI's help say the same numbers from here.
LONGEST = {"cu": 120, "sp": 80, "nt": 200, "it": 120}
_WORDS = {"cu": "името на клиента", "sp": "името на търговеца", "nt": "бележката", "it": "описанието"}
_MISSING = {"cu": "име на клиента", "sp": "име на търговеца", "nt": "текст на бележката", "it": "описание"}


@dataclass(frozen=True)
class Offer:
    """What sales offer one customer; every instance is valid (checked on creation).

    Raises:
        QuoteLinkError: a value the link could not carry, named by its parameter.
    """

    number: str
    customer: str
    plan: str
    valid_until: date
    key_id: str
    eik: str | None = None
    discount: Decimal = ZERO
    items: tuple[OfferItem, ...] = ()
    salesperson: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if not _NUMBER.fullmatch(self.number):
            raise QuoteLinkError("of", "номерът на офертата е от 1 до 20 латински букви, цифри, - и /")
        object.__setattr__(self, "customer", _text("cu", self.customer))
        if self.eik is not None and not is_valid_eik(self.eik):
            raise QuoteLinkError("eik", f"„{self.eik[:20]}“ не е валиден ЕИК")
        if not ITEM_ID.fullmatch(self.plan):
            raise QuoteLinkError("plan", "непознат план")
        object.__setattr__(self, "discount", _discount(self.discount))
        if len(self.items) > MAX_ITEMS:
            raise QuoteLinkError("it", f"най-много {MAX_ITEMS} позиции")
        object.__setattr__(self, "items", tuple(_item(n, item) for n, item in enumerate(self.items, 1)))
        for param, value in (("sp", self.salesperson), ("nt", self.note)):
            if value is not None:
                object.__setattr__(self, "salesperson" if param == "sp" else "note", _text(param, value))
        if not KEY_ID.fullmatch(self.key_id):
            raise QuoteLinkError("k", "идентификаторът на ключа е от 1 до 32 малки латински букви, цифри и -")

    def check_dates(self, issued: date | None) -> None:
        """Refuse a validity that does not start after ``issued`` or lasts over 90 days."""
        if issued is None:
            raise QuoteLinkError("d", "офертата няма дата на издаване")
        if not issued < self.valid_until <= issued + timedelta(days=MAX_VALID_DAYS):
            raise QuoteLinkError(
                "vu", f"валидна до трябва да е след датата на издаване и до {MAX_VALID_DAYS} дни след нея"
            )


def _text(param: str, value: object) -> str:
    """One line of printable text, its whitespace made single spaces, within its limit."""
    if not isinstance(value, str):
        raise QuoteLinkError(param, f"{_WORDS[param]} трябва да е текст")
    text = " ".join(value.split())
    if not text:
        raise QuoteLinkError(param, f"липсва {_MISSING[param]}")
    if len(text) > LONGEST[param]:
        raise QuoteLinkError(param, f"{_WORDS[param]} е над {LONGEST[param]} знака")
    # No control, bidi override or unassigned code point in what the customer reads as ours.
    if not text.isprintable():
        raise QuoteLinkError(param, f"{_WORDS[param]} съдържа непозволен знак")
    return text


def _discount(value: object) -> Decimal:
    try:
        return read_decimal(value, ZERO, MAX_DISCOUNT, 2)
    except NumberProblem:
        raise QuoteLinkError("dsc", "отстъпката е от 0 до 50 %, до 2 знака след точката") from None


def _item(number: int, item: OfferItem) -> OfferItem:
    return offer_item(number, item.description, item.quantity, item.unit_price)


def offer_item(number: int, description: object, quantity: object, unit_price: object) -> OfferItem:
    """The ``number``-th item (from 1) from its values as typed, checked as a link's are.

    Raises:
        QuoteLinkError: of ``it``, naming the item by its number.
    """
    try:
        text = _text("it", description)
    except QuoteLinkError as err:
        raise QuoteLinkError("it", f"позиция {number}: {err.reason}") from None
    try:
        count = int(read_decimal(quantity, Decimal(1), Decimal(MAX_QUANTITY), 0))
    except NumberProblem:
        raise QuoteLinkError("it", f"позиция {number}: количеството е цяло число от 1 до 1000") from None
    try:
        price = read_decimal(unit_price, ZERO, MAX_UNIT_PRICE, 2)
    except NumberProblem:
        raise QuoteLinkError(
            "it", f"позиция {number}: цената е в евро без ДДС, до 2 знака след точката"
        ) from None
    return OfferItem(text, count, price)


def offer_number(issued: date, customer: str, plan: str, quote_link: str) -> str:
    """A number for an offer given none: its day and a short digest of what it offers.

    The sales page and the CLI both use it, so that the same offer gets the
    same number from either.
    """
    digest = hashlib.sha256("\n".join([customer, plan, quote_link]).encode()).hexdigest()
    return f"{issued:%Y%m%d}-{digest[:6].upper()}"
