"""The calculator's form: its fields, and its values read into a profile and back.

The template renders the inputs from :data:`FIELDS`; :mod:`calculator.page.web`
reads what the visitor typed with :func:`form_profile` and fills the form
from a quote link with :func:`form_values`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculator.clock import parse_moment
from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.profile.profile import BOUNDS, Profile

__all__ = [
    "CHECKED",
    "DEFAULT_FORM",
    "FIELDS",
    "OPERATING_WORDS",
    "PARAM_NAMES",
    "Field",
    "form_profile",
    "form_values",
]


@dataclass(frozen=True)
class Field:
    """One input of the form; the template renders the form from these."""

    name: str
    label: str
    help: str
    unit: str = ""
    step: str = "1"
    optional: bool = False
    #: For a choice (a select): (value, words) in the order shown; the first is the default.
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def bounds(self) -> tuple[str, str]:
        """Smallest and largest value, as the engine checks them (a number field only)."""
        low, high, _ = BOUNDS[self.name]
        return decimal_text(low), decimal_text(high)


#: The customer's operating hours in words, as the form offers them.
OPERATING_WORDS = {"business": "в работни дни, в работно време", "24/7": "всеки ден, денонощно"}

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
    Field(
        "downtime_cost",
        "Цена на час престой",
        "Колко ви струва час, в който работата ви стои. Празно - не се отчита.",
        "€/ч",
        "any",
        optional=True,
    ),
    Field(
        "operating",
        "Кога работите",
        "В това време броим чакането до реакция при инцидент.",
        choices=tuple(OPERATING_WORDS.items()),
    ),
)

#: The fields that can be wrong, each with its message box in the page.
CHECKED = (*(field.name for field in FIELDS), "incident_at")

#: The quote link's parameters in words, for the visitor ("" is the whole link).
PARAM_NAMES = {
    "": "връзката",
    "v": "версия",
    "pl": "ценоразпис",
    "d": "дата на офертата",
    "c": "вид клиент",
    "ws": "работни станции",
    "sv": "сървъри",
    "inc": "инциденти",
    "h": "часове работа",
    "vis": "посещения",
    "km": "разстояние",
    "rt": "нужна реакция",
    "at": "момент на инцидента",
    "dc": "цена на час престой",
    "op": "кога работите",
}


def form_profile(form: Mapping[str, Any]) -> Profile:
    """The profile behind the form's values (text, as the inputs hold them).

    Raises:
        ProfileError: the first bad value, naming its field.
    """
    values: dict[str, Any] = {"customer": str(form.get("customer") or "business")}
    for field in FIELDS:
        if field.choices:
            # A select always sends one of its values; a form without it takes the default.
            values[field.name] = str(form.get(field.name) or field.choices[0][0])
            continue
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
            "" if value is None else decimal_text(value) if isinstance(value, Decimal) else str(value)
        )
    moment = profile.incident_at
    values["incident_at"] = "" if moment is None else moment.strftime("%Y-%m-%dT%H:%M")
    return values


#: The form's values when the page opens: the engine's default profile.
DEFAULT_FORM = form_values(Profile())
