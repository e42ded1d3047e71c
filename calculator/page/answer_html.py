"""The calculator's answer as HTML: one renderer for the build and the browser.

The build puts the default answer into the page; the Web Worker renders
every live answer with the same functions. Every text that reaches the page
is escaped here; the browser only inserts the markup.

Two answers can share the page: a quote reopened at an older price list, and
the same quote at today's prices under it. The second is rendered with an
``id_prefix`` (as markdown-exec namespaces the ids of each block it renders),
which also names its cards' data attributes: ``data-today-plan``, so that
``data-plan`` marks the issued quote's cards only.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from hashlib import sha256
from typing import Any

from calculator.catalogue import Catalogue
from calculator.money import format_bgn, format_eur, format_hours, format_number
from calculator.page.chart_html import chart_range, cheapest_changes, cost_chart, cover_notes, legend
from calculator.page.markup import definitions, escape, sentence
from calculator.page.one_off_html import first_month, one_off_html
from calculator.page.waiting_html import card_wait_html, waiting_html
from calculator.pricing.quote import MONTHS, PlanQuote, Quote, shortfall_text
from calculator.pricing.vat import GROSS, NET
from calculator.profile.fields import FIELDS, Field

__all__ = [
    "TODAY",
    "VALID_DAYS",
    "answer_html",
    "inputs_html",
    "notice_html",
    "quote_number",
    "summary_html",
    "today_html",
    "valid_until",
]

#: The id prefix of today's prices beside an older quote.
TODAY = "today-"

#: How long a quote holds at its price list, from the day it was issued.
VALID_DAYS = 30


def quote_number(link: str) -> str:
    """A short quote number derived from the link, so the same quote keeps it."""
    digest = sha256(link.lstrip("#").encode("utf-8")).hexdigest()[:6].upper()
    return f"{digest[:3]}-{digest[3:]}"


def valid_until(issued: date) -> date:
    """The last day a quote issued on `issued` is valid."""
    return issued + timedelta(days=VALID_DAYS)


def _euro(amount: Decimal, *, from_price: bool = False) -> str:
    return ("от " if from_price else "") + format_eur(amount)


def _sums(item: PlanQuote, quote: Quote, bgn_rate: Decimal | None) -> str:
    price, basis = item.price, quote.basis
    vat = format_number(quote.vat_percent)
    rows = [
        (NET.label, _euro(price.net, from_price=price.price_is_from)),
        (f"ДДС {vat}\u00a0%", format_eur(price.vat)),
        (GROSS.label, _euro(price.gross, from_price=price.price_is_from)),
    ]
    # The amount the customer compares comes first.
    if basis.with_vat:
        rows.reverse()
    primary = basis.amount(price)
    rows.append((f"За {MONTHS} месеца", f"{_euro(primary * MONTHS)} {basis.words}"))
    if quote.one_off.lines:
        # With the one-off lines, the same for every plan, paid with the first month.
        start = "от " if price.price_is_from else ""
        rows.append(("Първи месец с еднократните", start + first_month(quote.one_off, primary, quote)))
    if bgn_rate is not None:
        rows.append(("В лева", f"{format_bgn(basis.amount(price.bgn(bgn_rate)))} на месец"))
    return definitions(rows, "plan-card__sums")


def _calculation(item: PlanQuote, quote: Quote) -> str:
    price = item.price
    lines = "".join(
        f"<li><strong>{escape(line.label)}:</strong> {escape(format_eur(line.amount))} "
        f"<span>({escape(line.explanation)})</span></li>"
        for line in price.lines
    )
    vat = format_number(quote.vat_percent)
    return (
        '<details class="plan-card__calc"><summary>Покажи изчислението</summary>'
        f"<p>Работа на месец: {escape(quote.workload.explanation)}.</p>"
        f"<ul>{lines}</ul>"
        f"<p>Общо {NET.words} {escape(format_eur(price.net))}; ДДС {vat}\u00a0% = "
        f"{escape(format_eur(price.vat))}; {GROSS.words} {escape(format_eur(price.gross))}.</p>"
        "</details>"
    )


def _card(
    item: PlanQuote, quote: Quote, *, recommended: bool, live: bool, bgn_rate: Decimal | None, id_prefix: str
) -> str:
    plan, price, reaction = item.price.plan, item.price, item.reaction
    heading = f"{id_prefix}plan-{escape(plan.id)}"
    classes = ["plan-card"]
    badges = []
    if recommended:
        classes.append("plan-card--recommended")
        badges.append('<span class="plan-card__badge">Препоръчан</span>')
    if not item.meets_requirement:
        classes.append("plan-card--unmet")
        badges.append('<span class="plan-card__badge plan-card__badge--warn">Не покрива срока</span>')
    # A package too small for the profile keeps its price (the fee), said plainly to buy less work.
    shortfall = note = ""
    if not item.covers:
        classes.append("plan-card--unmet")
        badges.append('<span class="plan-card__badge plan-card__badge--warn">Не покрива обема</span>')
        note = " (не покрива вашия обем)"
        shortfall = f'<p class="plan-card__shortfall">{escape(shortfall_text(item))}</p>'
    primary, which = quote.basis.amount(price), quote.basis.words
    # The build's answer has no moment of its own ("now" at build time would
    # be stale): neither a deadline nor the wait averaged from that day.
    wait = ""
    if live:
        moment = escape(sentence(reaction.detail))
        if reaction.is_estimate:
            moment += " <em>(ориентировъчно)</em>"
        wait = card_wait_html(item, quote)
    else:
        moment = "Срокът за конкретен момент се изчислява, когато калкулаторът се зареди."
    return (
        f'<article class="{" ".join(dict.fromkeys(classes))}" data-{id_prefix}plan="{escape(plan.id)}" '
        f'data-{id_prefix}gross="{price.gross}" aria-labelledby="{heading}">'
        f'<h3 id="{heading}">{escape(plan.name)}</h3>{"".join(badges)}'
        f'<p class="plan-card__price"><span class="plan-card__amount">'
        f"{escape(_euro(primary, from_price=price.price_is_from))}</span> на месец {which}{note}</p>"
        f"{shortfall}{_sums(item, quote, bgn_rate)}"
        f'<p class="plan-card__reaction"><strong>Реакция:</strong> {escape(reaction.terms)}'
        f"{'' if plan.priority else '; без приоритет'}.</p>"
        f'<p class="plan-card__deadline">{moment}</p>{wait}'
        f"{_calculation(item, quote)}"
        "</article>"
    )


def answer_html(
    catalogue: Catalogue, quote: Quote, *, live: bool = True, with_bgn: bool = False, id_prefix: str = ""
) -> str:
    """The whole answer: recommendation, a card per plan, the charts and break-even points.

    Args:
        catalogue: The price list the quote was made with.
        quote: The quote.
        live: False for the build-time answer, whose incident moment ("now"
            at build time) would be stale, so no deadline is named.
        with_bgn: Add the lev equivalent of each plan's main amount.
        id_prefix: Put before every id, and in the cards' ``data-plan`` and
            ``data-gross`` names (``data-<prefix>plan``), for a second answer
            on the same page.
    """
    rate = catalogue.bgn_per_eur if with_bgn else None
    cards = "".join(
        _card(
            item,
            quote,
            recommended=item.id == quote.recommended,
            live=live,
            bgn_rate=rate,
            id_prefix=id_prefix,
        )
        for item in sorted(quote.plans, key=lambda item: item.price.plan.order)
    )
    # Where the cheapest plan changes: marked on the chart and listed in words.
    changes = cheapest_changes(quote)
    points = "".join(f"<li>{escape(sentence(point.text))}.</li>" for point in changes)
    points_html = (
        f'<h3>Кога кой план излиза по-евтино</h3><ul class="calc-breakeven">{points}</ul>' if points else ""
    )
    return (
        f'<div class="calc-reco" data-recommended="{escape(quote.recommended or "")}">'
        f"<p><strong>Препоръка:</strong> {escape(quote.recommendation)}</p></div>"
        f'<div class="plan-cards">{cards}</div>'
        f"{one_off_html(quote, bgn_rate=rate, id_prefix=id_prefix)}"
        f'<section class="calc-chart" aria-labelledby="{id_prefix}calc-chart-heading">'
        f'<h3 id="{id_prefix}calc-chart-heading">Цена според часовете работа</h3>'
        f"{cost_chart(quote, changes, id_prefix=id_prefix)}"
        f"{legend(quote, cover_notes(quote, chart_range(quote, changes)))}{points_html}</section>"
        f"{waiting_html(catalogue, quote, id_prefix=id_prefix) if live else ''}"
    )


def summary_html(quote: Quote) -> str:
    """One line that a phone keeps in view while the form is edited: the advice, and a link to the cards.

    The status line says the same to a screen reader as each answer arrives;
    this line is not announced, it is a link (after the form in the focus
    order) down to the cards. `target` keeps Material's instant navigation
    off it (it would load the page's content again, the form's values
    lost); the page moves the focus to the prices itself.
    """
    chosen = next((item for item in quote.plans if item.id == quote.recommended), None)
    if chosen is None:
        # Only packages leave the work uncovered (see the recommendation's words).
        if quote.profile.reaction_hours is None:
            advice = "няма план, който да покрива обема работа"
        elif any(item.meets_requirement for item in quote.plans):
            advice = "няма план, който да покрива нужната реакция и обема работа"
        else:
            advice = "няма план, който да покрива нужната реакция"
    else:
        price, basis = chosen.price, quote.basis
        amount = f"{_euro(chosen.fee(basis), from_price=price.price_is_from)} на месец {basis.words}"
        if chosen.downtime.monthly_cost is not None:
            amount += f" + престой {format_eur(chosen.downtime.monthly_cost)}"
        advice = f"<strong>{escape(price.plan.name)}</strong>, {escape(amount)}"
    return (
        f'<a class="calc-summary__link" href="#calc-answer-heading" target="_self" data-calc-jump>'
        f'<span class="calc-summary__text">Препоръка: {advice}</span>'
        f'<span class="calc-summary__go">Към цените</span></a>'
    )


def inputs_html(quote: Quote) -> str:
    """What the quote was made for, in words (the printed quote lists it), by the field table's rows."""
    profile = quote.profile
    rows = []
    for field in FIELDS:
        # Only with a cost per hour: the quotes made before those questions keep their list.
        if not field.summary or (field.later and profile.downtime_cost is None):
            continue
        rows.append((field.summary, _input_words(field, getattr(profile, field.name), quote)))
    return definitions(rows, "calc-inputs")


