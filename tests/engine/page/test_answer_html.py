from datetime import datetime
from decimal import Decimal

from samples import with_package

from calculator import Catalogue, Profile, quote
from calculator.clock import SOFIA
from calculator.page.answer_html import answer_html

MONDAY_10AM = datetime(2026, 11, 16, 10, 0, tzinfo=SOFIA)


def lev_row(catalogue: Catalogue, customer: str, plan: str) -> str:
    profile = Profile(customer=customer, regular_hours=Decimal(1), incident_at=MONDAY_10AM)
    html = answer_html(catalogue, quote(catalogue, profile, with_bgn=True), with_bgn=True)
    card = html.split(f'data-plan="{plan}"', 1)[1].split("</article>", 1)[0]
    return card.split("<dt>В лева</dt>", 1)[1].split("</div>", 1)[0]


def test_the_lev_amount_of_a_gross_is_its_lev_net_plus_its_lev_vat(small_catalogue: Catalogue) -> None:
    # Hourly, 1 h: 150.00 + 30.00 VAT = 180.00 EUR. In leva 293.37 + 58.67 = 352.04
    # (180 x 1.95583 = 352.0494 would say 352.05, a stotinka off the two lines).
    assert lev_row(small_catalogue, "individual", "hourly") == "<dd>352,04\u00a0лв. на месец</dd>"
    assert lev_row(small_catalogue, "business", "hourly") == "<dd>293,37\u00a0лв. на месец</dd>"


def package_card(regular: str, *, live: bool = False) -> tuple[str, str]:
    catalogue = Catalogue.from_dict(with_package())
    profile = Profile(regular_hours=Decimal(regular), incident_at=MONDAY_10AM)
    html = answer_html(catalogue, quote(catalogue, profile), live=live)
    start = html.rindex("<article", 0, html.index('data-plan="pack"'))
    return html, html[start : html.index("</article>", start)]


def test_a_package_card_says_plainly_it_does_not_cover_and_by_how_much() -> None:
    # 8.5 h of regular work and 1 incident x 2 h = 10.5 h against the package's 8 h.
    _, card = package_card("8.5")
    assert card.startswith(
        '<article class="plan-card plan-card--unmet" data-plan="pack" data-gross="300.00" '
        'aria-labelledby="plan-pack"><h3 id="plan-pack">Пакет</h3>'
        '<span class="plan-card__badge plan-card__badge--warn">Не покрива обема</span>'
        '<p class="plan-card__price"><span class="plan-card__amount">250,00\u00a0€</span> на месец без ДДС'
        " (не покрива вашия обем)</p>"
        '<p class="plan-card__shortfall">Планът включва 8\u00a0ч работа на месец, а по вашите данни са '
        "нужни 10,5\u00a0ч - с 2,5\u00a0ч повече.</p>"
    )
    assert "(фиксирана такса за Пакет, с 8\u00a0ч работа на месец)" in card


def test_a_package_that_covers_is_a_card_like_any_other() -> None:
    # 6 h and the incident's 2 h fill the 8 h: covered, and the cheapest.
    _, card = package_card("6")
    assert card.startswith(
        '<article class="plan-card plan-card--recommended" data-plan="pack" data-gross="300.00" '
        'aria-labelledby="plan-pack"><h3 id="plan-pack">Пакет</h3>'
        '<span class="plan-card__badge">Препоръчан</span>'
        '<p class="plan-card__price"><span class="plan-card__amount">250,00\u00a0€</span> '
        "на месец без ДДС</p>"
        '<dl class="plan-card__sums">'
    )
    assert "Не покрива" not in card


def test_a_package_too_small_has_no_line_on_the_chart_of_waiting() -> None:
    html, _ = package_card("8.5", live=True)
    waiting = html[html.index('<section class="calc-wait"') :]
    assert 'data-wait-line="sub"' in waiting
    assert 'data-wait-line="pack"' not in waiting
    assert "Пакет (не покрива обема, без линия)</li>" in waiting
    assert "Линия за Пакет няма: не покрива нужния обем работа." in waiting
    # The price chart draws it up to the 6 h it covers.
    assert 'data-plan-line="pack" points="64.0,232.7 232.0,232.7"' in html
    assert "Пакет (покрива до 6\u00a0ч)</li>" in html
