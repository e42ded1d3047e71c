"""What waiting costs in a quote: the downtime per plan, the recommendation and the break-even costs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from samples import BG_DAYS_OFF_2025_2028, small_catalogue_data

from calculator import Catalogue, Profile
from calculator.catalogue import Plan, Reaction
from calculator.clock import SOFIA
from calculator.pricing.downtime_cost import cost_break_evens, downtime_of
from calculator.pricing.quote import quote
from calculator.pricing.vat import NET
from calculator.time.expected_wait import ExpectedWait

D = Decimal
MONDAY_BEFORE_CHRISTMAS = datetime(2026, 12, 21, 10, 0, tzinfo=SOFIA)
CATALOGUE = Catalogue.from_dict(small_catalogue_data())


def profile(**values: object) -> Profile:
    return Profile.from_dict({"regular_hours": D(2), "incident_at": MONDAY_BEFORE_CHRISTMAS, **values})


def test_the_downtime_is_incidents_times_wait_times_cost_rounded_half_up() -> None:
    wait = ExpectedWait(D("1.81"), False, 576)
    assert downtime_of(wait, D("1.5"), D("33.33")).to_dict() == {
        # 1.5 x 1.81 x 33.33 = 90.49095
        "expected_wait_hours": "1.81",
        "monthly_cost": "90.49",
        "estimate": False,
    }
    assert downtime_of(wait, D(1), None).monthly_cost is None


def test_without_a_cost_the_quote_recommends_by_fee_and_its_json_has_no_downtime(
    small_catalogue: Catalogue,
) -> None:
    result = quote(small_catalogue, profile(operating="24/7"), days_off=BG_DAYS_OFF_2025_2028)
    assert result.recommended == "hourly"
    data = result.to_dict()
    assert "downtime_break_even" not in data
    assert "downtime_cost" not in data["profile"] and "operating" not in data["profile"]
    assert all("downtime" not in plan for plan in data["plans"])
    # The page still shows each plan's wait.
    assert [str(item.downtime.wait.hours) for item in result.plans] == ["2.00", "34.15", "69.33", "35.04"]


def test_a_cost_per_hour_weighs_the_wait_into_the_recommendation(small_catalogue: Catalogue) -> None:
    result = quote(small_catalogue, profile(downtime_cost=D(50)), days_off=BG_DAYS_OFF_2025_2028)
    data = result.to_dict()
    assert [(plan["id"], plan["net"], plan["downtime"]) for plan in data["plans"]] == [
        ("sub", "300.00", {"expected_wait_hours": "1.81", "monthly_cost": "90.50", "estimate": False}),
        ("hourly", "200.00", {"expected_wait_hours": "4.00", "monthly_cost": "200.00", "estimate": False}),
        ("job", "240.00", {"expected_wait_hours": "13.50", "monthly_cost": "675.00", "estimate": True}),
        ("sos", "310.00", {"expected_wait_hours": "4.50", "monthly_cost": "225.00", "estimate": True}),
    ]
    assert data["recommended"] == "sub"
    assert data["recommendation"] == (
        "Абонамент е най-изгодният план, като се брои и очакваната загуба от престой: "
        "цена на плана 300,00\u00a0€ без ДДС + загуба от престой 90,50\u00a0€ = 390,50\u00a0€ на месец."
    )
    # (300 - 200) / (1 x (4.00 - 1.81)) = 45.662...
    assert data["downtime_break_even"] == [
        {
            "cost_per_hour": "45.66",
            "faster": "sub",
            "slower": "hourly",
            "text": "Ако час престой ви струва над 45,66\u00a0€, Абонамент излиза по-изгодно от Почасов",
        }
    ]
    assert data["profile"]["downtime_cost"] == "50" and data["profile"]["operating"] == "business"


def test_the_break_even_cost_is_where_the_totals_cross(small_catalogue: Catalogue) -> None:
    def totals(cost: str) -> list[Decimal]:
        result = quote(small_catalogue, profile(downtime_cost=D(cost)), days_off=BG_DAYS_OFF_2025_2028)
        return [item.total(NET) for item in result.plans[:2]]

    # Subscription against hourly: 300 + 1.81 x c against 200 + 4 x c, each cost rounded to the cent.
    assert totals("45.65") == [D("382.63"), D("382.60")]
    assert totals("45.66") == [D("382.64"), D("382.64")]
    assert totals("45.67") == [D("382.66"), D("382.68")]


def test_an_individual_compares_the_price_with_vat(small_catalogue: Catalogue) -> None:
    result = quote(
        small_catalogue, profile(customer="individual", downtime_cost=D(60)), days_off=BG_DAYS_OFF_2025_2028
    )
    # (360 - 240) / 2.19 = 54.794...
    assert [point.cost_per_hour for point in result.downtime_break_even] == [D("54.79")]
    assert result.recommendation.endswith(
        "цена на плана 360,00\u00a0€ с ДДС + загуба от престой 108,60\u00a0€ = 468,60\u00a0€ на месец."
    )


def test_the_recommendation_keeps_to_the_plans_that_meet_the_required_reaction(
    small_catalogue: Catalogue,
) -> None:
    # Wednesday 17:00 before Christmas: only the 24/7 plan reacts within 4 h.
    wednesday = datetime(2026, 12, 23, 17, 0, tzinfo=SOFIA)
    result = quote(
        small_catalogue,
        Profile(regular_hours=D(2), incident_at=wednesday, reaction_hours=D(4), downtime_cost=D(1)),
        days_off=BG_DAYS_OFF_2025_2028,
    )
    assert result.recommended == "sub"
    assert result.recommendation.startswith(
        "Абонамент е най-изгодният план, който реагира до 4\u00a0ч при инцидент в сряда, 23.12.2026, 17:00, "
        "като се брои и очакваната загуба от престой: "
    )
    # Only one plan is in the running: nothing to break even with.
    assert result.downtime_break_even == ()


def test_no_break_even_without_incidents_or_beyond_the_largest_cost() -> None:
    slow = Plan("slow", "hourly", "Бавен", 1, Reaction(D(4), "business"), True, D(40))
    fast = Plan("fast", "subscription", "Бърз", 2, Reaction(D(2), "24/7"), True, D(40), D(300))
    plans = [(slow, D(200), ExpectedWait(D(4), False, 1)), (fast, D(300), ExpectedWait(D("3.99"), False, 1))]
    assert cost_break_evens(plans, D(0)) == ()
    # 100 / 0.01 = 10 000 an incident; with 0.09 incidents, 111 111.11: over the form's 100 000.
    assert [point.cost_per_hour for point in cost_break_evens(plans, D(1))] == [D("10000.00")]
    assert cost_break_evens(plans, D("0.09")) == ()


profiles = st.builds(
    Profile,
    customer=st.sampled_from(["business", "individual"]),
    workstations=st.integers(0, 50),
    servers=st.integers(0, 5),
    incidents=st.decimals(min_value=0, max_value=20, places=2),
    visits=st.integers(0, 10),
    reaction_hours=st.none() | st.decimals(min_value=D("0.5"), max_value=48, places=2),
    incident_at=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 11, 30)).map(
        lambda moment: moment.replace(second=0, microsecond=0, tzinfo=SOFIA)
    ),
    operating=st.sampled_from(["business", "24/7"]),
)


@settings(max_examples=25, deadline=None)
@given(profiles)
def test_a_cost_of_zero_leaves_the_recommendation_as_it_was(value: Profile) -> None:
    today = quote(CATALOGUE, value, days_off=BG_DAYS_OFF_2025_2028)
    zero = quote(CATALOGUE, replace(value, downtime_cost=D(0)), days_off=BG_DAYS_OFF_2025_2028)
    assert zero.recommended == today.recommended
