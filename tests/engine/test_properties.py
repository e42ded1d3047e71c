"""Properties of the engine over generated profiles and links (hypothesis)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import unquote as stdlib_unquote

from hypothesis import given, settings
from hypothesis import strategies as st
from samples import with_package

from calculator import (
    Catalogue,
    Profile,
    QuoteLink,
    QuoteLinkError,
    decode_link,
    decode_link_lenient,
    encode_link,
    price_plan,
    round_money,
)
from calculator.clock import SOFIA
from calculator.page.chart_html import chart_lines, chart_range, cheapest_changes, plotted
from calculator.page.links import unquote
from calculator.pricing.cost import cost_model
from calculator.pricing.quote import quote
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

# With a package, whose cover ends at its volume, beside the four kinds with no limit.
CATALOGUE = Catalogue.from_dict(with_package())
FAST = settings(max_examples=150, deadline=None)


def decimals(high: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=high, places=places, allow_nan=False, allow_infinity=False)


moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
).map(lambda m: m.astimezone(SOFIA).replace(second=0, microsecond=0))

profiles = st.builds(
    Profile,
    customer=st.sampled_from(["business", "individual"]),
    workstations=st.integers(0, 10_000),
    servers=st.integers(0, 1_000),
    incidents=decimals(1_000),
    regular_hours=st.none() | decimals(10_000),
    visits=st.integers(0, 1_000),
    distance_km=decimals(2_000),
    reaction_hours=st.none() | st.decimals(min_value=Decimal("0.01"), max_value=720, places=2),
    incident_at=st.none() | moments,
)
rates = st.decimals(min_value=0, max_value=500, places=2)
vat_rates = st.decimals(min_value=0, max_value=30, places=2)


@FAST
@given(profiles)
def test_lines_add_up_to_the_totals(profile: Profile) -> None:
    for plan in CATALOGUE.plans:
        price = price_plan(CATALOGUE, plan, profile)
        assert price.net == sum(line.amount for line in price.lines)
        assert price.gross == price.net + price.vat
        assert all(line.amount == round_money(line.amount) for line in price.lines)


@FAST
@given(profiles, vat_rates)
def test_vat_is_the_net_times_the_rate_rounded_half_up(profile: Profile, vat: Decimal) -> None:
    data = with_package()
    data["vat_percent"] = str(vat)
    catalogue = Catalogue.from_dict(data)
    for plan in catalogue.plans:
        price = price_plan(catalogue, plan, profile)
        exact = price.net * vat / 100
        assert abs(price.vat - exact) <= Decimal("0.005")
        # Half up: an exact half cent always goes up.
        if exact * 1000 % 10 == 5:
            assert price.vat > exact


@FAST
@given(profiles, decimals(1_000), decimals(100))
def test_more_hours_never_cost_less(profile: Profile, hours: Decimal, more: Decimal) -> None:
    base = Profile(**{**profile.__dict__, "regular_hours": hours})
    bigger = Profile(**{**profile.__dict__, "regular_hours": hours + more})
    for plan in CATALOGUE.plans:
        assert price_plan(CATALOGUE, plan, bigger).net >= price_plan(CATALOGUE, plan, base).net


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    """The small catalogue and a package with every figure drawn anew: cents in fees, fractions of hours."""
    money = st.decimals(min_value=0, max_value=1000, places=2).map(str)
    hours = st.decimals(min_value=0, max_value=40, places=2).map(str)
    data = with_package()
    data["vat_percent"] = str(draw(vat_rates))
    data["effort"] = {key: draw(hours) for key in data["effort"]}
    data["travel"].update(per_km=draw(money), per_visit=draw(money))
    for plan in data["plans"]:
        if plan["kind"] != "package":  # it has none
            plan["hourly_rate"] = str(draw(rates))
        plan.update({key: draw(money) for key in ("monthly_fee", "incident_fee") if key in plan})
        plan.update(
            {key: draw(hours) for key in ("included_hours", "minimum_hours_per_visit") if key in plan}
        )
    data["plans"][-1]["included_hours"] = str(draw(st.decimals(min_value="0.01", max_value=40, places=2)))
    return Catalogue.from_dict(data)


NOW = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)


def with_hours(profile: Profile, hours: Decimal) -> Profile:
    return Profile(**{**profile.__dict__, "regular_hours": hours})


@FAST
@given(catalogues(), profiles, decimals(10_000))
def test_the_chart_plots_the_quoted_price(catalogue: Catalogue, profile: Profile, hours: Decimal) -> None:
    # Exact: at any hours, and at every point of every line, the chart's cost is the
    # price a quote of the same profile with those hours of regular work shows
    # (the net, each line rounded to the cent; the gross for individuals).
    result = quote(catalogue, profile, now=NOW)
    top = chart_range(result, cheapest_changes(result))
    lines = chart_lines(result, top)
    for plan in catalogue.plans:

        def shown(at: Decimal) -> Decimal:
            price = price_plan(catalogue, plan, with_hours(profile, at))  # noqa: B023 - used at once
            return price.gross if result.vat_first else price.net

        assert plotted(cost_model(catalogue, plan, profile), result, hours) == shown(hours)
        # The points a profile can hold: hours derived from many devices can take the
        # chart past 10 000, and incidents x hours a kink to 4 decimal places.
        points = [(at, cost) for at, cost in lines[plan.id] if at <= 10_000 and at == round_money(at)]
        assert [cost for _, cost in points] == [shown(at) for at, _ in points]


@FAST
@given(catalogues(), profiles)
def test_no_plan_is_said_cheaper_where_it_does_not_cover(catalogue: Catalogue, profile: Profile) -> None:
    # The package's cover ends at its volume less the incident hours: no point puts it above that,
    # and its line on the chart stops there.
    result = quote(catalogue, profile, now=NOW)
    limit = result.plan("pack").model.limit
    assert limit is not None
    for point in result.break_even:
        if point.cheaper_above == "pack":
            assert point.hours <= limit and " до " in point.text
        if point.cheaper_below == "pack" and "включените в него часове вече не стигат" in point.text:
            assert point.hours >= limit
    top = chart_range(result, cheapest_changes(result))
    assert all(0 <= at <= limit for at, _ in chart_lines(result, top)["pack"])
    assert result.recommended != "pack" or result.plan("pack").covers


@FAST
@given(catalogues(), profiles, decimals(10_000))
def test_the_exact_cost_is_the_lines_before_rounding(
    catalogue: Catalogue, profile: Profile, hours: Decimal
) -> None:
    # Break-even points are solved on the exact cost; the quote rounds it a line at a time.
    for plan in catalogue.plans:
        model = cost_model(catalogue, plan, profile)
        price = price_plan(catalogue, plan, with_hours(profile, hours))
        assert [line.amount for line in price.lines] == [round_money(t.cost(hours)) for t in model.terms]
        assert [line.kind for line in price.lines] == [t.kind for t in model.terms]
        assert model.cost(hours) == sum(t.cost(hours) for t in model.terms)
        assert abs(price.net - model.cost(hours)) <= Decimal("0.005") * len(price.lines)


@FAST
@given(catalogues(), profiles, decimals(10_000))
def test_costs_are_straight_between_the_kinks(catalogue: Catalogue, profile: Profile, hours: Decimal) -> None:
    # What the break-even points and the chart's lines rely on; checked without division, so exactly.
    for plan in catalogue.plans:
        model = cost_model(catalogue, plan, profile)
        points = sorted({Decimal(0), Decimal(10_000), *(k for k in model.kinks() if 0 < k < 10_000)})
        start = max(x for x in points if x <= hours)
        end = min([x for x in points if x > hours] or [hours])
        rise = model.cost(end) - model.cost(start)
        assert (model.cost(hours) - model.cost(start)) * (end - start) == rise * (hours - start)


@FAST
@given(profiles, st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}", fullmatch=True))
def test_link_round_trip(profile: Profile, price_list: str) -> None:
    link = encode_link(price_list, profile)
    assert decode_link(link) == QuoteLink(price_list, profile)
    assert decode_link("https://example.bg/kalkulator/" + link) == QuoteLink(price_list, profile)
    assert decode_link_lenient(link) == (QuoteLink(price_list, profile), [])


link_like = st.lists(
    st.tuples(
        st.sampled_from(["v", "pl", "c", "ws", "sv", "inc", "h", "vis", "km", "rt", "at", "x", "", "%", "#"]),
        st.text(max_size=30)
        | st.sampled_from(["1", "2026-11", "1e3", "-0", "NaN", "2026-10-25T03:30%2B02:00"]),
    ),
    max_size=12,
).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300) | link_like)
def test_decoder_raises_only_link_errors(text: str) -> None:
    try:
        decode_link(text)
    except QuoteLinkError as err:
        assert isinstance(err.param, str) and err.reason
    link, errors = decode_link_lenient(text)
    assert isinstance(link.profile, Profile)
    assert all(isinstance(err, QuoteLinkError) for err in errors)


# Escapes of every kind: whole and broken UTF-8 sequences, bad hex, a lone %.
escaped = st.lists(
    st.sampled_from(
        ["%", "%D0", "%B0", "%C3", "%A9", "%E2%82%AC", "%F0", "%zz", "%4", "%25", "%2B", "%00", "%FF"]
    )
    | st.text(max_size=3),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200) | escaped)
def test_link_unquote_is_the_standard_librarys(text: str) -> None:
    assert unquote(text) == stdlib_unquote(text, errors="replace")


@FAST
@given(moments, st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_working_deadline_is_never_earlier_than_elapsed(start: datetime, hours: Decimal) -> None:
    calendar = WorkCalendar.from_catalogue(CATALOGUE)
    working = calendar.add_working_hours(start, hours)
    assert working >= add_elapsed_hours(start, hours)
    assert working - start < timedelta(days=60)
    # The deadline falls inside working hours on a working day.
    assert calendar.is_working_day(working.date())
    assert calendar.start < working.time() <= calendar.end
