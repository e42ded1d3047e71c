"""Shared fixtures: a small catalogue built in the tests, independent of the site's prices."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculator import Catalogue

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


def small_catalogue_data() -> dict[str, Any]:
    """A fresh, mutable copy of the small test catalogue's data."""
    return copy.deepcopy(SMALL_CATALOGUE)


@pytest.fixture
def small_catalogue() -> Catalogue:
    """The small test catalogue (no official calendar; tests add days off as needed)."""
    return Catalogue.from_dict(small_catalogue_data())
