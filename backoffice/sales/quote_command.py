"""``quote``: every plan's price for one customer, from the options or a link (an offer link checked first).

A link made under an older price list is quoted at its own list, with
today's beside it (see :mod:`backoffice.sales.cli`); one made under a
withdrawn list (``catalogue.withdrawn``) at today's, saying so, and a signed
offer made under one is refused, as the page refuses it.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from backoffice.sales.options import read_catalogue, read_profile
from backoffice.sales.quote_table import TODAY_HEADING, quote_table
from backoffice.sales.usage import UsageError
from backoffice.website import price_lists
from backoffice.website.calendar_source import calendar_for
from backoffice.website.sources import load_withdrawn
from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.page.links import encode_link
from calculator.page.offer_link import OfferCheck
from calculator.pricing.quote import Quote, quote
from calculator.profile.profile import Profile

__all__ = ["run_quote"]


def _priced(catalogue: Catalogue, profile: Profile, moment: datetime, with_bgn: bool) -> tuple[Quote, str]:
    """The quote at `catalogue`, and its link."""
    # Official days off around the incident moment, whatever the price list's year.
    years = range(moment.year - 1, moment.year + 3)
    catalogue = replace(catalogue, calendar=calendar_for(catalogue, years))
    result = quote(catalogue, profile, now=moment, with_bgn=with_bgn)
    return result, encode_link(result.price_list, result.profile)


def _quote_json(result: Quote, link: str) -> dict[str, Any]:
    # The link stands after the break-even points, where the JSON has always had it.
    data = {}
    for key, value in result.to_dict().items():
        data[key] = value
        if key == "break_even":
            data["link"] = link
    return data


def _offer_json(check: OfferCheck) -> dict[str, Any]:
    """What ``quote --json`` tells of a good offer link."""
    assert check.offer is not None
    offer = check.offer
    return {
        "signed": True,
        "key": offer.key_id,
        "customer": offer.customer,
        "number": offer.number,
        "valid_until": offer.valid_until.isoformat(),
        "expired": check.expired,
    }


def _offer_notice(check: OfferCheck) -> str:
    assert check.offer is not None
    offer = check.offer
    expired = " Срокът ѝ е изтекъл." if check.expired else ""
    return (
        f"Подписана оферта № {offer.number} за {offer.customer}, валидна до "
        f"{offer.valid_until:%d.%m.%Y} (ключ {offer.key_id}).{expired}"
    )


def run_quote(args: argparse.Namespace, out: TextIO) -> None:
    """``quote``: the table of every plan, or its JSON (``--json``)."""
    catalogue = read_catalogue(args)
    profile, linked, check = read_profile(args, catalogue)
    moment = profile.incident_at or datetime.now(SOFIA)
    result, link = _priced(catalogue, profile, moment, args.bgn)
    older, notices = None, []
    if linked is not None and linked != catalogue.price_list:
        docs = args.docs or args.docs_main or Path("docs")
        withdrawn = load_withdrawn(docs, catalogue.price_list)
        if linked in withdrawn and check is not None and check.signed:
            # As the page says it of an offer it cannot confirm.
            raise UsageError(f"--link: офертата не е приета: ценоразпис {linked} на офертата е оттеглен")
        # The link's own price list, as the page opens it: from the archive or the git history.
        older = price_lists.find(docs, linked, withdrawn)
        if linked in withdrawn:
            notices.append(f"Ценоразпис {linked} от връзката е оттеглен, затова цените са днешните.")
        elif older is None:
            notices.append(f"Ценоразпис {linked} от връзката не е намерен, затова цените са днешните.")
        else:
            # A prospect's link is an estimate, as the page calls it; only a signed one is an offer.
            what, made = (
                ("оферта", "издадена") if check is not None and check.signed else ("оценка", "изчислена")
            )
            notices.append(
                f"Тази {what} е {made} по ценоразпис {older.price_list} от "
                f"{older.effective.strftime('%d.%m.%Y')}, който вече не е в сила. Показваме я, както е "
                f"{made}, а под нея - същата {what} по днешните цени (ценоразпис {catalogue.price_list})."
            )
    # A signed offer's line comes first in the text; the JSON has it apart, as "offer".
    said = [_offer_notice(check), *notices] if check is not None else notices
    offer = {"offer": _offer_json(check)} if check is not None else {}
    if older is not None:
        issued, issued_link = _priced(older, profile, moment, args.bgn)
        if args.json:
            data = {
                "link_price_list": linked,
                "notice": notices[0],
                "as_issued": _quote_json(issued, issued_link),
                "today": _quote_json(result, link),
                **offer,
            }
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(quote_table(issued, issued_link, notices=said))
            out.write("\n" + TODAY_HEADING + "\n\n" + quote_table(result, link))
    elif args.json:
        data = _quote_json(result, link) | {"link_price_list": linked}
        if notices:
            data["notice"] = notices[0]
        out.write(json.dumps(data | offer, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(quote_table(result, link, notices=said))
