"""What a prospect tells us, validated against documented bounds.

Bounds (inclusive), shared with the quote link decoder:

====================  =========================================  ========
field                 values                                      default
====================  =========================================  ========
customer              ``business`` or ``individual``              business
workstations          whole number 0-10 000                       5
servers               whole number 0-1 000                        1
incidents             0-1 000 a month, up to 2 decimal places     1
regular_hours         0-10 000 a month, 2 places; ``None`` =      None
                      derived from the devices
visits                whole number 0-1 000 a month                1
distance_km           0-2 000 km one way, 2 places; 0 = in town   0
reaction_hours        more than 0 up to 720, 2 places; ``None``   None
                      = no requirement
incident_at           aware datetime, years 2000-2100, kept to    None
                      the minute in Sofia time; ``None`` = now
downtime_cost         0-100 000 € an hour of stopped work, 2      None
                      places; ``None`` = not considered
operating             ``business`` (working days, working         business
                      hours) or ``24/7``
====================  =========================================  ========
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from calculator.catalogue import OPERATING, Operating
from calculator.clock import parse_moment, to_sofia
from calculator.errors import ProfileError
from calculator.money import decimal_text
from calculator.numbers import NumberProblem, read_decimal

__all__ = ["BOUNDS", "OPTIONAL", "Customer", "Profile", "to_decimal"]

Customer = Literal["business", "individual"]
CUSTOMERS: tuple[Customer, ...] = ("business", "individual")

# field: (minimum, maximum, decimal places); 0 places means a whole number.
BOUNDS: dict[str, tuple[Decimal, Decimal, int]] = {
    "workstations": (Decimal(0), Decimal(10_000), 0),
    "servers": (Decimal(0), Decimal(1_000), 0),
    "incidents": (Decimal(0), Decimal(1_000), 2),
    "regular_hours": (Decimal(0), Decimal(10_000), 2),
    "visits": (Decimal(0), Decimal(1_000), 0),
    "distance_km": (Decimal(0), Decimal(2_000), 2),
    "reaction_hours": (Decimal("0.01"), Decimal(720), 2),
    "downtime_cost": (Decimal(0), Decimal(100_000), 2),
}
#: The fields a profile may leave empty.
OPTIONAL = ("regular_hours", "reaction_hours", "downtime_cost")
YEARS = (2000, 2100)


def to_decimal(name: str, value: object) -> Decimal:
    """Convert and bound-check one numeric profile value.

    Accepts int, Decimal or decimal text (never bool or float: a float has
    already lost the exact value); zeros past the allowed places are fine.

    Raises:
        ProfileError: not a number, out of bounds or too many decimals.
    """
    low, high, places = BOUNDS[name]
    try:
        return read_decimal(value, low, high, places)
    except NumberProblem as problem:
        if problem.problem in ("too_small", "too_large"):
            reason = f"трябва да е между {decimal_text(low)} и {decimal_text(high)}"
        elif problem.problem == "too_precise" and places == 0:
            reason = "трябва да е цяло число"
        elif problem.problem == "too_precise":
            reason = f"най-много {places} знака след десетичната запетая"
        else:
            reason = "трябва да е число"
        raise ProfileError(name, reason) from None


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

    def __post_init__(self) -> None:
        if self.customer not in CUSTOMERS:
            raise ProfileError("customer", "трябва да е business или individual")
        if self.operating not in OPERATING:
            raise ProfileError("operating", "трябва да е business (в работно време) или 24/7 (денонощно)")
        for name in BOUNDS:
            value = getattr(self, name)
            if value is None and name in OPTIONAL:
                continue
            number = to_decimal(name, value)
            # Whole-number fields stay int, the rest become Decimal.
            object.__setattr__(self, name, int(number) if BOUNDS[name][2] == 0 else number)
        if self.incident_at is not None:
            if not isinstance(self.incident_at, datetime):
                raise ProfileError("incident_at", "трябва да е дата и час")
            try:
                moment = to_sofia(self.incident_at)
            except ValueError:
                raise ProfileError("incident_at", "трябва да има часова зона") from None
            if not YEARS[0] <= moment.year <= YEARS[1]:
                raise ProfileError("incident_at", f"годината трябва да е между {YEARS[0]} и {YEARS[1]}")
            object.__setattr__(self, "incident_at", moment.replace(second=0, microsecond=0))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: decimals as strings, the moment as ISO 8601 with offset."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Decimal):
                value = decimal_text(value)
            elif isinstance(value, datetime):
                value = value.isoformat(timespec="minutes")
            data[item.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Build a profile from :meth:`to_dict` data; missing keys take defaults.

        Raises:
            ProfileError: an unknown key or a bad value.
        """
        known = {item.name for item in fields(cls)}
        for key in data:
            if key not in known:
                raise ProfileError(str(key), "непознато поле")
        values = dict(data)
        for name in BOUNDS:
            if values.get(name) is not None:
                number = to_decimal(name, values[name])
                values[name] = int(number) if BOUNDS[name][2] == 0 else number
        moment = values.get("incident_at")
        if isinstance(moment, str):
            try:
                values["incident_at"] = parse_moment(moment)
            except ValueError:
                raise ProfileError("incident_at", "неразпознат момент") from None
        return cls(**values)
