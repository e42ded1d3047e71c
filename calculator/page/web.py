"""The calculator page's side of Python: form values in, the rendered answer out.

The page's Web Worker calls two functions, JSON text in and out: :func:`answer`
for every state of the form, and :func:`open_link` for a quote link in the
address bar. A reply holds the markup of the page's named slots (the element
``data-calc-<name>`` gets ``slots[name]``; an empty slot is hidden), each
field's error message, the quote's link and the status line: the page only
puts them in place. The build calls :func:`default_answer` for the answer in
the page before Python starts. Bad input is an answer (messages naming the
field), never an exception the page would have to show.

No network I/O here: when a link names an older price list, :func:`open_link`
answers ``{"need": url}``; the Worker fetches that URL and asks again with
the file's text (``null`` if it could not be had) under ``files[url]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.errors import ProfileError
from calculator.page import catalogues
from calculator.page.answer_html import (
    answer_html,
    inputs_html,
    notice_html,
    quote_number,
    summary_html,
    today_html,
    valid_until,
)
from calculator.page.catalogues import load_catalogue
from calculator.page.form import CHECKED, DEFAULT_FORM, form_profile, form_values
from calculator.page.links import PARAM_NAMES, decode_link_lenient, encode_link
from calculator.page.markup import escape
from calculator.page.offer_link import is_offer_link, quote_part
from calculator.page.offer_web import Refused, is_sales_form, open_offer, pasted_offer, sales_reply
from calculator.page.one_off_html import one_off_words
from calculator.pricing.quote import Quote, quote
from calculator.profile.profile import Profile

__all__ = ["answer", "default_answer", "load_catalogue", "open_link"]


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _errors(error: ProfileError | None) -> dict[str, str]:
    return {name: error.reason if error is not None and error.field == name else "" for name in CHECKED}


def _render(
    catalogue: Catalogue, result: Quote, issued: date, *, live: bool, with_bgn: bool
) -> dict[str, Any]:
    link = encode_link(catalogue.price_list, result.profile, issued)
    return {
        "link": link,
        "slots": {
            "answer": answer_html(catalogue, result, live=live, with_bgn=with_bgn),
            "inputs": inputs_html(result),
            "summary": summary_html(result),
            "number": quote_number(link),
            "issued": _day(issued),
            "valid": _day(valid_until(issued)),
            "list": escape(catalogue.price_list),
            "effective": _day(catalogue.effective),
            "today": "",
            "offer": "",
        },
        "errors": _errors(None),
        "status": f"Обновено. Препоръка: {result.recommendation}",
        "gross": {item.id: str(item.price.gross) for item in result.plans},
        # What the request form adds to its message: the one-off lines in words.
        "request": one_off_words(result.one_off),
    }


def default_answer(catalogue: Catalogue, today: date) -> dict[str, Any]:
    """The answer for the default form, as the build puts it into the page."""
    result = quote(catalogue, form_profile(DEFAULT_FORM))
    form = form_values(result.profile, [service.id for service in catalogue.services])
    return _render(catalogue, result, today, live=False, with_bgn=False) | {"form": form}


def _issued(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _answer(form: Mapping[str, Any], pin: Mapping[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    sales = is_sales_form(form)
    source = str(form.get("offer.source") or "").strip() if sales else ""
    if source:
        return _from_source(source, form, request)
    names = {service.id: service.name for service in catalogues.current().services}
    result: Quote | None = None
    try:
        profile = form_profile(form, names)
    except ProfileError as error:
        # The last answer stays on screen; only the field's message changes.
        notice = notice_html([str(message) for message in pin.get("notices") or []])
        reply: dict[str, Any] = {"errors": _errors(error), "slots": {"notice": notice}}
    else:
        # A checkbox is in a form's values only when ticked, as "on".
        reply, result = _answer_profile(profile, form.get("bgn") == "on", pin)
    return sales_reply(reply, form, result, request) if sales else reply


def _from_source(source: str, form: Mapping[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    """The sales page, filled from a prospect's quote link, or from an offer (its terms too when signed)."""
    link, problems = decode_link_lenient(quote_part(source))
    notices = [_problems(problems)] if problems else []
    terms: dict[str, str] = {}
    if is_offer_link(source):
        terms, said = pasted_offer(source, request)
        notices.append(said)
    reply, result = _answer_profile(link.profile, form.get("bgn") == "on", {"notices": notices})
    services = [service.id for service in catalogues.current().services]
    values = form_values(link.profile, services) | terms | {"offer.source": ""}
    reply["form"] = values
    return sales_reply(reply, {**form, **values}, result, request)


def _problems(problems: list[Any]) -> str:
    named = "; ".join(f"{PARAM_NAMES.get(err.param, 'параметър')} ({err.reason})" for err in problems)
    return f"Не успяхме да прочетем всичко от връзката: {named}. Останалото е приложено."


