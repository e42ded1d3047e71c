"""The price of waiting in the answer: each card's lines, and a section under the cards.

The section says how the expected wait was found, where each faster plan
starts to pay off, and draws each plan's fee plus expected downtime cost
against the cost of an hour of stopped work (straight lines, see
:mod:`calculator.pricing.downtime_cost`), with the same colours as the price chart.
A package too small for the profile's hours gets no line there: its fee does
not buy the work it would be weighed for.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from calculator.catalogue import Catalogue
from calculator.money import format_count, format_eur, format_hours, format_number
from calculator.page.chart_html import frame, legend, nice_number, now_line, point_mark
from calculator.page.markup import escape, sentence
from calculator.pricing.quote import PlanQuote, Quote
from calculator.time.expected_wait import WINDOW_DAYS
from calculator.time.worktime import WorkCalendar

__all__ = ["card_wait_html", "waiting_html"]

# The chart reaches past the last break-even point, and at least this far.
MIN_COST = Decimal(10)


def card_wait_html(item: PlanQuote, quote: Quote) -> str:
    """A card's expected wait and, with a cost per hour, its monthly cost and the total."""
    wait = item.downtime.wait
    hours = format_hours(wait.hours)
    where = " от работното ви време" if quote.profile.operating == "business" else ""
    note = " <em>(ориентировъчно)</em>" if wait.estimate else ""
    out = (
        f'<p class="plan-card__wait"><strong>Очаквано чакане до реакция:</strong> '
        f"{escape(hours + where)}{note}.</p>"
    )
    cost, per_hour = item.downtime.monthly_cost, quote.profile.downtime_cost
    if cost is None or per_hour is None:
        return out
    prefix = "от " if item.price.price_is_from else ""
    words = (
        f"{format_count(quote.profile.incidents, 'инцидент', 'инцидента')} × {hours} × "
        f"{format_eur(per_hour)} = {format_eur(cost)} на месец; заедно с цената на плана: "
        f"{prefix}{format_eur(item.total(quote.basis))} на месец {quote.basis.words}"
    )
    return out + f'<p class="plan-card__downtime"><strong>Загуба от престой:</strong> {escape(words)}.</p>'


def _how(catalogue: Catalogue, quote: Quote) -> str:
    first = quote.incident_at.date()
    last = first + timedelta(days=WINDOW_DAYS - 1)
    business = quote.profile.operating == "business"
    counted = ", броено в работното ви време" if business else ""
    every = "от работното време" if business else "денонощно"
    text = (
        f"Очакваното чакане е средното време от инцидента до реакцията{counted}: за инцидент "
        f"във всеки четвърт час {every} между {first:%d.%m.%Y} и {last:%d.%m.%Y} (по българския "
        "календар) до срока, който дава всеки план. За план без гаранция то е ориентировъчно: "
        f"приемаме средата на обичайния му срок, по {format_hours(_day_hours(catalogue))} на работен ден."
    )
    if quote.profile.downtime_cost is None:
        text += (
            " Въведете колко ви струва час престой и ще сравним плановете по цена заедно"
            " с очакваната загуба от чакането."
        )
    return f"<p>{escape(text)}</p>"


def _chart(quote: Quote, id_prefix: str) -> str:
    incidents = quote.profile.incidents
    per_hour = quote.profile.downtime_cost
    reach = [MIN_COST, *(point.cost_per_hour * Decimal("1.5") for point in quote.downtime_break_even)]
    if per_hour is not None:
        reach.append(per_hour * Decimal("1.25"))
    top_x = nice_number(max(reach))

    def total(item: PlanQuote, x: Decimal) -> Decimal:
        return item.fee(quote.basis) + incidents * item.downtime.wait.hours * x

    totals = [total(item, top_x) for item in quote.plans if item.covers]
    top_y = nice_number(max(totals, default=MIN_COST) * Decimal("1.05"))

    title = f"Цена на плана ({quote.basis.words}) и загуба от престой на месец според цената на час престой"
    uncovered = [item.price.plan.name for item in quote.plans if not item.covers]
    description = (
        f"Линиите показват за всеки план месечната цена заедно с очакваната загуба от престой, "
        f"при цена на час престой от 0 до {format_number(top_x)} €. "
        + "".join(f"Линия за {name} няма: не покрива нужния обем работа. " for name in uncovered)
        + " ".join(f"{sentence(point.text)}." for point in quote.downtime_break_even)
    )
    out, px, py = frame(
        ids=f"{id_prefix}wait-",
        css="chart chart--wait",
        title=title,
        description=description,
        top_x=top_x,
        top_y=top_y,
        x_label="€ на час престой",
    )
    if per_hour is not None:
        out.append(now_line(px(per_hour)))
    for index, item in enumerate(quote.plans):
        # A package too small for the work has no total to weigh: the legend says so.
        if not item.covers:
            continue
        out.append(
            f'<polyline class="chart__line chart__line--{index % 6}" data-wait-line="{escape(item.id)}" '
            f'points="{px(Decimal(0))},{py(total(item, Decimal(0)))} {px(top_x)},{py(total(item, top_x))}"/>'
        )
    plans = {item.id: item for item in quote.plans}
    for point in quote.downtime_break_even:
        y = total(plans[point.faster], point.cost_per_hour)
        out.append(point_mark(px(point.cost_per_hour), py(y), point.text))
    out.append("</svg>")
    return "".join(out)


def _uncovered(quote: Quote) -> dict[str, str]:
    return {item.id: "не покрива обема, без линия" for item in quote.plans if not item.covers}


def _day_hours(catalogue: Catalogue) -> Decimal:
    hours = catalogue.working_hours
    return WorkCalendar(hours.start, hours.end).day_hours


def waiting_html(catalogue: Catalogue, quote: Quote, *, id_prefix: str = "") -> str:
    """The section on the price of waiting: how the wait is found, break-even points, the chart."""
    heading = f"{id_prefix}calc-wait-heading"
    points = "".join(f"<li>{escape(sentence(point.text))}.</li>" for point in quote.downtime_break_even)
    if points:
        points = f'<ul class="calc-wait__points">{points}</ul>'
    return (
        f'<section class="calc-wait" aria-labelledby="{heading}">'
        f'<h3 id="{heading}">Колко струва чакането</h3>{_how(catalogue, quote)}{points}'
        f"{_chart(quote, id_prefix)}{legend(quote, _uncovered(quote))}</section>"
    )
