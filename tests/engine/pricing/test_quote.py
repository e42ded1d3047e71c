import json
from collections import Counter
from datetime import datetime
from decimal import Decimal

import pytest
from samples import with_package

from calculator import Catalogue, Profile
from calculator.clock import SOFIA
from calculator.pricing.quote import quote, shortfall_text

D = Decimal
WEDNESDAY_5PM = datetime(2026, 12, 23, 17, 0, tzinfo=SOFIA)
MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)


def test_quote_prices_every_plan_and_recommends_the_cheapest(small_catalogue: Catalogue) -> None:
    # 2 h regular + 1 incident x 2 h = 4 h: sub 300, hourly 200, job 240, sos 200 + 110.
    profile = Profile(regular_hours=D(2), incidents=D(1), incident_at=MONDAY_10AM)
    result = quote(small_catalogue, profile)
    assert [(p.id, str(p.price.net)) for p in result.plans] == [
        ("sub", "300.00"),
        ("hourly", "200.00"),
        ("job", "240.00"),
        ("sos", "310.00"),
    ]
    assert result.recommended == "hourly"
    assert (
        result.recommendation
        == "Почасов е най-изгодният план за вашите нужди: 200,00\u00a0€ на месец без ДДС."
    )


def test_required_reaction_filters_plans(small_catalogue: Catalogue) -> None:
    profile = Profile(regular_hours=D(2), incidents=D(1), reaction_hours=D(4), incident_at=WEDNESDAY_5PM)
    result = quote(small_catalogue, profile)
    # Working hours: the hourly plan's deadline is after Christmas, so only the 24/7 plan meets 4 h.
    assert [p.id for p in result.plans if p.meets_requirement] == ["sub"]
    assert result.recommended == "sub"
    assert result.recommendation == (
        "Абонамент е най-изгодният план, който реагира до 4\u00a0ч при инцидент в "
        "сряда, 23.12.2026, 17:00: 300,00\u00a0€ на месец без ДДС."
    )


def test_working_hours_guarantee_meets_the_requirement_on_a_weekday_morning(
    small_catalogue: Catalogue,
) -> None:
    profile = Profile(regular_hours=D(2), incidents=D(1), reaction_hours=D(4), incident_at=MONDAY_10AM)
    assert quote(small_catalogue, profile).recommended == "hourly"


def test_no_plan_meets_a_too_short_reaction(small_catalogue: Catalogue) -> None:
    profile = Profile(reaction_hours=D(1), incident_at=MONDAY_10AM)
    result = quote(small_catalogue, profile)
    assert result.recommended is None
    assert result.recommendation.startswith("Нито един план не гарантира реакция до 1\u00a0ч")


def test_individuals_see_vat_first(small_catalogue: Catalogue) -> None:
    profile = Profile(customer="individual", regular_hours=D(2), incidents=D(1), incident_at=MONDAY_10AM)
    result = quote(small_catalogue, profile)
    assert result.vat_first
    data = result.to_dict()
    assert (data["vat_first"], data["primary_amount"]) == (True, "gross")
    assert result.recommendation.endswith("240,00\u00a0€ на месец с ДДС.")


def test_to_dict_is_json_safe_with_decimal_strings(small_catalogue: Catalogue) -> None:
    profile = Profile(regular_hours=D(2), incidents=D(1), incident_at=MONDAY_10AM)
    data = json.loads(json.dumps(quote(small_catalogue, profile, with_bgn=True).to_dict()))
    sub = data["plans"][0]
    assert (sub["id"], sub["net"], sub["vat"], sub["gross"]) == ("sub", "300.00", "60.00", "360.00")
    assert (sub["annual_net"], sub["annual_gross"]) == ("3600.00", "4320.00")
    # 300 x 1.95583 = 586.749 -> 586.75; 60 x 1.95583 = 117.3498 -> 117.35; gross = their sum.
    assert (sub["bgn"]["net"], sub["bgn"]["vat"], sub["bgn"]["gross"]) == ("586.75", "117.35", "704.10")
    # A year in leva is 12 times each monthly lev amount.
    assert (sub["bgn"]["annual_net"], sub["bgn"]["annual_vat"], sub["bgn"]["annual_gross"]) == (
        "7041.00",
        "1408.20",
        "8449.20",
    )
    assert sub["reaction"]["deadline"] == "2026-11-16T12:00:00+02:00"
    # Pricing knows no URL: the link is the page's (and the CLI adds it to its JSON).
    assert "link" not in data


def test_break_even_between_plans(small_catalogue: Catalogue) -> None:
    profile = Profile(regular_hours=D(2), incidents=D(0), visits=0, incident_at=MONDAY_10AM)
    points = {
        (b.cheaper_below, b.cheaper_above): str(b.hours) for b in quote(small_catalogue, profile).break_even
    }
    # hourly 50 h = 300 + (h - 5) x 30 -> h = 7.5; job 60 h = 300 (within the 5 h) -> h = 5.
    assert points[("hourly", "sub")] == "7.50"
    assert points[("job", "sub")] == "5.00"
    # sos: 55 h (no incidents) vs hourly 50 h: hourly is always cheaper - no crossing.
    assert ("hourly", "sos") not in points and ("sos", "hourly") not in points


def test_default_incident_moment_is_now(small_catalogue: Catalogue) -> None:
    result = quote(small_catalogue, Profile(), now=MONDAY_10AM)
    assert result.incident_at == MONDAY_10AM


