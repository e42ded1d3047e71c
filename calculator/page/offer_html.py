"""An offer as HTML, as the customer opens it and as sales preview it, and in words for the request form.

The section is the whole offer on one page: who issued it to whom, until
when, the plan's monthly lines at the agreed terms, the one-off lines and
both totals with and without VAT, the plan's reaction terms. Every figure is
the offer's own (:func:`calculator.pricing.offer.price_offer`); only the
words are made here. Print shows this section alone (site.css), on one A4
page for up to 12 items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculator.catalogue import Catalogue
from calculator.money import format_eur, format_hours, format_number
from calculator.page.markup import definitions, escape
from calculator.page.offer_values import Offer
from calculator.page.one_off_html import ON_REQUEST, count_words, price_each
from calculator.pricing.offer import OfferPrice, discounted
from calculator.pricing.quote import Quote
from calculator.pricing.vat import GROSS, NET

__all__ = ["OfferView", "offer_html", "offer_words"]


@dataclass(frozen=True)
class OfferView:
    """An offer, its price and what the section says around them.

    Attributes:
        offer: The offer, as signed (or, for a preview, as sales typed it).
        price: Its figures.
        catalogue: The price list it was issued at.
        quote: The profile's quote at that list: the offered plan's
            reaction terms and expected wait come from it.
        issued: The day of issue (the link's ``d``).
        company: Our company's name, the offer's issuer.
        own_quote: The ordinary quote link of the same profile (``#...``).
        expired: The customer opens it after its last day.
        preview: Sales see it before it is signed: no seal, no buttons.
        key_loaded: For a preview, a listed key is loaded: the page signs the
            link as soon as the preview is made, so the preview says where
            the link is, not that it is missing.
    """

    offer: Offer
    price: OfferPrice
    catalogue: Catalogue
    quote: Quote
    issued: date
    company: str
    own_quote: str = ""
    expired: bool = False
    preview: bool = False
    key_loaded: bool = False


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _customer(offer: Offer) -> str:
    return offer.customer + (f", ЕИК {offer.eik}" if offer.eik else "")


def _facts(view: OfferView) -> str:
    offer, catalogue = view.offer, view.catalogue
    rows = [
        ("Клиент", _customer(offer)),
        ("Издател", view.company),
        ("Издадена на", _day(view.issued)),
        ("Валидна до", f"{_day(offer.valid_until)} включително"),
        ("Ценоразпис", f"{catalogue.price_list} от {_day(catalogue.effective)}"),
    ]
    if offer.salesperson:
        rows.append(("Търговец", offer.salesperson))
    return definitions(rows, "calc-offer__facts")


def _sums(net: Decimal, vat: Decimal, vat_percent: Decimal) -> str:
    rows = [
        (NET.label, format_eur(net)),
        (f"ДДС {format_number(vat_percent)}\u00a0%", format_eur(vat)),
        (GROSS.label, format_eur(net + vat)),
    ]
    return definitions(rows, "calc-offer__sums")


def discount_words(offer: Offer, catalogue: Catalogue) -> str:
    """The agreed discount and what it lowers, e.g. ``10 % (месечната такса 240,00 € → 216,00 €; ...)``."""
    listed = catalogue.plan(offer.plan)
    lower = discounted(listed, offer.discount)
    parts = [
        f"{what} {format_eur(before)} → {format_eur(after)}"
        for what, before, after in (
            ("месечната такса", listed.monthly_fee, lower.monthly_fee),
            ("часовата ставка", listed.hourly_rate, lower.hourly_rate),
        )
        if before
    ]
    return f"{format_number(offer.discount)}\u00a0%" + (f" ({'; '.join(parts)})" if parts else "")


def _reaction(view: OfferView) -> str:
    item = next(item for item in view.quote.plans if item.id == view.offer.plan)
    wait = item.downtime.wait
    where = " от работното ви време" if view.quote.profile.operating == "business" else ""
    estimate = " (ориентировъчно)" if wait.estimate else ""
    return (
        f'<p class="calc-offer__reaction"><strong>Реакция:</strong> {escape(item.reaction.terms)}'
        f"{'' if item.price.plan.priority else '; без приоритет'}. "
        "<strong>Очаквано чакане до реакция:</strong> "
        f"{escape(format_hours(wait.hours) + where)}{estimate}.</p>"
    )


def _row(name: str, how: str, *cells: str) -> str:
    """A table row: the name with how it is counted under it, then the cells."""
    how_html = f'<span class="calc-offer__how">{escape(how)}</span>' if how else ""
    tds = "".join(f"<td>{escape(cell)}</td>" for cell in cells)
    return f'<tr><th scope="row">{escape(name)}{how_html}</th>{tds}</tr>'


def _monthly(view: OfferView) -> str:
    month = view.price.monthly
    rows = "".join(_row(line.label, line.explanation, format_eur(line.amount)) for line in month.lines)
    discount = (
        f"<p>Договорена отстъпка {escape(discount_words(view.offer, view.catalogue))}.</p>"
        if view.offer.discount
        else ""
    )
    return (
        f"<h3>Месечно: {escape(month.plan.name)}</h3>{discount}"
        '<table class="calc-offer__table"><thead><tr><th scope="col">Ред</th>'
        f'<th scope="col">Сума {NET.words}</th></tr></thead><tbody>{rows}</tbody></table>'
        f"{_sums(month.net, month.vat, view.catalogue.vat_percent)}{_reaction(view)}"
    )


def _one_off_rows(price: OfferPrice) -> list[str]:
    rows = []
    for line in price.services.lines:
        if line.unit_net is None or line.net is None:
            rows.append(_row(line.name, "", count_words(line), ON_REQUEST))
        else:
            how = price_each(line.unit_net, line.unit)
            rows.append(_row(line.name, how, count_words(line), format_eur(line.net)))
    for item in price.items:
        how = price_each(item.unit_price, "бр.")
        rows.append(_row(item.description, how, f"{item.quantity}\u00a0бр.", format_eur(item.net)))
    return rows


def _one_off(view: OfferView) -> str:
    rows = _one_off_rows(view.price)
    if not rows:
        return ""
    price = view.price
    return (
        "<h3>Еднократно: услуги и доставки</h3>"
        '<table class="calc-offer__table"><thead><tr><th scope="col">Услуга или доставка</th>'
        f'<th scope="col">Количество</th><th scope="col">Сума {NET.words}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"{_sums(price.one_off_net, price.one_off_vat, view.catalogue.vat_percent)}"
        + (f"<p>Позициите „{ON_REQUEST}“ не са в сумата.</p>" if price.services.on_request else "")
    )


def _status(view: OfferView) -> str:
    offer = view.offer
    if view.preview and view.key_loaded:
        return (
            '<p class="calc-offer__seal calc-offer__seal--preview">Преглед: така ще види офертата '
            f"клиентът. Тя е подписана с ключ „{escape(offer.key_id)}“; връзката към нея е под прегледа.</p>"
        )
    if view.preview:
        return (
            '<p class="calc-offer__seal calc-offer__seal--preview">Преглед: офертата още не е подписана. '
            "Връзката към нея се появява, когато заредите ключа си.</p>"
        )
    if view.expired:
        return (
            '<p class="calc-offer__seal calc-offer__seal--expired"><strong>Срокът на офертата изтече на '
            f"{_day(offer.valid_until)}.</strong> Цените в нея вече не важат; под нея са същите данни "
            "по днешните цени, без договорените условия.</p>"
        )
    return (
        f'<p class="calc-offer__seal">Подписът е проверен с ключ „{escape(offer.key_id)}“ на '
        f"{escape(view.company)}: офертата е такава, каквато сме я издали.</p>"
    )


def _actions(view: OfferView) -> str:
    if view.preview:
        return ""
    # data-calc-accept: calculator.js gives it the request form's address, with this offer's link.
    accept = (
        ""
        if view.expired
        else '<a class="md-button md-button--primary" data-calc-accept href="#">Приемам офертата</a> '
    )
    return (
        f'<p class="calc-offer__actions">{accept}'
        '<button type="button" class="md-button" data-calc-print>Отпечатай</button> '
        f'<a class="md-button" href="{escape(view.own_quote)}">Направете своя оценка</a></p>'
        '<p class="calc-offer__help">Данните във формата са тези на офертата и не се променят. '
        "„Направете своя оценка“ ги отваря като обикновена оценка, която можете да променяте.</p>"
    )


def offer_html(view: OfferView) -> str:
    """The offer's section: heading, seal, facts, monthly and one-off parts, note, actions."""
    offer = view.offer
    state = "preview" if view.preview else "expired" if view.expired else "valid"
    title = "Преглед на оферта" if view.preview else "Оферта"
    note = ""
    if offer.note:
        note = f'<p class="calc-offer__note"><strong>Бележка:</strong> {escape(offer.note)}</p>'

    return (
        f'<section class="calc-offer calc-offer--{state}" aria-labelledby="calc-offer-heading">'
        f'<h2 id="calc-offer-heading" tabindex="-1">{title} № {escape(offer.number)} '
        f"за {escape(offer.customer)}</h2>"
        f"{_status(view)}{_facts(view)}{_monthly(view)}{_one_off(view)}{note}{_actions(view)}</section>"
    )


def offer_words(view: OfferView) -> str:
    """The offer in plain text, a line each, for the request form that accepts it."""
    offer, price = view.offer, view.price
    month = price.monthly
    lines = [
        f"Приемам оферта № {offer.number} за {_customer(offer)}, издадена на {_day(view.issued)}, "
        f"валидна до {_day(offer.valid_until)}.",
        f"{month.plan.name}: {format_eur(month.net)} на месец {NET.words}, "
        f"{format_eur(month.gross)} {GROSS.words}"
        + (f"; отстъпка {discount_words(offer, view.catalogue)}" if offer.discount else "")
        + ".",
    ]
    for line in price.services.lines:
        amount = ON_REQUEST if line.net is None else f"{format_eur(line.net)} {NET.words}"
        lines.append(f"{line.name}: {count_words(line)} - {amount}")
    for item in price.items:
        lines.append(
            f"{item.description}: {item.quantity} бр. × {format_eur(item.unit_price)} = "
            f"{format_eur(item.net)} {NET.words}"
        )
    if price.services.lines or price.items:
        lines.append(
            f"Общо еднократно: {format_eur(price.one_off_net)} {NET.words}, "
            f"{format_eur(price.one_off_gross)} {GROSS.words}"
        )
    return "\n".join(lines).replace("\u00a0", " ")
