"""The calculator's form, made from the field table: its values read into a profile and back.

The template renders the inputs from :data:`~calculator.profile.fields.FIELDS`
(handed to it as :data:`FIELDS`); :mod:`calculator.page.web` reads what the
visitor typed with :func:`form_profile` and fills the form from a quote link
with :func:`form_values`.

The two lists have an input per entry: ``services.<id>`` a count for each of
the catalogue's services, and :data:`ROWS` rows of procurement,
``procurement.<n>.text`` and ``procurement.<n>.quantity`` (n from 1). Each
list's fieldset carries the field's name, for its message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.profile.fields import BY_NAME, FIELDS, Field
from calculator.profile.lists import check_counts, check_lines
from calculator.profile.profile import Profile, read_value

__all__ = ["CHECKED", "DEFAULT_FORM", "FIELDS", "ROWS", "form_profile", "form_values"]

#: The fields that can be wrong, each with its message box in the page.
CHECKED = tuple(field.name for field in FIELDS if field.widget != "radio")
#: The form's rows of procurement: as many as a quote takes.
ROWS = BY_NAME["procurement"].most


def _counts(field: Field, form: Mapping[str, Any], names: Mapping[str, str]) -> Any:
    prefix = f"{field.name}."
    given = [
        (key[len(prefix) :], str(value).strip()) for key, value in form.items() if key.startswith(prefix)
    ]
    return check_counts(
        field.name, [(key, text) for key, text in given if text], int(field.highest), field.most, names
    )


def _lines(field: Field, form: Mapping[str, Any]) -> Any:
    lines, rows = [], []
    for row in range(1, ROWS + 1):
        text = str(form.get(f"{field.name}.{row}.text", "")).strip()
        quantity = str(form.get(f"{field.name}.{row}.quantity", "")).strip()
        # An empty row is no line; a description without a quantity is one piece.
        if text or quantity:
            lines.append((text, quantity or "1"))
            rows.append(row)
    return check_lines(field.name, lines, int(field.highest), field.most, field.longest, rows)


def form_profile(form: Mapping[str, Any], names: Mapping[str, str] | None = None) -> Profile:
    """The profile behind the form's values (text, as the inputs hold them).

    Args:
        form: The form's values.
        names: The catalogue's services, id -> name, to name one in a message.

    Raises:
        ProfileError: the first bad value, naming its field.
    """
    values: dict[str, Any] = {}
    for field in FIELDS:
        if field.widget == "counts":
            values[field.name] = _counts(field, form, names or {})
            continue
        if field.widget == "lines":
            values[field.name] = _lines(field, form)
            continue
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


def form_values(profile: Profile, services: Sequence[str] = ()) -> dict[str, str]:
    """The form's values for a profile (the reverse of :func:`form_profile`).

    Args:
        profile: The profile.
        services: The ids of the services the form asks for: each input is
            set, empty for none; a service the form does not have is left out.
    """
    values: dict[str, str] = {}
    for field in FIELDS:
        value = getattr(profile, field.name)
        if field.widget == "counts":
            counts = dict(value)
            values.update({f"{field.name}.{key}": str(counts.get(key, "")) for key in services})
        elif field.widget == "lines":
            for row in range(1, ROWS + 1):
                text, quantity = value[row - 1] if row <= len(value) else ("", "")
                values[f"{field.name}.{row}.text"] = text
                values[f"{field.name}.{row}.quantity"] = str(quantity)
        elif value is None:
            values[field.name] = ""
        elif field.widget == "moment":
            values[field.name] = value.strftime("%Y-%m-%dT%H:%M")
        else:
            values[field.name] = decimal_text(value) if isinstance(value, Decimal) else str(value)
    return values


#: The form's values when the page opens: the engine's default profile.
DEFAULT_FORM = form_values(Profile())
