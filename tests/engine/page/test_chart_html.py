from datetime import datetime
from decimal import Decimal

from samples import with_package

from calculator import Catalogue, Profile
from calculator.clock import SOFIA
from calculator.page.chart_html import (
    chart_lines,
    chart_range,
    cheapest_changes,
    cost_chart,
    cover_notes,
    legend,
    plotted,
)
from calculator.pricing.cost import cost_model
from calculator.pricing.quote import quote

D = Decimal
MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)
# 2 h regular, 1 incident x 2 h, 3 visits of 12.5 km: travel 3 x 2 x 12.5 x 0.50 = 37.50.
PROFILE = Profile(
    regular_hours=D(2), incidents=D(1), visits=3, distance_km=D("12.5"), incident_at=MONDAY_10AM
)


def test_lines_run_through_the_ends_and_the_kinks(small_catalogue: Catalogue) -> None:
    result = quote(small_catalogue, PROFILE)
    changes = cheapest_changes(result)
    # Почасов: 37.50 + (h + 2) x 50 = 337.50 + 30 x h crosses Абонамент at 5.5 h.
    assert [(p.cheaper_below, p.cheaper_above, str(p.hours)) for p in changes] == [("hourly", "sub", "5.50")]
    assert chart_range(result, changes) == 20
    assert {
        plan: [(str(x), str(y)) for x, y in line] for plan, line in chart_lines(result, D(20)).items()
    } == {
        "sub": [("0", "337.50"), ("3", "337.50"), ("20", "847.50")],
        "hourly": [("0", "137.50"), ("20", "1137.50")],
        "job": [("0", "397.50"), ("4", "397.50"), ("20", "1357.50")],
        "sos": [("0", "237.50"), ("20", "1337.50")],
    }


def test_individuals_see_the_gross_on_the_chart(small_catalogue: Catalogue) -> None:
    result = quote(small_catalogue, Profile(**{**PROFILE.__dict__, "customer": "individual"}))
    model = cost_model(small_catalogue, small_catalogue.plan("sub"), result.profile)
    # 300 + 37.50 = 337.50 net, 67.50 VAT.
    assert str(plotted(model, result, D(0))) == "405.00"
    svg = cost_chart(result, cheapest_changes(result))
    assert '<title id="chart-title">Месечна цена (с ДДС) според часовете редовна работа</title>' in svg
    # Gross 405.00 to 3 h, 1017.00 at 20 h; the axis tops at 2000 (Job's 1629.00 x 1.05, rounded up):
    # y = 276 - gross x 260 / 2000, x = 64 + hours x 560 / 20.
    assert 'data-plan-line="sub" points="64.0,223.3 148.0,223.3 624.0,143.8"' in svg


def test_a_packages_line_stops_where_it_stops_covering() -> None:
    catalogue = Catalogue.from_dict(with_package())
    # 8.5 h of regular work and 1 incident x 2 h: the package's 8 h cover 6 h of regular work.
    result = quote(catalogue, Profile(regular_hours=D("8.5"), incident_at=MONDAY_10AM))
    changes = cheapest_changes(result)
    # Почасов is the cheapest up to 3 h, the package from 3 to 6 h, then Абонамент: never the
    # package above 6 h, where Абонамент 390 is dearer than the package's 250.
    assert [(p.cheaper_below, p.cheaper_above, str(p.hours)) for p in changes] == [
        ("hourly", "pack", "3.00"),
        ("pack", "sub", "6.00"),
    ]
    assert chart_range(result, changes) == 20
    assert [(str(x), str(y)) for x, y in chart_lines(result, D(20))["pack"]] == [
        ("0", "250.00"),
        ("6", "250.00"),
    ]
    svg = cost_chart(result, changes)
    # x = 64 + 6 x 560 / 20 = 232; y = 276 - 250 x 260 / 1500 (Job's 1320 x 1.05, rounded up).
    line = (
        '<polyline class="chart__line chart__line--4" data-plan-line="pack" points="64.0,232.7 232.0,232.7"/>'
    )
    assert line in svg
    ends = (
        "Линията на Пакет свършва при 6\u00a0ч редовна работа на месец: над тях, заедно с инцидентите, "
        "работата надхвърля 8\u00a0ч, включени в плана."
    )
    assert (
        '<line class="chart__line chart__line--4 chart__end" x1="232.0" x2="232.0" y1="222.7" y2="242.7">'
        f"<title>{ends}</title></line>"
    ) in svg
    assert svg.count("chart__end") == 1
    assert (
        '<desc id="chart-desc">Линиите показват цената на всеки план от 0 до 20 часа на месец. '
        f"{ends} От 3 до 6\u00a0ч редовна работа на месец Пакет излиза по-евтино от Почасов. "
        "Над 6\u00a0ч редовна работа на месец Абонамент излиза по-изгодно от Пакет, защото включените "
        "в него часове вече не стигат.</desc>"
    ) in svg
    assert cover_notes(result, D(20)) == {"pack": "покрива до 6\u00a0ч"}
    assert legend(result, cover_notes(result, D(20))).endswith(
        '<li><span class="chart__swatch chart__swatch--4" aria-hidden="true"></span>'
        "Пакет (покрива до 6\u00a0ч)</li></ul>"
    )


def test_a_package_the_incidents_use_up_has_no_line() -> None:
    catalogue = Catalogue.from_dict(with_package())
    # 5 incidents x 2 h = 10 h, over the 8 h before any regular work.
    result = quote(catalogue, Profile(regular_hours=D(2), incidents=D(5), incident_at=MONDAY_10AM))
    assert chart_lines(result, D(20))["pack"] == []
    svg = cost_chart(result, cheapest_changes(result))
    assert 'data-plan-line="pack"' not in svg
    assert (
        "Линия за Пакет няма: времето за инцидентите само по себе си надхвърля 8\u00a0ч, включени в плана."
    ) in svg
    assert cover_notes(result, D(20)) == {"pack": "не покрива обема"}
