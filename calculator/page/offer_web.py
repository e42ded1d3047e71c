"""The page's side of offers: an offer link opened by the customer, and the sales page's answer.

:mod:`calculator.page.web` hands these the requests of the Web Worker. An
offer link opens as the offer only when its signature holds against the
site's keys (the request's ``offers``, the build's ``extra.offers``); any
other link that means to be an offer is :class:`Refused`, and web.py opens
its quote part as anyone's estimate, saying why, with no customer name and
no negotiated figure.

The sales page's answer is the estimate's, plus the offer's preview and,
once the salesperson's key is loaded and listed, ``unsigned``: the link
the page signs with Web Crypto (the private key never reaches Python).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from calculator.clock import SOFIA
from calculator.errors import CatalogueError
from calculator.page import catalogues
from calculator.page.answer_html import answer_html, inputs_html
from calculator.page.form import form_values
from calculator.page.links import encode_link
from calculator.page.markup import escape
from calculator.page.offer_form import OFFER_FIELDS, missing, offer_form, read_offer_form
from calculator.page.offer_html import OfferView, offer_html, offer_words
from calculator.page.offer_link import decode_offer, encode_offer
from calculator.pricing.offer import price_offer
from calculator.pricing.quote import Quote, quote

__all__ = ["Refused", "is_sales_form", "open_offer", "pasted_offer", "sales_reply", "site_offers"]

#: The id a preview's offer carries before a key is chosen.
_PREVIEW_KEY = "preview"


@dataclass(frozen=True)
class Refused:
    """An offer link that cannot be confirmed, and why (web.py opens its quote part as an estimate)."""

    reason: str


def site_offers(request: Mapping[str, Any]) -> tuple[dict[str, bytes], str]:
    """The site's public keys by id, and our company's name, from the request's ``offers`` (JSON text)."""
    try:
        data = json.loads(str(request.get("offers") or "{}"))
        keys = {str(key_id): _raw(str(value)) for key_id, value in dict(data.get("keys") or {}).items()}
        return keys, str(data.get("company") or "")
    except (TypeError, ValueError, AttributeError, binascii.Error):
        return {}, ""  # no key read: every offer says it cannot be confirmed


