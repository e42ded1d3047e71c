"""Break-even points with a plan that covers only so many hours: a package."""

from datetime import datetime
from decimal import Decimal

from samples import with_package

from calculator import Catalogue, Profile
from calculator.clock import SOFIA
from calculator.pricing.breakeven import break_even_points
from calculator.pricing.cost import cost_model
from calculator.pricing.quote import quote

D = Decimal
MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)
PACKAGED = Catalogue.from_dict(with_package())


def test_a_package_is_compared_only_up_to_its_volume() -> None:
    # 1 incident x 2 h leaves 6 h of the package's 8 h for regular work. The package costs 250
    # throughout; Почасов 50 x (h + 2), На работа 60 x (h + 2), Аварийна 200 + 55 h,
    # Абонамент 300 + 30 x (h + 2 - 5) above 3 h.
    result = quote(PACKAGED, Profile(regular_hours=D("8.5"), incident_at=MONDAY_10AM))
    assert [(str(p.hours), p.cheaper_below, p.cheaper_above) for p in result.break_even] == [
        ("0.91", "sos", "pack"),  # 200 + 55 h = 250
        ("1.82", "sos", "sub"),
        ("2.17", "job", "pack"),  # 60 x (h + 2) = 250
        ("3.00", "hourly", "pack"),  # 50 x (h + 2) = 250
        ("3.00", "job", "sub"),
        ("5.50", "hourly", "sub"),
        # Above 6 h the package no longer covers: each plan it was cheaper than takes over.
        ("6.00", "pack", "hourly"),
        ("6.00", "pack", "job"),
        ("6.00", "pack", "sos"),
        ("6.00", "pack", "sub"),
        ("16.00", "job", "sos"),
    ]
    texts = {(p.cheaper_below, p.cheaper_above): p.text for p in result.break_even}
    # Never "above 3 h" for the package: it is cheaper only up to where it covers.
    assert texts["hourly", "pack"] == (
        "от 3 до 6\u00a0ч редовна работа на месец Пакет излиза по-евтино от Почасов"
    )
    assert texts["pack", "sub"] == (
        "над 6\u00a0ч редовна работа на месец Абонамент излиза по-изгодно от Пакет, "
        "защото включените в него часове вече не стигат"
    )
    assert texts["hourly", "sub"] == (
        "над 5,5\u00a0ч редовна работа на месец Абонамент излиза по-евтино от Почасов"
    )


def test_a_package_with_incidents_over_its_volume_is_compared_with_none() -> None:
    # 5 incidents x 2 h = 10 h: the package covers no regular work at all.
    profile = Profile(regular_hours=D(0), incidents=D(5), visits=0, incident_at=MONDAY_10AM)
    points = quote(PACKAGED, profile).break_even
    assert [p for p in points if "pack" in (p.cheaper_below, p.cheaper_above)] == []
    assert not quote(PACKAGED, profile).plan("pack").covers


def test_a_limit_between_hundredths_is_rounded_inwards() -> None:
    # Incident hours may have 4 decimal places, so may the limit: rounded inwards, each sentence stays true.
    data = with_package()
    data["effort"]["hours_per_incident"] = "1.01"
    catalogue = Catalogue.from_dict(data)
    profile = Profile(regular_hours=D(0), incidents=D("1.5"), visits=0)
    models = [cost_model(catalogue, plan, profile) for plan in catalogue.plans]
    # 8 - 1.5 x 1.01 = 6.485 h of regular work.
    assert str(models[-1].limit) == "6.485"
    points = {(p.cheaper_below, p.cheaper_above): p for p in break_even_points(models)}
    assert str(points["pack", "sub"].hours) == "6.49"
    # 50 x (h + 1.515) = 250 at h = 3.485.
    assert points["hourly", "pack"].text.startswith("от 3,49 до 6,48\u00a0ч редовна работа")
