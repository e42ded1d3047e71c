"""Strict validation of price-list data into the :mod:`calculator.catalogue.parts` of a catalogue.

Every bad value raises :class:`CatalogueError` naming the plan, the field as
a dotted path, and the reason. Unknown keys are errors too: a typo such as
``monthy_fee`` must fail the build instead of silently pricing at zero.
Numbers may be ints, floats or strings; they become ``Decimal(str(x))``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from calculator.catalogue import readers as r
from calculator.catalogue.parts import (
    CALENDAR_24_7,
    CALENDAR_BUSINESS,
    ITEM_ID,
    ITEM_ID_FORM,
    PLAN_KINDS,
    PRICE_LIST_ID,
    CalendarData,
    Effort,
    Plan,
    PlanKind,
    Reaction,
    Service,
    Travel,
    WorkingHours,
)
from calculator.errors import CatalogueError
from calculator.money import BGN_PER_EUR, ZERO

__all__ = ["parse_plan", "parse_plans", "parse_settings"]

# Keys each plan kind uses besides the common ones; anything else is a typo.
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "subscription": ("monthly_fee", "included_hours", "hourly_rate"),
    "package": ("monthly_fee", "included_hours"),
    "hourly": ("hourly_rate",),
    "per_job": ("hourly_rate", "minimum_hours_per_visit"),
    "emergency": ("incident_fee", "hourly_rate"),
}
_COMMON_KEYS = ("id", "kind", "name", "order", "reaction", "priority")


def _reaction(ctx: r.Ctx, value: object, field: str) -> Reaction:
    data = r.mapping(ctx, value, field)
    if "typical_working_days" in data:
        r.keys(ctx, data, field, ("typical_working_days",))
        days = data["typical_working_days"]
        sub = f"{field}.typical_working_days"
        if not isinstance(days, list) or len(days) != 2:
            raise ctx.fail(
                sub, f"трябва да е списък от две цели числа [от, до], напр. [1, 2]; написано е {r.show(days)}"
            )
        first, last = (r.integer(ctx, d, f"{sub}[{i}]", 30) for i, d in enumerate(days))
        if first > last:
            raise ctx.fail(sub, f"първото число не може да е по-голямо от второто; написано е {r.show(days)}")
        return Reaction(typical_working_days=(first, last))
    r.keys(ctx, data, field, ("guarantee_hours", "calendar"))
    hours = r.hours(ctx, data["guarantee_hours"], f"{field}.guarantee_hours")
    if hours == 0:
        raise ctx.fail(
            f"{field}.guarantee_hours", "трябва да е повече от 0; без гаранция пишете typical_working_days"
        )
    calendar = data["calendar"]
    if calendar not in (CALENDAR_24_7, CALENDAR_BUSINESS):
        raise ctx.fail(
            f"{field}.calendar", f'трябва да е "24/7" или "business"; написано е {r.show(calendar)}'
        )
    return Reaction(guarantee_hours=hours, calendar=str(calendar))


def parse_plan(value: object, field: str = "plan") -> Plan:
    """Validate one plan mapping (a plan page's ``plan:`` front matter).

    Raises:
        CatalogueError: for the first bad, missing or unknown key.
    """
    ctx = r.Ctx()
    data = r.mapping(ctx, value, field)
    if "id" in data:
        ctx.plan = r.text(ctx, data["id"], f"{field}.id", ITEM_ID, ITEM_ID_FORM)
    kind = data.get("kind")
    if kind not in PLAN_KINDS:
        raise ctx.fail(
            f"{field}.kind", f"трябва да е едно от {', '.join(PLAN_KINDS)}; написано е {r.show(kind)}"
        )
    if kind == "package" and "hourly_rate" in data:
        # The likeliest slip when a subscription's page is copied: say why, not only "unknown".
        raise ctx.fail(
            f"{field}.hourly_rate",
            "пакетът няма цена на час: месечната такса покрива включените часове (included_hours) "
            "и над тях нищо не се доплаща; махнете полето, а за такса с доплащане на час "
            "изберете kind: subscription",
        )
    r.keys(ctx, data, field, (*_COMMON_KEYS, *_KIND_KEYS[str(kind)]))
    assert ctx.plan is not None
    extra: dict[str, Any] = {}
    if kind in ("subscription", "package"):
        extra["monthly_fee"] = r.money(ctx, data["monthly_fee"], f"{field}.monthly_fee")
        extra["included_hours"] = r.hours(ctx, data["included_hours"], f"{field}.included_hours")
    if kind == "package" and extra["included_hours"] == 0:
        raise ctx.fail(
            f"{field}.included_hours", "трябва да е повече от 0: това е обемът работа, който пакетът купува"
        )
    if kind == "per_job":
        key = "minimum_hours_per_visit"
        extra[key] = r.hours(ctx, data[key], f"{field}.{key}")
    if kind == "emergency":
        extra["incident_fee"] = r.money(ctx, data["incident_fee"], f"{field}.incident_fee")
    return Plan(
        id=ctx.plan,
        kind=cast(PlanKind, kind),
        name=r.text(ctx, data["name"], f"{field}.name"),
        order=r.integer(ctx, data["order"], f"{field}.order", 1000),
        reaction=_reaction(ctx, data["reaction"], f"{field}.reaction"),
        priority=r.boolean(ctx, data["priority"], f"{field}.priority"),
        # A package has none (see Plan): zero, as every field a kind does not use.
        hourly_rate=r.money(ctx, data["hourly_rate"], f"{field}.hourly_rate") if kind != "package" else ZERO,
        **extra,
    )


def _calendar(ctx: r.Ctx, value: object, field: str) -> CalendarData:
    data = r.mapping(ctx, value, field)
    computed = ("years", "days_off", "working_days")
    r.keys(ctx, data, field, ("declared_days_off", "working_saturdays"), computed)
    saturdays = r.days(ctx, data["working_saturdays"], f"{field}.working_saturdays")
    for day in sorted(saturdays):
        if day.weekday() != 5:
            raise ctx.fail(
                f"{field}.working_saturdays", f"{day.isoformat()} не е събота: оставете само съботи"
            )
    years: tuple[int, int] | None = None
    if "years" in data:
        raw = data["years"]
        if not isinstance(raw, list) or len(raw) != 2:
            raise ctx.fail(
                f"{field}.years", f"трябва да е [първа, последна] година; написано е {r.show(raw)}"
            )
        first, last = (r.integer(ctx, y, f"{field}.years[{i}]", 9999) for i, y in enumerate(raw))
        if first > last:
            raise ctx.fail(f"{field}.years", "първата година не може да е след последната")
        years = (first, last)
    return CalendarData(
        declared_days_off=r.days(ctx, data["declared_days_off"], f"{field}.declared_days_off"),
        working_saturdays=saturdays,
        days_off=r.days(ctx, data.get("days_off", []), f"{field}.days_off"),
        working_days=r.days(ctx, data.get("working_days", []), f"{field}.working_days"),
        years=years,
    )


def _services(ctx: r.Ctx, value: object, field: str) -> tuple[Service, ...]:
    if not isinstance(value, list):
        raise ctx.fail(
            field, f"трябва да е списък (всеки елемент на ред, започващ с -); написано е {r.show(value)}"
        )
    services: list[Service] = []
    for i, item in enumerate(value):
        sub = f"{field}[{i}]"
        data = r.mapping(ctx, item, sub)
        r.keys(ctx, data, sub, ("id", "name", "price", "unit"))
        price = data["price"]
        service = Service(
            id=r.text(ctx, data["id"], f"{sub}.id", ITEM_ID, ITEM_ID_FORM),
            name=r.text(ctx, data["name"], f"{sub}.name"),
            price=None if price is None else r.money(ctx, price, f"{sub}.price"),
            unit=r.text(ctx, data["unit"], f"{sub}.unit"),
        )
        # A quote link names a service by its id: two with one id could not be told apart.
        if any(other.id == service.id for other in services):
            raise ctx.fail(f"{sub}.id", f"услуга с id {service.id} вече има по-горе в списъка")
        services.append(service)
    return tuple(services)


def _fixed_rate(ctx: r.Ctx, value: object, field: str) -> Decimal:
    """The lev/euro rate: only the fixed rate of the law, :data:`~calculator.money.BGN_PER_EUR`.

    A shortened or mistyped rate would put wrong lev amounts in front of a
    customer, so any other value (or no number at all) stops the build.
    """
    try:
        rate: Decimal | None = r.decimal(ctx, value, field, 5, Decimal(100))
    except CatalogueError:
        rate = None
    if rate != BGN_PER_EUR:
        raise ctx.fail(
            field,
            f'трябва да е точно "{BGN_PER_EUR}" - фиксираният курс на лева към еврото по закон; '
            f"написано е {r.show(value)}",
        )
    return BGN_PER_EUR


def parse_settings(
    value: object, field: str = "catalogue", *, with_plans: bool = False, also: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Validate the price-list-wide data (``catalogue:`` front matter).

    Args:
        value: The mapping.
        field: Its dotted path, for error messages.
        with_plans: Allow a ``plans`` key (validated by the caller).
        also: Other keys the caller reads itself: allowed, and named when a key is unknown.

    Returns:
        Keyword arguments for :class:`~calculator.catalogue.Catalogue`, without ``plans``.
    """
    ctx = r.Ctx()
    data = r.mapping(ctx, value, field)
    required = (
        "price_list",
        "effective",
        "vat_percent",
        "bgn_per_eur",
        "working_hours",
        "effort",
        "travel",
    )
    optional = ("services", "calendar", *(("plans",) if with_plans else ()), *also)
    r.keys(ctx, data, field, required, optional)
    hours = r.mapping(ctx, data["working_hours"], f"{field}.working_hours")
    r.keys(ctx, hours, f"{field}.working_hours", ("start", "end"))
    working = WorkingHours(
        r.clock_time(ctx, hours["start"], f"{field}.working_hours.start"),
        r.clock_time(ctx, hours["end"], f"{field}.working_hours.end"),
    )
    if working.start >= working.end:
        raise ctx.fail(f"{field}.working_hours.end", "трябва да е след началото (start)")
    effort = r.mapping(ctx, data["effort"], f"{field}.effort")
    effort_keys = ("hours_per_workstation", "hours_per_server", "hours_per_incident")
    r.keys(ctx, effort, f"{field}.effort", effort_keys)
    travel = r.mapping(ctx, data["travel"], f"{field}.travel")
    r.keys(ctx, travel, f"{field}.travel", ("home_city", "per_km"), ("per_visit",))
    rate = _fixed_rate(ctx, data["bgn_per_eur"], f"{field}.bgn_per_eur")
    return {
        "price_list": r.text(
            ctx,
            data["price_list"],
            f"{field}.price_list",
            PRICE_LIST_ID,
            'латински букви, цифри, . _ или - в кавички, напр. "2027-01"',
        ),
        "effective": r.day(ctx, data["effective"], f"{field}.effective"),
        "vat_percent": r.decimal(ctx, data["vat_percent"], f"{field}.vat_percent", 2, Decimal(100)),
        "bgn_per_eur": rate,
        "working_hours": working,
        "effort": Effort(*(r.hours(ctx, effort[k], f"{field}.effort.{k}") for k in effort_keys)),
        "travel": Travel(
            home_city=r.text(ctx, travel["home_city"], f"{field}.travel.home_city"),
            per_km=r.money(ctx, travel["per_km"], f"{field}.travel.per_km"),
            per_visit=r.money(ctx, travel.get("per_visit", 0), f"{field}.travel.per_visit"),
        ),
        "services": _services(ctx, data.get("services", []), f"{field}.services"),
        "calendar": _calendar(
            ctx,
            data.get("calendar", {"declared_days_off": [], "working_saturdays": []}),
            f"{field}.calendar",
        ),
    }


def parse_plans(value: object, field: str) -> tuple[Plan, ...]:
    """Validate a list of plan mappings, each named ``plans[i]`` in errors.

    Raises:
        CatalogueError: not a list, or the first bad plan.
    """
    if not isinstance(value, list):
        raise CatalogueError(f"трябва да е списък от планове; написано е {r.show(value)}", field=field)
    return tuple(parse_plan(item, f"plans[{i}]") for i, item in enumerate(value))