def _answer_profile(profile: Profile, with_bgn: bool, pin: Mapping[str, Any]) -> tuple[dict[str, Any], Quote]:
    """The reply for a profile, and the quote it shows (the sales page's offer reuses it)."""
    notice = notice_html([str(message) for message in pin.get("notices") or []])
    now = datetime.now(SOFIA)
    current = catalogues.current()
    catalogue = catalogues.known(str(pin.get("price_list") or "")) or current
    issued = _issued(pin.get("issued")) or now.date()
    result = quote(catalogue, profile, now=now)
    reply = _render(catalogue, result, issued, live=True, with_bgn=with_bgn)
    if catalogue is not current:
        reply["slots"]["today"] = today_html(current, quote(current, profile, now=now), with_bgn=with_bgn)
    reply["slots"]["notice"] = notice
    return reply, result


def _json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def answer(request_json: str) -> str:
    """Answer one state of the form.

    The request holds ``form`` (the form's values as the page has them) and
    ``pin``, what :func:`open_link` returned for a quote reopened from a link
    (its price list, its day of issue and what to tell about it), or null.
    The reply (see the module) holds, besides the slots, ``errors`` (field
    -> message, "" when fine) and ``gross`` (plan -> euro with VAT). The
    quote is pinned to the link's price list; ``slots.today`` shows it at
    today's when that list is older. A bad field gets only ``errors`` and
    ``slots.notice``.
    """
    request = json.loads(request_json)
    return _json(_answer(request.get("form") or {}, request.get("pin") or {}, request))


def open_link(request_json: str) -> str:
    """Open a quote link: the form's values, the quote as issued, and what was wrong with the link.

    The request holds ``link`` (the address bar's fragment), ``form`` (for
    the lev box), ``site`` (the URL of the site's root), ``price_lists``
    (the URL of the index of published price lists) and ``files``. The reply
    is an :func:`answer` plus ``form`` (the link's values for the form) and
    ``pin`` (for the answers to come, until the visitor changes the quote);
    or ``{"need": url}`` while a price list is still to be fetched.
    """
    request = json.loads(request_json)
    text = str(request.get("link") or "")
    if not is_offer_link(text):
        return _json(_open_quote(text, request, []))
    opened = open_offer(text, request)
    if not isinstance(opened, Refused):
        return _json(opened)
    # What nobody can confirm is shown as what anyone could have made: the profile, at list prices.
    refused = (
        f"Офертата не може да бъде потвърдена: {opened.reason}. Затова не показваме нито клиента, нито "
        "договорените условия; по-долу е обикновена ориентировъчна оценка за същите данни. "
        "Поискайте от търговеца си нова връзка."
    )
    return _json(_open_quote(quote_part(text), request, [refused]))


def _open_quote(text: str, request: Mapping[str, Any], notices: list[str]) -> dict[str, Any]:
    link, problems = decode_link_lenient(text)
    if problems:
        notices.append(_problems(problems))
    price_list = None
    if link.price_list is not None and link.price_list != catalogues.current().price_list:
        older = catalogues.find(link.price_list, request)
        if isinstance(older, str):
            return {"need": older}
        if older is None:
            gone = "е оттеглен" if catalogues.is_withdrawn(link.price_list, request) else "не е намерен"
            notices.append(
                f"Ценоразпис {link.price_list} от връзката {gone}, затова показваме днешните цени."
            )
        else:
            price_list = older.price_list
            notices.append(
                f"Тази оценка е изчислена по ценоразпис {older.price_list} от {_day(older.effective)}, "
                "който вече не е в сила. Показваме я, както е изчислена, а под нея - същата оценка "
                "по днешните цени."
            )
    today, day = datetime.now(SOFIA).date(), link.issued
    if day is not None and day > today:
        # Anyone can write a link: a day still to come is not taken on its word.
        notices.append(f"Датата във връзката ({_day(day)}) е след днешната, затова оценката е с днешна дата.")
        day = None
    if day is not None and valid_until(day) < today:
        notices.append(f"Срокът на оценката изтече на {_day(valid_until(day))}.")
    issued = None if day is None else day.isoformat()
    pin = {"price_list": price_list, "issued": issued, "notices": notices}
    # The link's profile is quoted as it is: read and checked once, by the decoder.
    with_bgn = (request.get("form") or {}).get("bgn") == "on"
    reply, _ = _answer_profile(link.profile, with_bgn, pin)
    # The form asks for today's services: one the list has no more stays in the quote, not in the form.
    services = [service.id for service in catalogues.current().services]
    return reply | {"form": form_values(link.profile, services), "pin": pin}