def _raw(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _slots(**given: str) -> dict[str, str]:
    blank = dict.fromkeys(("answer", "inputs", "summary", "today", "notice", "offer"), "")
    return blank | given


def open_offer(text: str, request: Mapping[str, Any]) -> dict[str, Any] | Refused:
    """The reply for an offer link (see :func:`calculator.page.web.open_link`), or why it is refused."""
    keys, company = site_offers(request)
    now = datetime.now(SOFIA)
    check = decode_offer(text, keys, now.date())
    if check.offer is None or check.link is None or check.link.issued is None:
        return Refused(check.reason)
    link, offer, issued = check.link, check.offer, check.link.issued
    catalogue = catalogues.find(link.price_list or "", request)
    if isinstance(catalogue, str):
        return {"need": catalogue}
    if catalogue is None:
        gone = "е оттеглен" if catalogues.is_withdrawn(link.price_list or "", request) else "не е публикуван"
        return Refused(f"ценоразпис {link.price_list} на офертата {gone}")
    try:
        price = price_offer(catalogue, link.profile, offer.plan, offer.discount, offer.items)
    except CatalogueError as error:
        return Refused(str(error))
    today = catalogues.current()
    result = quote(catalogue, link.profile, now=now)
    own = encode_link(today.price_list, link.profile, now.date())
    view = OfferView(offer, price, catalogue, result, issued, company, own, expired=check.expired)
    slots = _slots(offer=offer_html(view), inputs=inputs_html(result))
    gross: dict[str, str] = {}
    if check.expired:
        # Today's prices beside: the same profile, at today's list, as anyone's estimate.
        now_quote = quote(today, link.profile, now=now)
        slots["answer"] = answer_html(today, now_quote)
        gross = {item.id: str(item.price.gross) for item in now_quote.plans}
        status = f"Срокът на оферта № {offer.number} изтече."
    else:
        status = f"Оферта № {offer.number}: подписът е проверен."
    services = [service.id for service in today.services]
    return {
        "link": "#" + text.split("#", 1)[-1],
        "slots": slots,
        "errors": {},
        "status": status,
        "gross": gross,
        "request": f"Моля за нова оферта вместо № {offer.number}." if check.expired else offer_words(view),
        "accept": "" if check.expired else offer.number,
        "locked": True,
        "form": form_values(link.profile, services),
        "pin": None,
    }


def is_sales_form(form: Mapping[str, Any]) -> bool:
    """Whether the form is the sales page's (it has the offer's fields)."""
    return "offer.customer" in form


def pasted_offer(text: str, request: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    """The offer fields filled from an offer link pasted into the sales page, and the notice saying so.

    Only an offer whose signature holds gives its terms: sales would
    otherwise sign again whatever anyone wrote into a link. A refused one
    gives nothing here (its quote part still fills the profile).
    """
    keys, _ = site_offers(request)
    check = decode_offer(text, keys, datetime.now(SOFIA).date())
    if check.offer is None or check.link is None or check.link.issued is None:
        return {}, (
            f"Офертата не може да бъде потвърдена: {check.reason}. От нея взехме само данните "
            "за изчислението; договорените условия попълнете наново."
        )
    offer, today = check.offer, catalogues.current().price_list
    expired = " (срокът ѝ е изтекъл)" if check.expired else ""
    # An offer is issued at today's list: sales must know when its prices will not be the old ones.
    older = (
        f" Тя е по ценоразпис {check.link.price_list}, а новата ще бъде по днешния, {today}."
        if check.link.price_list != today
        else ""
    )
    return offer_form(offer, check.link.issued), (
        f"Формата е попълнена от оферта № {offer.number} за {offer.customer}{expired}.{older} Променете "
        "каквото е договорено и я подпишете отново; старата връзка остава валидна до срока си."
    )


def _key_id(request: Mapping[str, Any], keys: Mapping[str, bytes]) -> tuple[str | None, str]:
    """The id of the listed key whose public half the page read from the key file, or why there is none."""
    public = request.get("key")
    if public is None:
        return None, ""
    if public == "unsupported":
        return None, (
            "този браузър не може да подписва с Ed25519: отворете страницата в последна версия на Chrome, "
            "Edge, Firefox или Safari, или издайте офертата с командата offer"
        )
    try:
        raw = _raw(str(public)) if public else b""
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        return None, "файлът не е частен ключ Ed25519 във формат PEM (PKCS#8)"
    found = next((key_id for key_id, key in keys.items() if key == raw), None)
    if found is None:
        return None, "ключът не е сред ключовете на сайта (extra.offers.keys): офертата няма да се потвърди"
    return found, ""


def sales_reply(
    reply: dict[str, Any], form: Mapping[str, Any], result: Quote | None, request: Mapping[str, Any]
) -> dict[str, Any]:
    """The sales page's answer: the estimate's ``reply`` and the offer's preview, messages and ``unsigned``.

    Args:
        reply: The estimate's answer to the same form.
        form: The form's values.
        result: The estimate's quote (None: a field of the profile is wrong).
        request: The Worker's request (``key``: the loaded key's public half in
            base64url, ``""`` when the file was not a key, ``"unsupported"``
            when the browser cannot sign with Ed25519; ``offers``).
    """
    keys, company = site_offers(request)
    key_id, key_error = _key_id(request, keys)
    now = datetime.now(SOFIA)
    catalogue = catalogues.current()
    # The link the CLI would number the offer by: the profile at today's list.
    quote_link = encode_link(catalogue.price_list, result.profile, now.date()) if result else ""
    offer, errors = read_offer_form(form, key_id or _PREVIEW_KEY, now.date(), quote_link)
    errors = dict.fromkeys(OFFER_FIELDS, "") | errors
    errors["offer.key"] = key_error
    slots = reply.setdefault("slots", {})
    left = missing(form)
    slots["offer"] = (
        f'<p class="calc-offer__todo">За офертата остава да попълните: {escape(", ".join(left))}.</p>'
        if left
        else ""
    )
    reply["errors"] = reply.get("errors", {}) | errors
    if offer is None or result is None:
        return reply
    profile = result.profile
    try:
        price = price_offer(catalogue, profile, offer.plan, offer.discount, offer.items)
    except CatalogueError as error:
        reply["errors"]["offer.plan"] = str(error)
        return reply
    if result.price_list != catalogue.price_list:
        # The estimate was pinned to an older list; an offer is issued at today's.
        result = quote(catalogue, profile, now=now)
    view = OfferView(
        offer, price, catalogue, result, now.date(), company, preview=True, key_loaded=key_id is not None
    )
    slots["offer"] = offer_html(view)
    if key_id is not None:
        reply["unsigned"] = encode_offer(catalogue.price_list, profile, now.date(), offer)
    return reply
