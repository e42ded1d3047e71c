"""A quote as a plain-text table, for the sales command line.

Individuals see prices with VAT first; businesses see them without VAT
first. Each plan is followed by its calculation lines and its reaction.
"""

from __future__ import annotations

from decimal import Decimal

from calculator.money import eur_to_bgn, format_bgn, format_eur, format_hours, format_number
from calculator.pricing.quote import Quote

__all__ = ["quote_table"]


def _cell(text: str, width: int) -> str:
    return text.replace("\u00a0", " ").rjust(width)


def quote_table(quote: Quote, link: str, *, linked_price_list: str | None = None) -> str:
    """Render ``quote`` as readable text, one plan a block.

    Args:
        quote: The quote.
        link: The quote's link, written last.
        linked_price_list: The price list a quote link was made for, to warn
            when today's prices differ from the link's.
    """
    vat = format_number(quote.vat_percent)
    columns = [("gross", f"С ДДС {vat}%"), ("net", "Без ДДС")]
    if not quote.vat_first:
        columns.reverse()
    lines = [f"Оферта по ценоразпис {quote.price_list}, в евро на месец"]
    if linked_price_list is not None and linked_price_list != quote.price_list:
        lines.append(f"Внимание: връзката е за ценоразпис {linked_price_list}; цените са по текущия.")
    lines.append(f"Работа: {quote.workload.explanation}".replace("\u00a0", " "))
    name_width = max(len(item.price.plan.name) for item in quote.plans) + 2
    header = "План".ljust(name_width) + "".join(_cell(title, 16) for _, title in columns)
    if quote.bgn_per_eur is not None:
        header += _cell("лв.", 14)
    lines += ["", header, "-" * len(header)]
    for item in quote.plans:
        price = item.price
        amounts: dict[str, Decimal] = {"gross": price.gross, "net": price.net}
        prefix = "от " if price.price_is_from else ""
        row = price.plan.name.ljust(name_width)
        row += "".join(_cell(prefix + format_eur(amounts[key]), 16) for key, _ in columns)
        if quote.bgn_per_eur is not None:
            first = amounts[columns[0][0]]
            row += _cell(format_bgn(eur_to_bgn(first, quote.bgn_per_eur)), 14)
        marks = []
        if item.id == quote.recommended:
            marks.append("препоръчан")
        if quote.profile.reaction_hours is not None and not item.meets_requirement:
            marks.append("не покрива срока")
        if marks:
            row += "  [" + ", ".join(marks) + "]"
        lines.append(row)
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
                f"{format_eur(cost)}; общо {format_eur(item.total(quote.vat_first))}"
            )
    lines += ["", f"Препоръка: {quote.recommendation}"]
    if quote.break_even:
        lines.append("Точки на изравняване:")
        lines += [f"    {point.text}" for point in quote.break_even]
    if quote.downtime_break_even:
        lines.append("Кога по-бързата реакция излиза по-изгодно:")
        lines += [f"    {point.text}" for point in quote.downtime_break_even]
    lines.append(f"Връзка: {link}")
    return "\n".join(line.replace("\u00a0", " ") for line in lines) + "\n"
