from datetime import datetime
from decimal import Decimal

from calculator import Catalogue, Profile
from calculator.clock import SOFIA
from calculator.page.chart_html import chart_lines, chart_range, cheapest_changes, cost_chart, plotted
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
