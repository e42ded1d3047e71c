"""The calculator's form, made from the field table: its values read into a profile and back.

The template renders the inputs from :data:`~calculator.profile.fields.FIELDS`
(handed to it as :data:`FIELDS`); :mod:`calculator.page.web` reads what the
visitor typed with :func:`form_profile` and fills the form from a quote link
with :func:`form_values`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.profile.fields import FIELDS
from calculator.profile.profile import Profile, read_value

__all__ = ["CHECKED", "DEFAULT_FORM", "FIELDS", "form_profile", "form_values"]

#: The fields that can be wrong, each with its message box in the page.
CHECKED = tuple(field.name for field in FIELDS if field.widget != "radio")


def form_profile(form: Mapping[str, Any]) -> Profile:
    """The profile behind the form's values (text, as the inputs hold them).

    Raises:
        ProfileError: the first bad value, naming its field.
    """
    values: dict[str, Any] = {}
    for field in FIELDS:
        if field.choices:
            # A choice always sends one of its values; a form without it takes the default.
            values[field.name] = str(form.get(field.name) or field.choices[0].value)
            continue
        text = str(form.get(field.name, "")).strip()
        if field.widget == "number":
            text = text.replace(",", ".")
        if text == "" and field.optional:
            continue
        if text == "":
            raise ProfileError(field.name, "въведете стойност")
        values[field.name] = read_value(field.name, text)
    return Profile(**values)


def form_values(profile: Profile) -> dict[str, str]:
    """The form's values for a profile (the reverse of :func:`form_profile`)."""
    values: dict[str, str] = {}
    for field in FIELDS:
        value = getattr(profile, field.name)
        if value is None:
            values[field.name] = ""
        elif field.widget == "moment":
            values[field.name] = value.strftime("%Y-%m-%dT%H:%M")
        else:
            values[field.name] = decimal_text(value) if isinstance(value, Decimal) else str(value)
    return values


#: The form's values when the page opens: the engine's default profile.
DEFAULT_FORM = form_values(Profile())
