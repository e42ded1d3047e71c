"""What a prospect tells us, checked on creation by the rows of :data:`~calculator.profile.fields.FIELDS`.

The table holds each field's bounds, places and choices; this record holds
the values, typed, with their defaults. Text from a form, a link or the CLI
comes in through :func:`read_value` and :meth:`Profile.from_dict`, and is
checked once, here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from calculator.catalogue import Operating
from calculator.clock import parse_moment
from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.profile.fields import BY_NAME, FIELDS
from calculator.profile.lists import Counts, Lines

__all__ = ["Customer", "Profile", "read_value"]

Customer = Literal["business", "individual"]


def read_value(name: str, text: str) -> Any:
    """One field's value from text as a person writes it, before the profile checks it.

    Numbers stay text (the profile reads and checks them exactly); a moment
    becomes an aware datetime in Sofia time. (The two lists are never text:
    the form and the link read them entry by entry.)

    Raises:
        ProfileError: a moment that does not exist or cannot be read.
    """
    if BY_NAME[name].widget != "moment":
        return text
    try:
        return parse_moment(text)
    except ValueError:
        raise ProfileError(name, "няма такъв момент (дата, час или смяна на часовото време)") from None


@dataclass(frozen=True)
class Profile:
    """A prospect's answers. Every instance is valid (checked on creation).

    Attributes:
        customer: ``business`` (compares prices without VAT) or
            ``individual`` (sees prices with VAT first).
        workstations: Computers in use.
        servers: Servers in use.
        incidents: Expected incidents a month.
        regular_hours: Hours of regular work a month, or ``None`` to derive
            them from the devices with the catalogue's effort coefficients.
        visits: On-site visits a month.
        distance_km: One-way distance of a visit outside the home city, in
            km; 0 means in the city (no travel charge).
        reaction_hours: The reaction time they need, in hours, or ``None``.
        incident_at: When an incident happens, for the reaction deadlines;
            ``None`` means "now" at quote time.
        downtime_cost: What an hour of stopped work costs the customer, in
            euro, or ``None`` when it is not to be considered.
        operating: When the customer works, so when an incident stops work:
            ``business`` (the catalogue's working days and hours) or ``24/7``.
        services: How many of each additional service from the catalogue
            (its id), one-off: ``(("usluga", 2),)``; sorted, no zeros.
        procurement: What to procure, as (description, quantity) lines.
    """

    customer: Customer = "business"
    workstations: int = 5
    servers: int = 1
    incidents: Decimal = Decimal(1)
    regular_hours: Decimal | None = None
    visits: int = 1
    distance_km: Decimal = Decimal(0)
    reaction_hours: Decimal | None = None
    incident_at: datetime | None = None
    downtime_cost: Decimal | None = None
    operating: Operating = "business"
    services: Counts = ()
    procurement: Lines = ()

    def __post_init__(self) -> None:
        # The one check of every value, by its row of the field table.
        for field in FIELDS:
            value = getattr(self, field.name)
            if value is None and field.optional:
                continue
            object.__setattr__(self, field.name, field.check(value))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: decimals as strings, the moment as ISO 8601 with offset."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Decimal):
                value = decimal_text(value)
            elif isinstance(value, datetime):
                value = value.isoformat(timespec="minutes")
            elif item.name == "services":
                value = dict(value)
            elif item.name == "procurement":
                value = [{"description": text, "quantity": count} for text, count in value]
            data[item.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Build a profile from :meth:`to_dict` data, or text as typed; missing keys take defaults.

        Raises:
            ProfileError: an unknown key or a bad value.
        """
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in BY_NAME:
                raise ProfileError(str(key), "непознато поле")
            values[key] = read_value(key, value) if isinstance(value, str) else value
        return cls(**values)
