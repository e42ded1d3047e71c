"""Strict validation of price-list data into :mod:`calculator.catalogue` objects.

Every bad value raises :class:`CatalogueError` naming the plan, the field as
a dotted path, and the reason. Unknown keys are errors too: a typo such as
``monthy_fee`` must fail the build instead of silently pricing at zero.
Numbers may be ints, floats or strings; they become ``Decimal(str(x))``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from calculator.catalogue import (
    CALENDAR_24_7,
    CALENDAR_BUSINESS,
    PLAN_KINDS,
    CalendarData,
    Catalogue,
    Effort,
    Plan,
    PlanKind,
    Reaction,
    Service,
    Travel,
    WorkingHours,
)
from calculator.errors import CatalogueError

__all__ = ["parse_catalogue", "parse_plan", "parse_settings"]

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_PRICE_LIST = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
# Keys each plan kind uses besides the common ones; anything else is a typo.
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "subscription": ("monthly_fee", "included_hours", "hourly_rate"),
    "hourly": ("hourly_rate",),
    "per_job": ("hourly_rate", "minimum_hours_per_visit"),
    "emergency": ("incident_fee", "hourly_rate"),
}
_COMMON_KEYS = ("id", "kind", "name", "order", "reaction", "priority")
_MAX_MONEY = Decimal(1_000_000)
_MAX_HOURS = Decimal(1000)


class _Ctx:
    """Where we are: the plan id (once known) for error messages."""

    def __init__(self, plan: str | None = None) -> None:
        self.plan = plan

    def fail(self, field: str, reason: str) -> CatalogueError:
        return CatalogueError(reason, field=field, plan=self.plan)


def _mapping(ctx: _Ctx, value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ctx.fail(field, f"must be a mapping of keys, got {_show(value)}")
    return cast(Mapping[str, Any], value)


def _keys(
    ctx: _Ctx,
    data: Mapping[str, Any],
    field: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> None:
    for key in data:
        if key not in required and key not in optional:
            allowed = ", ".join([*required, *optional])
            raise ctx.fail(f"{field}.{key}", f"unknown key (allowed here: {allowed})")
    for key in required:
        if key not in data:
            raise ctx.fail(f"{field}.{key}", "missing required key")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _decimal(ctx: _Ctx, value: object, field: str, places: int, maximum: Decimal) -> Decimal:
    """A non-negative decimal with at most ``places`` decimal places."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ctx.fail(field, f"must be a number, got {_show(value)}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ctx.fail(field, f"must be a number, got {_show(value)}") from None
    if not number.is_finite():
        raise ctx.fail(field, f"must be a finite number, got {_show(value)}")
    if number < 0:
        raise ctx.fail(field, f"must not be negative, got {_show(value)}")
    if number > maximum:
        raise ctx.fail(field, f"must be at most {maximum}, got {_show(value)}")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        raise ctx.fail(field, f"at most {places} decimal places allowed, got {_show(value)}")
    return number


def _money(ctx: _Ctx, value: object, field: str) -> Decimal:
    return _decimal(ctx, value, field, 2, _MAX_MONEY)


def _hours(ctx: _Ctx, value: object, field: str) -> Decimal:
    return _decimal(ctx, value, field, 2, _MAX_HOURS)


