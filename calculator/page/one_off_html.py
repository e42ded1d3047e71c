"""The quote's one-off part as HTML, and in words for the request form.

The section lists every line, priced or "по запитване", and the totals of the
priced ones with and without VAT, the amount the customer compares first.
Amounts in the table are without VAT for every customer: VAT is added once,
to the total, as it is to a plan's monthly price, so the lines always add up
to the total shown.
"""

from __future__ import annotations

from decimal import Decimal

from calculator.money import format_bgn, format_eur, format_number
from calculator.page.markup import definitions, escape
from calculator.pricing.one_off import OneOff, OneOffLine
from calculator.pricing.quote import Quote
from calculator.pricing.vat import GROSS, NET

__all__ = ["ON_REQUEST", "count_words", "first_month", "one_off_html", "one_off_words", "price_each"]

ON_REQUEST = "по запитване"


def count_words(line: OneOffLine) -> str:
    """The quantity as a line says it: ``4 бр.`` for pieces, bare for a service (its unit is in its price)."""
    return f"{line.quantity}\u00a0{line.unit}" if line.unit == "бр." else str(line.quantity)


def price_each(unit_net: Decimal, unit: str) -> str:
    """A unit price and what it is for, e.g. ``120,00 € / занятие``."""
    return f"{format_eur(unit_net)} / {unit}" if unit else format_eur(unit_net)


def _row(line: OneOffLine) -> str:
    # Three columns, so that the table fits a phone: the unit price goes under the name.
    name = escape(line.name)
    if line.unit_net is None or line.net is None:
        amount = f'<td class="calc-one-off__request">{ON_REQUEST}</td>'
    else:
        name += f'<span class="calc-one-off__unit">{escape(price_each(line.unit_net, line.unit))}</span>'
        amount = f"<td>{escape(format_eur(line.net))}</td>"
    return f'<tr><th scope="row">{name}</th><td>{escape(count_words(line))}</td>{amount}</tr>'


def one_off_html(quote: Quote, *, bgn_rate: Decimal | None = None, id_prefix: str = "") -> str:
    """The one-off section of an answer; empty when the quote has no one-off lines."""
    part, basis = quote.one_off, quote.basis
    if not part.lines:
        return ""
    vat = format_number(quote.vat_percent)
    sums = [
        (NET.label, format_eur(part.net)),
        (f"ДДС {vat}\u00a0%", format_eur(part.vat)),
        (GROSS.label, format_eur(part.gross)),
    ]
    # The amount the customer compares comes first, as on the plans' cards.
    if basis.with_vat:
        sums.reverse()
    if bgn_rate is not None:
        sums.append(("В лева", f"{format_bgn(basis.amount(part.bgn(bgn_rate)))} {basis.words}"))
    total = definitions(sums, "calc-one-off__sums") if part.priced else ""
    note = (
        f"<p>Позициите „{ON_REQUEST}“ ще остойностим в офертата си"
        + ("; те не са в сумата.</p>" if part.priced else ".</p>")
        if part.on_request
        else ""
    )
    heading = f"{id_prefix}calc-one-off-heading"
    return (
        f'<section class="calc-one-off" aria-labelledby="{heading}">'
        f'<h3 id="{heading}">Еднократно: допълнителни услуги и доставки</h3>'
        "<p>Плащат се веднъж, отделно от месечната цена, при който и да е план.</p>"
        '<div class="calc-one-off__scroll"><table class="calc-one-off__table">'
        '<thead><tr><th scope="col">Услуга или доставка</th><th scope="col">Количество</th>'
        f'<th scope="col">Сума {NET.words}</th></tr></thead>'
        f"<tbody>{''.join(_row(line) for line in part.lines)}</tbody></table></div>"
        f"{total}{note}</section>"
    )


def first_month(part: OneOff, monthly: Decimal, quote: Quote) -> str:
    """A plan's first month in words: its monthly amount plus the one-off total (and what is on request)."""
    basis = quote.basis
    words = f"{format_eur(monthly + basis.amount(part))} {basis.words}"
    if not part.priced:
        return f"{format_eur(monthly)} {basis.words} + {ON_REQUEST}"
    return words + (f" + {ON_REQUEST}" if part.on_request else "")


def one_off_words(part: OneOff) -> str:
    """The one-off lines as plain text, a line each, for the request form (empty when none)."""
    lines = []
    for line in part.lines:
        if line.unit_net is None or line.net is None:
            lines.append(f"{line.name}: {count_words(line)} - {ON_REQUEST}")
        else:
            price = price_each(line.unit_net, line.unit)
            lines.append(f"{line.name}: {count_words(line)} × {price} = {format_eur(line.net)} {NET.words}")
    if part.priced:
        lines.append(
            f"Общо еднократно: {format_eur(part.net)} {NET.words}, {format_eur(part.gross)} {GROSS.words}"
        )
    return "\n".join(lines).replace("\u00a0", " ")
