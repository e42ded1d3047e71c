"""``offer`` (an offer signed with a salesperson's key) and ``offer-key`` (a new key).

The keys, the signing and the offer's summary are :mod:`backoffice.sales.offers`,
which imports ``cryptography`` only when a key is read or made.
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from decimal import Decimal
from typing import TextIO
from urllib.parse import urlsplit

from backoffice.sales import offers
from backoffice.sales.options import read_catalogue, read_offer_keys, read_profile, read_today
from backoffice.sales.usage import UsageError
from calculator.errors import QuoteLinkError
from calculator.numbers import NumberProblem, read_decimal
from calculator.page.links import encode_link
from calculator.page.offer_values import KEY_ID, MAX_VALID_DAYS, Offer, offer_item, offer_number
from calculator.pricing.offer import MAX_DISCOUNT, OfferItem

__all__ = ["run_offer", "run_offer_key"]

_OFFER_OPTIONS = {
    "of": "--number",
    "cu": "--customer",
    "eik": "--eik",
    "plan": "--plan",
    "dsc": "--discount",
    "it": "--item",
    "vu": "--valid-days",
    "sp": "--salesperson",
    "nt": "--note",
    "k": "--key-id",
    "d": "--today",
}


def _items(args: argparse.Namespace) -> tuple[OfferItem, ...]:
    """The ``--item`` options, each ``ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА`` split at its last two ``;``."""
    items = []
    for number, text in enumerate(args.items or [], 1):
        parts = text.rsplit(";", 2)
        if len(parts) != 3:
            raise UsageError(
                f'--item: очаква се "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА", напр. "Лаптоп Lenovo;2;1234.50", а е {text!r}'
            )
        try:
            items.append(offer_item(number, parts[0], parts[1].strip(), parts[2].strip()))
        except QuoteLinkError as err:
            raise UsageError(f"--item: {err.reason}") from None
    return tuple(items)


def _page_address(text: str | None) -> str:
    """``--address``, the calculator page's address the link's ``#...`` is put after ("" without it)."""
    if text is None:
        return ""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise UsageError(
            f"--address: очаква се адресът на калкулатора, напр. https://example.bg/kalkulator/, а е {text!r}"
        )
    page = parts.geturl()
    # A folder's page without its last / would be redirected, and the fragment with it, for nothing.
    return page if page.endswith(("/", ".html")) else page + "/"


def run_offer(args: argparse.Namespace, out: TextIO) -> None:
    """``offer``: the offer priced, signed and summed up in Bulgarian, or its JSON (``--json``)."""
    try:
        key = offers.load_key(args.key)
        keys, mkdocs_yml = read_offer_keys(args)
        offers.check_listed(key, args.key_id, keys, mkdocs_yml)
    except offers.SalesError as err:
        raise UsageError(str(err)) from None
    page = _page_address(args.address)
    if not 1 <= args.valid_days <= MAX_VALID_DAYS:
        raise UsageError(f"--valid-days: от 1 до {MAX_VALID_DAYS} дни, а е {args.valid_days}")
    try:
        discount = read_decimal(args.discount or "0", Decimal(0), MAX_DISCOUNT, 2)
    except NumberProblem:
        raise UsageError(f"--discount: от 0 до {MAX_DISCOUNT}, до 2 знака след точката") from None
    catalogue = read_catalogue(args)
    plans = [plan.id for plan in catalogue.plans]
    if args.plan not in plans:
        raise UsageError(f"--plan: в ценоразписа няма план {args.plan!r} (има: {', '.join(plans)})")
    profile, _, _ = read_profile(args, catalogue)
    today = read_today(args)
    number = args.number or offer_number(
        today, args.customer_name, args.plan, encode_link(catalogue.price_list, profile, today)
    )
    try:
        offer = Offer(
            number=number,
            customer=args.customer_name,
            plan=args.plan,
            valid_until=today + timedelta(days=args.valid_days),
            key_id=args.key_id,
            eik=args.eik,
            discount=discount,
            items=_items(args),
            salesperson=args.salesperson,
            note=args.note,
        )
        issued = offers.issue(catalogue, profile, offer, today, key, page)
    except QuoteLinkError as err:
        raise UsageError(f"{_OFFER_OPTIONS.get(err.param, err.param)}: {err.reason}") from None
    if args.json:
        out.write(json.dumps(issued.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(offers.summary(issued, today))


def run_offer_key(args: argparse.Namespace, out: TextIO) -> None:
    """``offer-key``: a new key, its private half in ``--out``, and the line for mkdocs.yml."""
    if not KEY_ID.fullmatch(args.id):
        raise UsageError("--id: малки латински букви, цифри и -, до 32 знака, напр. ivan-2026")
    try:
        public = offers.new_key(args.out)
    except offers.SalesError as err:
        raise UsageError(str(err)) from None
    out.write(
        f"Частният ключ е в {args.out} (само вие имате достъп до файла). Пазете го на своя компютър "
        "и никога не го добавяйте в хранилището на сайта.\n"
        "Добавете този ред в mkdocs.yml, под extra.offers.keys "
        "(с шест интервала отпред, като другите ключове):\n"
        f"      {args.id}: {public}\n"
    )