def _int(ctx: _Ctx, value: object, field: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ctx.fail(field, f"must be a whole number, got {_show(value)}")
    if not 0 <= value <= maximum:
        raise ctx.fail(field, f"must be between 0 and {maximum}, got {value}")
    return value


def _text(ctx: _Ctx, value: object, field: str, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(field, f"must be non-empty text, got {_show(value)}")
    if pattern is not None and not pattern.fullmatch(value):
        raise ctx.fail(field, f"has an invalid form {_show(value)} (expected {pattern.pattern})")
    return value.strip()


def _bool(ctx: _Ctx, value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ctx.fail(field, f"must be true or false, got {_show(value)}")
    return value


def _date(ctx: _Ctx, value: object, field: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ctx.fail(field, f"must be a date like 2026-01-02, got {_show(value)}")


def _time(ctx: _Ctx, value: object, field: str) -> time:
    # YAML 1.1 reads unquoted 18:00 as the number 1080; say how to fix it.
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise ctx.fail(field, f'must be a quoted time like "09:00", got {_show(value)}')
    return time(int(value[:2]), int(value[3:]))


def _dates(ctx: _Ctx, value: object, field: str) -> frozenset[date]:
    if not isinstance(value, list):
        raise ctx.fail(field, f"must be a list of dates, got {_show(value)}")
    return frozenset(_date(ctx, item, f"{field}[{i}]") for i, item in enumerate(value))


def _reaction(ctx: _Ctx, value: object, field: str) -> Reaction:
    data = _mapping(ctx, value, field)
    if "typical_working_days" in data:
        _keys(ctx, data, field, ("typical_working_days",))
        days = data["typical_working_days"]
        sub = f"{field}.typical_working_days"
        if not isinstance(days, list) or len(days) != 2:
            raise ctx.fail(
                sub, f"must be a list of two whole numbers [from, to], got {_show(days)}"
            )
        first, last = (_int(ctx, d, f"{sub}[{i}]", 30) for i, d in enumerate(days))
        if first > last:
            raise ctx.fail(sub, f"first number must not exceed the second, got {_show(days)}")
        return Reaction(typical_working_days=(first, last))
    _keys(ctx, data, field, ("guarantee_hours", "calendar"))
    hours = _hours(ctx, data["guarantee_hours"], f"{field}.guarantee_hours")
    if hours == 0:
        raise ctx.fail(f"{field}.guarantee_hours", "must be more than 0")
    calendar = data["calendar"]
    if calendar not in (CALENDAR_24_7, CALENDAR_BUSINESS):
        raise ctx.fail(f"{field}.calendar", f'must be "24/7" or "business", got {_show(calendar)}')
    return Reaction(guarantee_hours=hours, calendar=str(calendar))


def parse_plan(value: object, field: str = "plan") -> Plan:
    """Validate one plan mapping (a plan page's ``plan:`` front matter).

    Raises:
        CatalogueError: for the first bad, missing or unknown key.
    """
    ctx = _Ctx()
    data = _mapping(ctx, value, field)
    if "id" in data:
        ctx.plan = _text(ctx, data["id"], f"{field}.id", _ID)
    kind = data.get("kind")
    if kind not in PLAN_KINDS:
        raise ctx.fail(
            f"{field}.kind", f"must be one of {', '.join(PLAN_KINDS)}, got {_show(kind)}"
        )
    _keys(ctx, data, field, (*_COMMON_KEYS, *_KIND_KEYS[str(kind)]))
    assert ctx.plan is not None
    extra: dict[str, Any] = {}
    if kind == "subscription":
        extra["monthly_fee"] = _money(ctx, data["monthly_fee"], f"{field}.monthly_fee")
        extra["included_hours"] = _hours(ctx, data["included_hours"], f"{field}.included_hours")
    if kind == "per_job":
        key = "minimum_hours_per_visit"
        extra[key] = _hours(ctx, data[key], f"{field}.{key}")
    if kind == "emergency":
        extra["incident_fee"] = _money(ctx, data["incident_fee"], f"{field}.incident_fee")
    return Plan(
        id=ctx.plan,
        kind=cast(PlanKind, kind),
        name=_text(ctx, data["name"], f"{field}.name"),
        order=_int(ctx, data["order"], f"{field}.order", 1000),
        reaction=_reaction(ctx, data["reaction"], f"{field}.reaction"),
        priority=_bool(ctx, data["priority"], f"{field}.priority"),
        hourly_rate=_money(ctx, data["hourly_rate"], f"{field}.hourly_rate"),
        **extra,
    )


def _calendar(ctx: _Ctx, value: object, field: str) -> CalendarData:
    data = _mapping(ctx, value, field)
    computed = ("years", "days_off", "working_days")
    _keys(ctx, data, field, ("declared_days_off", "working_saturdays"), computed)
    saturdays = _dates(ctx, data["working_saturdays"], f"{field}.working_saturdays")
    for day in sorted(saturdays):
        if day.weekday() != 5:
            raise ctx.fail(f"{field}.working_saturdays", f"{day.isoformat()} is not a Saturday")
    years: tuple[int, int] | None = None
    if "years" in data:
        raw = data["years"]
        if not isinstance(raw, list) or len(raw) != 2:
            raise ctx.fail(f"{field}.years", f"must be [first, last], got {_show(raw)}")
        first, last = (_int(ctx, y, f"{field}.years[{i}]", 9999) for i, y in enumerate(raw))
        if first > last:
            raise ctx.fail(f"{field}.years", "first year must not exceed the last")
        years = (first, last)
    return CalendarData(
        declared_days_off=_dates(ctx, data["declared_days_off"], f"{field}.declared_days_off"),
        working_saturdays=saturdays,
        days_off=_dates(ctx, data.get("days_off", []), f"{field}.days_off"),
        working_days=_dates(ctx, data.get("working_days", []), f"{field}.working_days"),
        years=years,
    )


def _services(ctx: _Ctx, value: object, field: str) -> tuple[Service, ...]:
    if not isinstance(value, list):
        raise ctx.fail(field, f"must be a list, got {_show(value)}")
    services = []
    for i, item in enumerate(value):
        sub = f"{field}[{i}]"
        data = _mapping(ctx, item, sub)
        _keys(ctx, data, sub, ("id", "name", "price", "unit"))
        price = data["price"]
        services.append(
            Service(
                id=_text(ctx, data["id"], f"{sub}.id", _ID),
                name=_text(ctx, data["name"], f"{sub}.name"),
                price=None if price is None else _money(ctx, price, f"{sub}.price"),
                unit=_text(ctx, data["unit"], f"{sub}.unit"),
            )
        )
    return tuple(services)


def parse_settings(
    value: object, field: str = "catalogue", *, with_plans: bool = False
) -> dict[str, Any]:
    """Validate the price-list-wide data (``catalogue:`` front matter).

    Args:
        value: The mapping.
        field: Its dotted path, for error messages.
        with_plans: Allow a ``plans`` key (validated by the caller).

    Returns:
        Keyword arguments for :class:`Catalogue`, without ``plans``.
    """
    ctx = _Ctx()
    data = _mapping(ctx, value, field)
    required = (
        "price_list",
        "effective",
        "vat_percent",
        "bgn_per_eur",
        "working_hours",
        "effort",
        "travel",
    )
    optional = ("services", "calendar", "plans") if with_plans else ("services", "calendar")
    _keys(ctx, data, field, required, optional)
    hours = _mapping(ctx, data["working_hours"], f"{field}.working_hours")
    _keys(ctx, hours, f"{field}.working_hours", ("start", "end"))
    working = WorkingHours(
        _time(ctx, hours["start"], f"{field}.working_hours.start"),
        _time(ctx, hours["end"], f"{field}.working_hours.end"),
    )
    if working.start >= working.end:
        raise ctx.fail(f"{field}.working_hours.end", "must be later than the start")
    effort = _mapping(ctx, data["effort"], f"{field}.effort")
    effort_keys = ("hours_per_workstation", "hours_per_server", "hours_per_incident")
    _keys(ctx, effort, f"{field}.effort", effort_keys)
    travel = _mapping(ctx, data["travel"], f"{field}.travel")
    _keys(ctx, travel, f"{field}.travel", ("home_city", "per_km"), ("per_visit",))
    rate = _decimal(ctx, data["bgn_per_eur"], f"{field}.bgn_per_eur", 5, Decimal(100))
    if rate == 0:
        raise ctx.fail(f"{field}.bgn_per_eur", "must be more than 0")
    return {
        "price_list": _text(ctx, data["price_list"], f"{field}.price_list", _PRICE_LIST),
        "effective": _date(ctx, data["effective"], f"{field}.effective"),
        "vat_percent": _decimal(ctx, data["vat_percent"], f"{field}.vat_percent", 2, Decimal(100)),
        "bgn_per_eur": rate,
        "working_hours": working,
        "effort": Effort(*(_hours(ctx, effort[k], f"{field}.effort.{k}") for k in effort_keys)),
        "travel": Travel(
            home_city=_text(ctx, travel["home_city"], f"{field}.travel.home_city"),
            per_km=_money(ctx, travel["per_km"], f"{field}.travel.per_km"),
            per_visit=_money(ctx, travel.get("per_visit", 0), f"{field}.travel.per_visit"),
        ),
        "services": _services(ctx, data.get("services", []), f"{field}.services"),
        "calendar": _calendar(
            ctx,
            data.get("calendar", {"declared_days_off": [], "working_saturdays": []}),
            f"{field}.calendar",
        ),
    }


def check_plans(plans: Sequence[Plan]) -> tuple[Plan, ...]:
    """Reject an empty list or a repeated id; return plans in display order."""
    if not plans:
        raise CatalogueError("the price list has no plans", field="plans")
    seen: set[str] = set()
    for plan in plans:
        if plan.id in seen:
            raise CatalogueError("the same plan id is used twice", field="plan.id", plan=plan.id)
        seen.add(plan.id)
    return tuple(sorted(plans, key=lambda p: (p.order, p.id)))


def parse_catalogue(value: object) -> Catalogue:
    """Validate a whole catalogue mapping (settings plus a ``plans`` list).

    Raises:
        CatalogueError: for the first bad value.
    """
    settings = parse_settings(value, "catalogue", with_plans=True)
    data = cast(Mapping[str, Any], value)
    raw_plans = data.get("plans")
    if not isinstance(raw_plans, list):
        raise CatalogueError(
            f"must be a list of plans, got {_show(raw_plans)}", field="catalogue.plans"
        )
    plans = [parse_plan(item, f"plans[{i}]") for i, item in enumerate(raw_plans)]
    return Catalogue(plans=check_plans(plans), **settings)
