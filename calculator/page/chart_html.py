"""The chart of monthly cost against hours of regular work, as SVG markup.

Costs are piecewise linear in the hours (see :mod:`calculator.pricing.cost`), so
each plan's line has a point at both ends and at its kinks. Every point is
the price a quote with those hours of regular work shows (:func:`plotted`):
the amount the customer compares (net, or gross for individuals), each line
rounded to the cent as quoted. Each plan's cost model is the one its quote
was priced with (:attr:`calculator.pricing.quote.PlanQuote.model`), not built again.
Colours come from CSS classes, so the chart follows the light and dark
palettes; the SVG carries a title and a description for screen readers.

A plan that covers only so many hours (a package, :attr:`CostModel.limit`)
has no price above them: its line stops there, with a short end mark, and
the description and the legend say up to how many hours it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from calculator.money import format_hours, format_number
from calculator.page.markup import escape, sentence
from calculator.pricing.breakeven import BreakEven
from calculator.pricing.cost import CostModel
from calculator.pricing.quote import Quote

__all__ = [
    "chart_lines",
    "chart_range",
    "cheapest_changes",
    "cost_chart",
    "cover_notes",
    "end_mark",
    "frame",
    "legend",
    "nice_number",
    "now_line",
    "plotted",
    "point_mark",
]

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 44
# Break-even points further out than this are real but would flatten the
# interesting part of the chart; they stay in the text list.
FAR_HOURS = Decimal(400)


_STEPS = tuple(Decimal(step) for step in ("1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10"))


def nice_number(value: Decimal) -> Decimal:
    """The next round number at or above `value`, so that fifths of it read well."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (len(str(int(value))) - 1)
    return next(step * power for step in _STEPS if value <= step * power)


def cheapest_changes(quote: Quote) -> list[BreakEven]:
    """The break-even points where the cheapest plan changes.

    Every pair of plans may cross, but a visitor cares where the cheapest
    of all changes; the other crossings only crowd the chart.
    """
    models = _models(quote)
    found = []
    for point in quote.break_even:
        # Against the plans that still cover just above the point: a package past its volume is no rival.
        costs = [model.cost(point.hours) for model in models.values() if _covers_above(model, point.hours)]
        above = models[point.cheaper_above].cost(point.hours)
        # Break-even hours are rounded to the cent of an hour: compare loosely.
        if above - min(costs) <= Decimal("0.5"):
            found.append(point)
    return found


def chart_range(quote: Quote, changes: list[BreakEven]) -> Decimal:
    """The largest number of hours on the chart, given the :func:`cheapest_changes`."""
    hours = quote.workload.regular_hours
    candidates = [Decimal(20), hours * Decimal("1.5")]
    candidates += [point.hours * Decimal("1.2") for point in changes if point.hours <= FAR_HOURS]
    return nice_number(max(candidates))


def _models(quote: Quote) -> dict[str, CostModel]:
    return {item.id: item.model for item in quote.plans}


def _covers_above(model: CostModel, hours: Decimal) -> bool:
    return model.limit is None or model.limit > hours


def _end(model: CostModel, top_hours: Decimal) -> Decimal:
    """Where the plan's line ends: at the top of the chart, or where its cover does."""
    return top_hours if model.limit is None else min(model.limit, top_hours)


def plotted(model: CostModel, quote: Quote, hours: Decimal) -> Decimal:
    """The cost the chart plots at ``hours`` of regular work.

    It is what a quote for the same profile with ``hours`` of regular work
    shows as the plan's price: the amount the customer compares (:attr:`Quote.basis`).
    """
    return quote.basis.from_net(model.net(hours), quote.vat_percent)


def chart_lines(quote: Quote, top_hours: Decimal) -> dict[str, list[tuple[Decimal, Decimal]]]:
    """Each plan's line from 0 to ``top_hours``: (hours, :func:`plotted` cost) at its ends and kinks.

    A plan with a limit ends at it; one that covers no regular hours has no points.
    """
    lines = {}
    for plan_id, model in _models(quote).items():
        end = _end(model, top_hours)
        xs = {Decimal(0), end, *(k for k in model.kinks() if 0 < k < end)} if end > 0 else set()
        lines[plan_id] = [(x, plotted(model, quote, x)) for x in sorted(xs)]
    return lines


def _cover_words(model: CostModel, top_hours: Decimal) -> str:
    """Where a plan's line ends and why, for the chart's description; empty for a line to the top."""
    if model.limit is None or model.limit >= top_hours:
        return ""
    plan = model.plan
    volume = format_hours(plan.included_hours)
    if model.limit <= 0:
        return (
            f"Линия за {plan.name} няма: времето за инцидентите само по себе си надхвърля {volume}, "
            "включени в плана."
        )
    return (
        f"Линията на {plan.name} свършва при {format_hours(model.limit)} редовна работа на месец: "
        f"над тях, заедно с инцидентите, работата надхвърля {volume}, включени в плана."
    )


def cover_notes(quote: Quote, top_hours: Decimal) -> dict[str, str]:
    """The legend's note for each plan whose line ends before ``top_hours``: how far it goes."""
    notes = {}
    for plan_id, model in _models(quote).items():
        if model.limit is not None and model.limit < top_hours:
            notes[plan_id] = (
                f"покрива до {format_hours(model.limit)}" if model.limit > 0 else "не покрива обема"
            )
    return notes


