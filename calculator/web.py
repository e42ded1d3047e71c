"""The calculator page's side of Python: form values in, rendered answer out.

The Web Worker calls :func:`load_catalogue` for each price list it gets,
:func:`open_link` for a quote link in the address bar and :func:`answer` for
every change of the form, always with JSON text in and out. The build calls
:func:`default_answer` for the answer that is in the page before Python
starts. Bad input is an answer (messages naming the field), never an
exception the page would have to show.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from calculator.catalogue import Catalogue
from calculator.clock import SOFIA, parse_moment
from calculator.errors import ProfileError
from calculator.links import decode_link_lenient, encode_link
from calculator.money import decimal_text
from calculator.profile import BOUNDS, Profile
from calculator.quote import Quote, quote
from calculator.reaction import format_moment
from calculator.render import answer_html, inputs_html, quote_number, valid_until

__all__ = ["FIELDS", "answer", "default_answer", "form_profile", "form_values", "load_catalogue", "open_link"]


@dataclass(frozen=True)
class Field:
    """One input of the form; the template renders the form from these."""

    name: str
    label: str
    help: str
    unit: str = ""
    step: str = "1"
    optional: bool = False

    @property
    def bounds(self) -> tuple[str, str]:
        """Smallest and largest value, as the engine checks them."""
        low, high, _ = BOUNDS[self.name]
        return decimal_text(low), decimal_text(high)


FIELDS = (
    Field("workstations", "Работни станции", "Компютри и лаптопи, които поддържаме.", "бр."),
    Field("servers", "Сървъри", "Физически и виртуални сървъри.", "бр."),
    Field("incidents", "Инциденти на месец", "Колко повреди очаквате средно на месец.", "бр.", "0.5"),
    Field(
        "regular_hours",
        "Часове редовна работа на месец",
        "Оставете празно и ще ги изчислим по броя на устройствата.",
        "ч",
        "0.5",
        optional=True,
    ),
    Field("visits", "Посещения на място на месец", "Колко пъти месечно идваме при вас.", "бр."),
    Field(
        "distance_km",
        "Разстояние извън града",
        "В едната посока; 0, ако сте в града.",
        "км",
        "any",
    ),
    Field(
        "reaction_hours",
        "Нужна реакция до",
        "За колко часа трябва да реагираме при авария. Празно - без изискване.",
        "ч",
        "any",
        optional=True,
    ),
)

_catalogues: dict[str, Catalogue] = {}
_current: list[str] = []


def load_catalogue(text: str, current: bool = True) -> str:
    """Keep a price list (the JSON the build wrote); return its id."""
    catalogue = Catalogue.from_dict(json.loads(text))
    _catalogues[catalogue.price_list] = catalogue
    if current:
        _current[:] = [catalogue.price_list]
    return catalogue.price_list


def form_profile(form: Mapping[str, Any]) -> Profile:
    """The profile behind the form's values (text, as the inputs hold them).

    Raises:
        ProfileError: the first bad value, naming its field.
    """
    values: dict[str, Any] = {"customer": str(form.get("customer") or "business")}
    for field in FIELDS:
        text = str(form.get(field.name, "")).strip().replace(",", ".")
        if text == "" and field.optional:
            continue
        if text == "":
            raise ProfileError(field.name, "въведете стойност")
        values[field.name] = text
    moment = str(form.get("incident_at", "")).strip()
    if moment:
        try:
            values["incident_at"] = parse_moment(moment)
        except ValueError:
            raise ProfileError(
                "incident_at", "няма такъв момент (дата, час или смяна на часовото време)"
            ) from None
    return Profile.from_dict(values)


def form_values(profile: Profile) -> dict[str, str]:
    """The form's values for a profile (the reverse of :func:`form_profile`)."""
    values: dict[str, str] = {"customer": profile.customer}
    for field in FIELDS:
        value = getattr(profile, field.name)
        values[field.name] = (
            "" if value is None else decimal_text(value) if not isinstance(value, int) else str(value)
        )
    moment = profile.incident_at
    values["incident_at"] = "" if moment is None else moment.strftime("%Y-%m-%dT%H:%M")
    return values


#: The form's values when the page opens: the engine's default profile.
DEFAULT_FORM = form_values(Profile())


def _render(
    catalogue: Catalogue, result: Quote, issued: date, *, live: bool, with_bgn: bool
) -> dict[str, Any]:
    link = encode_link(catalogue.price_list, result.profile, issued)
    return {
        "html": answer_html(catalogue, result, live=live, with_bgn=with_bgn),
        "inputs": inputs_html(result),
        "link": link,
        "number": quote_number(link),
        "issued": issued.strftime("%d.%m.%Y"),
        "valid_until": valid_until(issued).strftime("%d.%m.%Y"),
        "price_list": catalogue.price_list,
        "effective": catalogue.effective.strftime("%d.%m.%Y"),
        "incident_at": format_moment(result.incident_at),
        "gross": {item.id: str(item.price.gross) for item in result.plans},
    }


def default_answer(catalogue: Catalogue, today: date) -> dict[str, Any]:
    """The answer for the default form, as the build puts it into the page."""
    result = quote(catalogue, form_profile(DEFAULT_FORM))
    return _render(catalogue, result, today, live=False, with_bgn=False) | {"form": DEFAULT_FORM}


def answer(request_json: str) -> str:
    """Answer one state of the form.

    The request holds ``form`` (the inputs' text), ``bgn`` (show levs),
    and, for a quote reopened from a link, ``price_list`` and ``issued``.
    The reply holds the rendered answer (see :func:`_render`) and ``today``:
    the same quote at the current price list when ``price_list`` is older;
    or ``errors``: ``[{"field", "message"}]``.
    """
    request = json.loads(request_json)
    now = datetime.now(SOFIA)
    try:
        profile = form_profile(request.get("form") or {})
    except ProfileError as error:
        return json.dumps({"errors": [{"field": error.field, "message": error.reason}]}, ensure_ascii=False)
    current = _catalogues[_current[0]]
    catalogue = _catalogues.get(str(request.get("price_list") or ""), current)
    issued = date.fromisoformat(request["issued"]) if request.get("issued") else now.date()
    with_bgn = bool(request.get("bgn"))
    reply = _render(catalogue, quote(catalogue, profile, now=now), issued, live=True, with_bgn=with_bgn)
    if catalogue is not current:
        today = _render(current, quote(current, profile, now=now), now.date(), live=True, with_bgn=with_bgn)
        reply["today"] = today
    return json.dumps(reply, ensure_ascii=False)


def open_link(text: str) -> str:
    """Read a quote link leniently: the form values, its price list, and what was wrong.

    Returns:
        JSON ``{"form", "price_list", "issued", "valid_until", "expired",
        "errors": [{"param", "message"}]}``.
    """
    link, problems = decode_link_lenient(text)
    errors = [{"param": problem.param, "message": problem.reason} for problem in problems]
    until = None if link.issued is None else valid_until(link.issued)
    return json.dumps(
        {
            "form": form_values(link.profile),
            "price_list": link.price_list,
            "issued": None if link.issued is None else link.issued.isoformat(),
            "valid_until": None if until is None else until.strftime("%d.%m.%Y"),
            "expired": until is not None and until < datetime.now(SOFIA).date(),
            "errors": errors,
        },
        ensure_ascii=False,
    )
