"""A quote as a plain-text table, for the sales command line.

Individuals see prices with VAT first; businesses see them without VAT
first. Each plan is followed by its calculation lines and its reaction; a
package that does not cover the profile's hours is marked, and says by how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from calculator.money import format_bgn, format_eur, format_hours, format_number
from calculator.pricing.one_off import OneOffLine
from calculator.pricing.quote import Quote, shortfall_text
from calculator.pricing.vat import GROSS, NET

__all__ = ["TODAY_HEADING", "one_off_line", "priced_line", "quote_table"]

#: Above the second table when a link's older price list is quoted as issued.
TODAY_HEADING = "Същата оценка по днешните цени:"


def _cell(text: str, width: int) -> str:
    return text.replace("\u00a0", " ").rjust(width)


def priced_line(name: str, quantity: int, each: Decimal, net: Decimal) -> str:
    """A priced line in words: ``Услуга: 2 × 120,00 € = 240,00 €`` (a quote's service, an offer's item)."""
    return f"{name}: {quantity} × {format_eur(each)} = {format_eur(net)}"


def one_off_line(line: OneOffLine) -> str:
    """A one-off line in words: its :func:`priced_line`, or its count ``- по запитване``."""
    if line.unit_net is None or line.net is None:
        # A service the list no longer has has no unit: its count stands alone.
        count = " ".join(filter(None, [str(line.quantity), line.unit]))
        return f"{line.name}: {count} - по запитване"
    return priced_line(line.name, line.quantity, line.unit_net, line.net)


def _one_off(quote: Quote) -> list[str]:
    """The one-off lines under the plans, the same for each; none without them."""
    part = quote.one_off
    if not part.lines:
        return []
    lines = ["", "Еднократно, при всеки план (допълнителни услуги и доставки), без ДДС:"]
    lines += [f"    {one_off_line(line)}" for line in part.lines]
    if part.priced:
        lines.append(
            f"    Общо еднократно: {format_eur(part.net)} {NET.words}; ДДС {format_eur(part.vat)}; "
            f"{format_eur(part.gross)} {GROSS.words}"
            + ("; позициите по запитване не са в сумата" if part.on_request else "")
        )
    return lines


def quote_table(quote: Quote, link: str, *, notices: Sequence[str] = ()) -> str:
    """Render ``quote`` as readable text, one plan a block.

    Args:
        quote: The quote.
        link: The quote's link, written last.
        notices: What to tell about the quote link, under the title.
    """
    vat = format_number(quote.vat_percent)
    # The amount the customer compares (quote.basis) is the first column, and the one in lev.
    columns = [(GROSS, f"{GROSS.label} {vat}%"), (NET, NET.label)]
    if columns[0][0] != quote.basis:
        columns.reverse()
    lines = [f"Оценка по ценоразпис {quote.price_list}, в евро на месец"]
    lines += notices
    lines.append(f"Работа: {quote.workload.explanation}".replace("\u00a0", " "))
    name_width = max(len(item.price.plan.name) for item in quote.plans) + 2
    header = "План".ljust(name_width) + "".join(_cell(title, 16) for _, title in columns)
    if quote.bgn_per_eur is not None:
        header += _cell("лв.", 14)
    lines += ["", header, "-" * len(header)]
    for item in quote.plans:
        price = item.price
        prefix = "от " if price.price_is_from else ""
        row = price.plan.name.ljust(name_width)
        row += "".join(_cell(prefix + format_eur(basis.amount(price)), 16) for basis, _ in columns)
        if quote.bgn_per_eur is not None:
            row += _cell(format_bgn(quote.basis.amount(price.bgn(quote.bgn_per_eur))), 14)
        marks = []
        if item.id == quote.recommended:
            marks.append("препоръчан")
        if quote.profile.reaction_hours is not None and not item.meets_requirement:
            marks.append("не покрива срока")
        if not item.covers:
            marks.append("не покрива обема")
        if marks:
            row += "  [" + ", ".join(marks) + "]"
        lines.append(row)
        if not item.covers:
            lines.append(f"    {shortfall_text(item)}")
        for line in price.lines:
            lines.append(f"    {line.label}: {format_eur(line.amount)} ({line.explanation})")
        lines.append(f"    Реакция: {item.reaction.terms}")
        lines.append(f"    {item.reaction.detail}")
        cost = item.downtime.monthly_cost
        if cost is not None:
            wait = item.downtime.wait
            estimate = ", ориентировъчно" if wait.estimate else ""
            lines.append(
                f"    Очаквано чакане: {format_hours(wait.hours)}{estimate}; загуба от престой "
                f"{format_eur(cost)}; общо {format_eur(item.total(quote.basis))}"
            )
    lines += _one_off(quote)
    lines += ["", f"Препоръка: {quote.recommendation}"]
    if quote.break_even:
        lines.append("Точки на изравняване:")
        lines += [f"    {point.text}" for point in quote.break_even]
    if quote.downtime_break_even:
        lines.append("Кога по-бързата реакция излиза по-изгодно:")
        lines += [f"    {point.text}" for point in quote.downtime_break_even]
    lines.append(f"Връзка: {link}")
    return "\n".join(line.replace("\u00a0", " ") for line in lines) + "\n"