def _input_words(field: Field, value: Any, quote: Quote) -> str:
    """One value of the profile as the printed quote says it."""
    if field.choices:
        choice = field.choice(value)
        return choice.summary or choice.words
    if field.name == "regular_hours":
        # Empty means derived from the devices: the quote says how many hours that came to.
        load = quote.workload
        return format_hours(load.regular_hours) + (" (по оборудването)" if load.derived else "")
    if field.name == "distance_km" and value == 0:
        return "в града"
    if field.name == "reaction_hours":
        return "без изискване" if value is None else f"до {format_hours(value)}"
    if field.unit == "€/ч":
        return format_eur(value)
    if field.whole:
        return str(value)
    text = format_number(value)
    return text if field.unit in ("бр.", "") else f"{text} {field.unit}"


def today_html(catalogue: Catalogue, quote: Quote, *, with_bgn: bool = False) -> str:
    """The same quote at today's price list, to show under a quote issued at an older one."""
    return (
        f'<section class="calc__today" aria-labelledby="{TODAY}heading">'
        f'<h2 id="{TODAY}heading">Същата оценка по днешните цени</h2>'
        f"{answer_html(catalogue, quote, with_bgn=with_bgn, id_prefix=TODAY)}</section>"
    )


def notice_html(messages: list[str]) -> str:
    """What the page must tell about a quote link, a paragraph each; empty when nothing."""
    return "".join(f"<p>{escape(message)}</p>" for message in messages)
