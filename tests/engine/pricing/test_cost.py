from decimal import Decimal

from samples import small_catalogue_data, with_package

from calculator import Catalogue, Profile
from calculator.pricing.cost import Fixed, Hours, cost_model

D = Decimal
# 2 incidents x 2 h = 4 h of incidents; the regular hours are the variable.
PROFILE = Profile(workstations=10, servers=1, incidents=D(2), visits=1)


def shape(catalogue: Catalogue, plan_id: str, profile: Profile = PROFILE) -> list[tuple[str, ...]]:
    terms = cost_model(catalogue, catalogue.plan(plan_id), profile).terms
    return [
        (t.kind, str(t.amount))
        if isinstance(t, Fixed)
        else (t.kind, str(t.rate), str(t.added), str(t.allowance), str(t.floor))
        for t in terms
    ]


def test_subscription_is_a_fee_and_the_hours_over_the_included(small_catalogue: Catalogue) -> None:
    assert shape(small_catalogue, "sub") == [("fee", "300"), ("extra_hours", "30", "4", "5", "0")]
    model = cost_model(small_catalogue, small_catalogue.plan("sub"), PROFILE)
    # The included 5 h run out at 1 h of regular work (4 h go to incidents).
    assert model.kinks() == [D(1)]
    assert [str(model.cost(D(x))) for x in (0, 1, 7)] == ["300", "300", "480"]


def test_hourly_is_every_hour(small_catalogue: Catalogue) -> None:
    assert shape(small_catalogue, "hourly") == [("hours", "50", "4", "None", "0")]


def test_per_job_has_a_floor_of_the_visits_minimum(small_catalogue: Catalogue) -> None:
    profile = Profile(incidents=D(2), visits=10)
    assert shape(small_catalogue, "job", profile) == [("hours", "60", "4", "None", "20")]
    model = cost_model(small_catalogue, small_catalogue.plan("job"), profile)
    # 10 visits x 2 h = 20 h, of which 4 h are incidents: the floor stops at 16 h.
    assert model.kinks() == [D(16)]
    assert [str(model.cost(D(x))) for x in (0, 16, 20)] == ["1200", "1200", "1440"]


def test_emergency_is_the_incident_fees_and_the_regular_hours(small_catalogue: Catalogue) -> None:
    # Incident hours are in the agreed incident fee: nothing is added to the hours.
    assert shape(small_catalogue, "sos") == [("incidents", "400"), ("hours", "55", "0", "None", "0")]


def test_travel_is_a_fixed_term_of_every_plan(small_catalogue: Catalogue) -> None:
    profile = Profile(incidents=D(0), visits=2, distance_km=D(30))
    for plan in small_catalogue.plans:
        travel = cost_model(small_catalogue, plan, profile).terms[-1]
        # 2 visits x 2 x 30 km x 0.50 = 60.
        assert (travel.kind, travel.cost(D(0)), travel.kink()) == ("travel", D(60), None)


def test_the_net_rounds_each_term_and_the_exact_cost_does_not() -> None:
    data = small_catalogue_data()
    data["plans"][0]["monthly_fee"] = "0.01"
    data["plans"][0]["hourly_rate"] = "33.33"
    data["plans"][0]["included_hours"] = 0
    catalogue = Catalogue.from_dict(data)
    model = cost_model(catalogue, catalogue.plan("sub"), Profile(incidents=D(0)))
    # 0.01 + 0.35 h x 33.33 = 0.01 + 11.6655: the quote's lines are 0.01 and 11.67.
    assert model.amounts(D("0.35")) == (D("0.01"), D("11.67"))
    assert (str(model.net(D("0.35"))), str(model.cost(D("0.35")))) == ("11.68", "11.6755")


def test_words_of_the_hours_terms() -> None:
    allowance = Hours("extra_hours", "", D(30), D(4), D(5))
    assert allowance.explain(D(7)) == "5\u00a0ч включени, 6\u00a0ч над тях × 30,00\u00a0€"
    floor = Hours("hours", "", D(60), D(4), None, D(20), lambda: "минимум")
    assert [floor.explain(D(x)) for x in (7, 16, 17)] == [
        "20\u00a0ч × 60,00\u00a0€ (минимум)",
        "20\u00a0ч × 60,00\u00a0€",
        "21\u00a0ч × 60,00\u00a0€",
    ]


def test_a_package_is_its_fee_alone_and_covers_up_to_its_volume() -> None:
    catalogue = Catalogue.from_dict(with_package())
    # 2 incidents x 2 h = 4 h of the 8 h: 4 h of regular work are left; travel as for every plan.
    profile = Profile(incidents=D(2), visits=2, distance_km=D(30))
    assert shape(catalogue, "pack", profile) == [("fee", "250"), ("travel", "60.0")]
    model = cost_model(catalogue, catalogue.plan("pack"), profile)
    assert (model.limit, model.kinks()) == (D(4), [])
    assert [str(model.cost(D(x))) for x in (0, 4, 7)] == ["310.0", "310.0", "310.0"]
    assert [model.covers(D(x)) for x in ("3.99", "4", "4.01")] == [True, True, False]
    assert [str(model.hours_over(D(x))) for x in ("3.5", "4", "6.5")] == ["0", "0", "2.5"]


def test_incidents_alone_may_use_up_a_package() -> None:
    catalogue = Catalogue.from_dict(with_package())
    # 4.5 incidents x 2 h = 9 h: more than the 8 h, with no regular work at all.
    model = cost_model(catalogue, catalogue.plan("pack"), Profile(incidents=D("4.5")))
    assert (str(model.limit), model.covers(D(0)), str(model.hours_over(D(0)))) == ("-1.0", False, "1.0")


def test_other_plans_cover_any_hours(small_catalogue: Catalogue) -> None:
    for plan in small_catalogue.plans:
        model = cost_model(small_catalogue, plan, PROFILE)
        assert (model.limit, model.covers(D(10_000)), model.hours_over(D(10_000))) == (None, True, 0)