def test_each_plans_cost_model_is_built_once_and_kept_on_its_quote(
    small_catalogue: Catalogue, cost_models_built: Counter[tuple[str, str]]
) -> None:
    profile = Profile(regular_hours=D(2), incidents=D(1), downtime_cost=D(50), incident_at=MONDAY_10AM)
    result = quote(small_catalogue, profile)
    assert cost_models_built == {
        ("test-1", "sub"): 1,
        ("test-1", "hourly"): 1,
        ("test-1", "job"): 1,
        ("test-1", "sos"): 1,
    }
    # The kept models price the plans as the quote did: 4 h of work, as in the first test.
    assert [(item.model.plan.id, str(item.model.net(D(2)))) for item in result.plans] == [
        ("sub", "300.00"),
        ("hourly", "200.00"),
        ("job", "240.00"),
        ("sos", "310.00"),
    ]


PACKAGED = Catalogue.from_dict(with_package())


@pytest.mark.parametrize(
    ("regular", "covers", "over", "recommended"),
    [
        # The default profile: 5 workstations x 0.5 h + 1 server x 2 h = 4.5 h, 1 incident x 2 h: 6.5 of 8 h.
        (None, True, "0", "pack"),
        # 6 h of regular work and 2 h of the incident fill the 8 h exactly.
        (D(6), True, "0", "pack"),
        # 8.5 h and 2 h = 10.5 h: 2.5 h more than the package buys.
        (D("8.5"), False, "2.5", "sub"),
    ],
)
def test_a_package_covers_the_profile_while_its_hours_and_incidents_fit_in_it(
    regular: Decimal | None, covers: bool, over: str, recommended: str
) -> None:
    result = quote(PACKAGED, Profile(regular_hours=regular, incident_at=MONDAY_10AM))
    package = result.plan("pack")
    assert (package.covers, str(package.hours_over), str(package.price.net)) == (covers, over, "250.00")
    # Every other kind always covers.
    assert [(item.covers, item.hours_over) for item in result.plans if item.id != "pack"] == [(True, 0)] * 4
    assert result.recommended == recommended


def test_a_package_too_small_is_not_recommended_though_its_fee_is_the_lowest() -> None:
    result = quote(PACKAGED, Profile(regular_hours=D("8.5"), incident_at=MONDAY_10AM))
    assert [(item.id, str(item.price.net)) for item in result.plans] == [
        ("sub", "465.00"),
        ("hourly", "525.00"),
        ("job", "630.00"),
        ("sos", "667.50"),
        ("pack", "250.00"),
    ]
    assert result.recommendation == (
        "Абонамент е най-изгодният план за вашите нужди: 465,00\u00a0€ на месец без ДДС. "
        "Пакет струва по-малко, но включва само 8\u00a0ч работа на месец, а са ви нужни 10,5\u00a0ч."
    )
    assert shortfall_text(result.plan("pack")) == (
        "Планът включва 8\u00a0ч работа на месец, а по вашите данни са нужни 10,5\u00a0ч - "
        "с 2,5\u00a0ч повече."
    )
    assert shortfall_text(result.plan("sub")) == ""


def test_the_json_says_whether_each_plan_covers_and_by_how_many_hours_not() -> None:
    over = json.dumps(quote(PACKAGED, Profile(regular_hours=D("8.5"), incident_at=MONDAY_10AM)).to_dict())
    fits = json.dumps(quote(PACKAGED, Profile(regular_hours=D(6), incident_at=MONDAY_10AM)).to_dict())
    # hours_over is a JSON number: 0 when the plan covers, the exact hours when it does not.
    assert over.count('"meets_requirement": true, "covers": true, "hours_over": 0, ') == 4
    assert over.count('"meets_requirement": true, "covers": false, "hours_over": 2.5, ') == 1
    assert fits.count('"meets_requirement": true, "covers": true, "hours_over": 0, ') == 5
    assert json.loads(over)["plans"][4]["hours_over"] == 2.5


def test_whole_hours_over_are_a_whole_json_number() -> None:
    data = quote(PACKAGED, Profile(regular_hours=D(9), incidents=D("1.5"), incident_at=MONDAY_10AM)).to_dict()
    # 9 h + 1.5 x 2 h = 12 h: 4 h over, written 4 (not 4.0 nor "4").
    assert json.dumps(data["plans"][4]["hours_over"]) == "4"


def test_the_plans_that_react_in_time_may_all_be_too_small() -> None:
    data = with_package()
    data["plans"][4]["reaction"] = {"guarantee_hours": 1, "calendar": "24/7"}
    profile = Profile(regular_hours=D("8.5"), reaction_hours=D(1), incident_at=MONDAY_10AM)
    result = quote(Catalogue.from_dict(data), profile)
    assert [item.id for item in result.plans if item.meets_requirement] == ["pack"]
    assert result.recommended is None
    assert result.recommendation == (
        "Плановете, които гарантират реакция до 1\u00a0ч при инцидент в понеделник, 16.11.2026, 10:00, "
        "не покриват нужния ви обем работа. Свържете се с нас за индивидуални условия."
    )


def test_a_package_too_small_is_not_weighed_against_the_cost_of_downtime() -> None:
    def faster_than(regular: Decimal) -> list[tuple[str, str, str]]:
        profile = Profile(regular_hours=regular, downtime_cost=D(50), incident_at=MONDAY_10AM)
        points = quote(PACKAGED, profile).downtime_break_even
        return [(point.faster, point.slower, str(point.cost_per_hour)) for point in points]

    # Covering, the package has the lowest fee (250 against the subscription's 390) and waits
    # 4 h against 1.81 h: (390 - 250) / (1 incident x 2.19 h) = 63.93 an hour.
    assert faster_than(D(6)) == [("sub", "pack", "63.93")]
    # Too small, it is out: the subscription is the cheapest, and no plan reacts faster.
    assert faster_than(D("8.5")) == []
