from decimal import Decimal

import pytest
from samples import small_catalogue_data

from calculator import Catalogue, Profile, price_plan
from calculator.pricing.plan_price import workload

D = Decimal


def amounts(catalogue: Catalogue, plan_id: str, profile: Profile) -> tuple[str, str, str]:
    price = price_plan(catalogue, catalogue.plan(plan_id), profile)
    return str(price.net), str(price.vat), str(price.gross)


# 10 workstations x 0.5 h + 1 server x 2 h = 7 h regular; 2 incidents x 2 h = 4 h; 11 h total.
PROFILE = Profile(workstations=10, servers=1, incidents=D(2), visits=1)


def test_workload_is_derived_from_the_devices(small_catalogue: Catalogue) -> None:
    load = workload(PROFILE, small_catalogue.effort)
    assert (load.regular_hours, load.incident_hours, load.total_hours) == (D(7), D(4), D(11))
    assert load.derived
    assert load.explanation == (
        "10 работни станции × 0,5\u00a0ч + 1 сървър × 2\u00a0ч = 7\u00a0ч редовна работа; "
        "2 инцидента × 2\u00a0ч = 4\u00a0ч"
    )


def test_given_regular_hours_replace_the_derived_ones(small_catalogue: Catalogue) -> None:
    load = workload(Profile(regular_hours=D("2.5"), incidents=D(0)), small_catalogue.effort)
    assert (load.total_hours, load.derived) == (D("2.5"), False)


def test_subscription_fee_plus_hours_over_the_included(small_catalogue: Catalogue) -> None:
    # 300 + (11 - 5) x 30 = 480; VAT 96.
    assert amounts(small_catalogue, "sub", PROFILE) == ("480.00", "96.00", "576.00")
    price = price_plan(small_catalogue, small_catalogue.plan("sub"), PROFILE)
    assert [(line.label, str(line.amount)) for line in price.lines] == [
        ("Месечна такса", "300.00"),
        ("Часове над включените", "180.00"),
    ]
    assert price.lines[1].explanation == "5\u00a0ч включени, 6\u00a0ч над тях × 30,00\u00a0€"


def test_subscription_within_included_hours_costs_the_fee(small_catalogue: Catalogue) -> None:
    profile = Profile(regular_hours=D(3), incidents=D(0))
    assert amounts(small_catalogue, "sub", profile) == ("300.00", "60.00", "360.00")


def test_hourly_charges_every_hour(small_catalogue: Catalogue) -> None:
    assert amounts(small_catalogue, "hourly", PROFILE) == ("550.00", "110.00", "660.00")


def test_per_job_charges_the_work_done(small_catalogue: Catalogue) -> None:
    assert amounts(small_catalogue, "job", PROFILE) == ("660.00", "132.00", "792.00")


def test_per_job_minimum_per_visit_applies(small_catalogue: Catalogue) -> None:
    # 10 visits x 2 h minimum = 20 h > 11 h of work.
    profile = Profile(workstations=10, servers=1, incidents=D(2), visits=10)
    price = price_plan(small_catalogue, small_catalogue.plan("job"), profile)
    assert str(price.net) == "1200.00"
    assert price.lines[0].explanation == (
        "20\u00a0ч × 60,00\u00a0€ (минимум 2\u00a0ч на посещение × 10 посещения)"
    )


def test_emergency_fee_per_incident_plus_regular_work(small_catalogue: Catalogue) -> None:
    # 2 x 200 + 7 h x 55 = 785; the incident price is a "from" price.
    price = price_plan(small_catalogue, small_catalogue.plan("sos"), PROFILE)
    assert (str(price.net), str(price.vat), str(price.gross)) == ("785.00", "157.00", "942.00")
    assert price.price_is_from


def test_travel_there_and_back_for_each_visit(small_catalogue: Catalogue) -> None:
    # 2 visits x 2 x 30 km x 0.50 = 60.
    profile = Profile(regular_hours=D(0), incidents=D(0), visits=2, distance_km=D(30))
    price = price_plan(small_catalogue, small_catalogue.plan("hourly"), profile)
    assert [(line.kind, str(line.amount)) for line in price.lines] == [
        ("hours", "0.00"),
        ("travel", "60.00"),
    ]
    assert price.lines[1].explanation == "2 посещения извън София × 2 × 30 км × 0,50\u00a0€"


def test_travel_flat_fee_per_visit() -> None:
    data = small_catalogue_data()
    data["travel"]["per_visit"] = "12.50"
    catalogue = Catalogue.from_dict(data)
    profile = Profile(regular_hours=D(0), incidents=D(0), visits=2, distance_km=D(10))
    # 2 x (2 x 10 x 0.50 + 12.50) = 45.
    assert amounts(catalogue, "hourly", profile)[0] == "45.00"


def test_no_travel_in_the_home_city(small_catalogue: Catalogue) -> None:
    price = price_plan(small_catalogue, small_catalogue.plan("hourly"), Profile(visits=3))
    assert "travel" not in [line.kind for line in price.lines]


def test_lines_are_rounded_half_up_to_the_cent() -> None:
    data = small_catalogue_data()
    data["plans"][1]["hourly_rate"] = "33.33"
    catalogue = Catalogue.from_dict(data)
    # 0.35 h x 33.33 = 11.6655 -> 11.67.
    profile = Profile(regular_hours=D("0.35"), incidents=D(0))
    assert amounts(catalogue, "hourly", profile) == ("11.67", "2.33", "14.00")


@pytest.mark.parametrize(("rate", "vat"), [("0.50", "0.05"), ("1.50", "0.14"), ("0.10", "0.01")])
def test_vat_is_rounded_half_up(rate: str, vat: str) -> None:
    data = small_catalogue_data()
    data["vat_percent"] = 9
    data["plans"][1]["hourly_rate"] = rate
    catalogue = Catalogue.from_dict(data)
    # 0.50 x 9 % = 0.045 -> 0.05 (half up, not half even); 1.50 x 9 % = 0.135 -> 0.14.
    assert amounts(catalogue, "hourly", Profile(regular_hours=D(1), incidents=D(0)))[1] == vat
