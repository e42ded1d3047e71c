from datetime import datetime
from decimal import Decimal

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
