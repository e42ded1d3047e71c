"""The engine tests' sample data: a small catalogue built in the tests, independent of the site's prices,
and the official Bulgarian days off written out by hand."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

SMALL_CATALOGUE: dict[str, Any] = {
    "price_list": "test-1",
    "effective": "2026-11-01",
    "vat_percent": 20,
    "bgn_per_eur": "1.95583",
    "working_hours": {"start": "09:00", "end": "18:00"},
    "effort": {"hours_per_workstation": 0.5, "hours_per_server": 2, "hours_per_incident": 2},
    "travel": {"home_city": "София", "per_km": 0.5},
    "services": [{"id": "training", "name": "Обучение", "price": 100, "unit": "занятие"}],
    "calendar": {"declared_days_off": [], "working_saturdays": []},
    "plans": [
        {
            "id": "sub",
            "kind": "subscription",
            "name": "Абонамент",
            "order": 1,
            "monthly_fee": 300,
            "included_hours": 5,
            "hourly_rate": 30,
            "reaction": {"guarantee_hours": 2, "calendar": "24/7"},
            "priority": True,
        },
        {
            "id": "hourly",
            "kind": "hourly",
            "name": "Почасов",
            "order": 2,
            "hourly_rate": 50,
            "reaction": {"guarantee_hours": 4, "calendar": "business"},
            "priority": True,
        },
        {
            "id": "job",
            "kind": "per_job",
            "name": "На работа",
            "order": 3,
            "hourly_rate": 60,
            "minimum_hours_per_visit": 2,
            "reaction": {"typical_working_days": [1, 2]},
            "priority": False,
        },
        {
            "id": "sos",
            "kind": "emergency",
            "name": "Аварийна",
            "order": 4,
            "incident_fee": 200,
            "hourly_rate": 55,
            "reaction": {"typical_working_days": [0, 1]},
            "priority": False,
        },
    ],
}


# The official Bulgarian days off, 2025-2028 (Labour Code art. 154 and the
# government's declared days), written out so the core tests need no
# `holidays` package; test_calendar_source checks the package agrees.
_DAYS_OFF = {
    2025: "01-01 03-03 04-18 04-19 04-20 04-21 05-01 05-06 05-24 05-26 09-06 09-08 09-22 "
    "12-24 12-25 12-26 12-31",
    2026: "01-01 01-02 03-03 04-10 04-11 04-12 04-13 05-01 05-06 05-24 05-25 09-06 09-07 09-22 "
    "12-24 12-25 12-26 12-28",
    2027: "01-01 03-03 04-30 05-01 05-02 05-03 05-04 05-06 05-24 09-06 09-22 12-24 12-25 12-26 12-27 12-28",
    2028: "01-01 01-03 03-03 04-14 04-15 04-16 04-17 05-01 05-06 05-08 05-24 09-06 09-22 12-24 "
    "12-25 12-26 12-27",
}
BG_DAYS_OFF_2025_2028 = frozenset(
    date.fromisoformat(f"{year}-{day}") for year, days in _DAYS_OFF.items() for day in days.split()
)


def small_catalogue_data() -> dict[str, Any]:
    """A fresh, mutable copy of the small test catalogue's data."""
    return copy.deepcopy(SMALL_CATALOGUE)


#: A package: a fee for 8 h of work a month, nothing charged on top; last in the order.
PACKAGE: dict[str, Any] = {
    "id": "pack",
    "kind": "package",
    "name": "Пакет",
    "order": 5,
    "monthly_fee": 250,
    "included_hours": 8,
    "reaction": {"guarantee_hours": 4, "calendar": "business"},
    "priority": True,
}


def with_package() -> dict[str, Any]:
    """The small test catalogue's data with :data:`PACKAGE` added as its fifth plan."""
    data = small_catalogue_data()
    data["plans"].append(copy.deepcopy(PACKAGE))
    return data


# An offer link signed once with a key made for the engine's tests and thrown
# away: only its public half is here, so the tests need no signer and run in
# Pyodide too. Offer № 2026-0042 for ТехКлиент ООД, issued 03.12.2026 under the
# list 2026-12, valid to 02.01.2027.
OFFER_KEY = "lgIhXJJe4EFoydtHOcqF6Jzfso82CtaN04EDjsokOsU"
OFFER_UNSIGNED = (
    "#v=1&pl=2026-12&d=2026-12-03&c=b&ws=10&sv=1&inc=1&vis=1&km=0&of=2026-0042"
    "&cu=%D0%A2%D0%B5%D1%85%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%20%D0%9E%D0%9E%D0%94&eik=206813475"
    "&plan=standard&dsc=10&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF%20Lenovo*2*1234.5&vu=2027-01-02"
    "&sp=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2"
    "&nt=%D0%A6%D0%B5%D0%BD%D0%B0%20%D0%BF%D1%80%D0%B8%20%D0%BF%D0%BE%D0%B4%D0%BF%D0%B8%D1%81%D0%B2"
    "%D0%B0%D0%BD%D0%B5%20%D0%B4%D0%BE%20%D0%9A%D0%BE%D0%BB%D0%B5%D0%B4%D0%B0&k=k1"
)
OFFER_SIGNATURE = "P7YdUjko1MHGUTSwqgc8wTyn0kieRQxJ4cCxuy73lllqdSAiRWTdJtSGnQYm-09g4iO4wNakmbP8ZTNlfzOTAQ"