def frame(
    *, ids: str, css: str, title: str, description: str, top_x: Decimal, top_y: Decimal, x_label: str
) -> tuple[list[str], Callable[[Decimal], str], Callable[[Decimal], str]]:
    """A chart's opening, title, description, grid, ticks and axis labels, and its two scales.

    The price chart and the downtime chart (:mod:`calculator.page.waiting_html`) share
    it: x runs from 0 to ``top_x``, y (euro a month) from 0 to ``top_y``;
    ``ids`` goes before the ids ``chart-title`` and ``chart-desc``.
    """

    def px(x: Decimal) -> str:
        return f"{LEFT + float(x / top_x) * (WIDTH - LEFT - RIGHT):.1f}"

    def py(y: Decimal) -> str:
        return f"{HEIGHT - BOTTOM - float(y / top_y) * (HEIGHT - TOP - BOTTOM):.1f}"

    out = [
        f'<svg class="{css}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{ids}chart-title {ids}chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ids}chart-title">{escape(title)}</title>',
        f'<desc id="{ids}chart-desc">{escape(description)}</desc>',
    ]
    for step in range(6):
        x, y = top_x * step / 5, top_y * step / 5
        out.append(f'<line class="chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{py(y)}" y2="{py(y)}"/>')
        out.append(
            f'<text class="chart__tick" x="{LEFT - 6}" y="{py(y)}" text-anchor="end" '
            f'dominant-baseline="middle">{format_number(y, 0)}</text>'
        )
        out.append(
            f'<text class="chart__tick" x="{px(x)}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{format_number(x)}</text>'
        )
    out.append(
        f'<text class="chart__axis" x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">{x_label}</text>'
    )
    out.append(f'<text class="chart__axis" x="{LEFT}" y="{TOP - 4}" text-anchor="start">€ на месец</text>')
    return out, px, py


def now_line(x: str) -> str:
    """The vertical line at the profile's own value (its hours, or its cost per hour)."""
    return f'<line class="chart__now" x1="{x}" x2="{x}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'


def point_mark(x: str, y: str, text: str) -> str:
    """A marked point where the cheaper plan changes, its sentence as a tooltip."""
    return (
        f'<circle class="chart__point" cx="{x}" cy="{y}" r="5">'
        f"<title>{escape(sentence(text))}</title></circle>"
    )


def end_mark(x: str, y: str, index: int, text: str) -> str:
    """A short upright stroke where a plan's line ends, in its colour, its reason as a tooltip."""
    top, bottom = f"{float(y) - 10:.1f}", f"{float(y) + 10:.1f}"
    return (
        f'<line class="chart__line chart__line--{index % 6} chart__end" x1="{x}" x2="{x}" '
        f'y1="{top}" y2="{bottom}"><title>{escape(text)}</title></line>'
    )


def cost_chart(quote: Quote, changes: list[BreakEven], *, id_prefix: str = "") -> str:
    """SVG chart of each plan's monthly cost for 0 to :func:`chart_range` hours.

    ``changes`` are the quote's :func:`cheapest_changes`, computed once by the
    caller, which lists them in words too. ``id_prefix`` goes before the
    chart's ids, for a second chart on the same page.
    """
    top_hours = chart_range(quote, changes)
    lines = chart_lines(quote, top_hours)
    top_cost = nice_number(max(cost for points in lines.values() for _, cost in points) * Decimal("1.05"))

    title = f"Месечна цена ({quote.basis.words}) според часовете редовна работа"
    points = [p for p in changes if 0 < p.hours <= top_hours]
    models = _models(quote)
    ends = [words for model in models.values() if (words := _cover_words(model, top_hours))]
    description = " ".join(
        [
            f"Линиите показват цената на всеки план от 0 до {format_number(top_hours)} часа на месец.",
            *ends,
            *(f"{sentence(p.text)}." for p in points),
        ]
    )
    out, px, py = frame(
        ids=id_prefix,
        css="chart",
        title=title,
        description=description,
        top_x=top_hours,
        top_y=top_cost,
        x_label="часа редовна работа на месец",
    )
    hours = quote.workload.regular_hours
    if 0 <= hours <= top_hours:
        out.append(now_line(px(hours)))
    ends = []
    for index, (plan_id, line) in enumerate(lines.items()):
        if not line:
            continue
        coords = " ".join(f"{px(x)},{py(y)}" for x, y in line)
        out.append(
            f'<polyline class="chart__line chart__line--{index % 6}" data-plan-line="{escape(plan_id)}" '
            f'points="{coords}"/>'
        )
        end, cost = line[-1]
        if end < top_hours:
            ends.append(end_mark(px(end), py(cost), index, _cover_words(models[plan_id], top_hours)))
    for point in points:
        cost = plotted(models[point.cheaper_above], quote, point.hours)
        out.append(point_mark(px(point.hours), py(cost), point.text))
    # Over the points: where a package's cover ends, the plan that takes over is often marked too.
    out += ends
    out.append("</svg>")
    return "".join(out)


def legend(quote: Quote, notes: Mapping[str, str] | None = None) -> str:
    """The plan names with their line colours, as an HTML list; ``notes`` in brackets after a name."""
    notes = notes or {}
    items = "".join(
        f'<li><span class="chart__swatch chart__swatch--{index % 6}" aria-hidden="true"></span>'
        f"{escape(item.price.plan.name)}"
        f"{f' ({escape(notes[item.id])})' if item.id in notes else ''}</li>"
        for index, item in enumerate(quote.plans)
    )
    return f'<ul class="chart__legend">{items}</ul>'
