"""Which amount a customer compares, and its words: one rule for the page, the charts and the CLI."""

from decimal import Decimal

from calculator import Catalogue, Profile, price_plan
from calculator.pricing.vat import GROSS, NET, vat_basis

D = Decimal


def test_an_individual_compares_with_vat_and_a_business_without() -> None:
    assert vat_basis("individual") == GROSS
    assert vat_basis("business") == NET
    individual, business = vat_basis("individual"), vat_basis("business")
    assert (individual.with_vat, individual.key, individual.words, individual.label) == (
        True,
        "gross",
        "с ДДС",
        "С ДДС",
    )
    assert (business.with_vat, business.key, business.words, business.label) == (
        False,
        "net",
        "без ДДС",
        "Без ДДС",
    )


def test_the_compared_amount_of_a_price_and_of_a_net(small_catalogue: Catalogue) -> None:
    # Default profile: 4.5 h + 1 incident x 2 h = 6.5 h; subscription 300 + 1.5 h x 30 = 345 net, 69 VAT.
    price = price_plan(small_catalogue, small_catalogue.plan("sub"), Profile())
    assert (str(NET.amount(price)), str(GROSS.amount(price))) == ("345.00", "414.00")
    # The VAT on 0.13 is 0.026, rounded to 0.03: the gross is 0.16, as a quote's would be.
    assert (str(NET.from_net(D("0.13"), D(20))), str(GROSS.from_net(D("0.13"), D(20)))) == ("0.13", "0.16")
