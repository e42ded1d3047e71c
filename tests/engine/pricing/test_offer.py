"""An offer's price: the plan's fee and hourly rate less the discount, the agreed items, VAT once."""

from decimal import Decimal

import pytest

from calculator import Catalogue, Profile
from calculator.errors import CatalogueError
from calculator.pricing.offer import OfferItem, discounted, price_offer

# 10 x 0.5 h + 1 x 2 h regular, 1 x 2 h incidents = 9 h: 4 h over the subscription's 5.
PROFILE = Profile(workstations=10, services={"training": 2})
ITEMS = (OfferItem("Лаптоп", 2, Decimal("1234.56")), OfferItem("Тонер", 3, Decimal("33.33")))


def test_a_discount_lowers_the_fee_and_the_rate_each_to_the_cent(small_catalogue: Catalogue) -> None:
    plan = discounted(small_catalogue.plans[0], Decimal("33.33"))
    # 300 x 0.6667 = 200.01; 30 x 0.6667 = 20.001 -> 20.00
    assert (plan.monthly_fee, plan.hourly_rate) == (Decimal("200.01"), Decimal("20.00"))


def test_an_offer_of_the_subscription_at_12_5_percent_off(small_catalogue: Catalogue) -> None:
    price = price_offer(small_catalogue, PROFILE, "sub", Decimal("12.5"), ITEMS)
    # 262.50 fee + 4 h x 26.25; once: 2 x 100 training + 2469.12 + 99.99, VAT 20 % of 2769.11
    assert price.totals() == {
        "monthly": {"net": "367.50", "vat": "73.50", "gross": "441.00"},
        "one_off": {"net": "2769.11", "vat": "553.82", "gross": "3322.93"},
    }
    assert [line.amount for line in price.monthly.lines] == [Decimal("262.50"), Decimal("105.00")]


def test_without_a_discount_the_offer_costs_what_the_quote_says(small_catalogue: Catalogue) -> None:
    price = price_offer(small_catalogue, Profile(), "hourly")
    # 4.5 h regular + 2 h incidents at 50
    assert price.totals() == {
        "monthly": {"net": "325.00", "vat": "65.00", "gross": "390.00"},
        "one_off": {"net": "0.00", "vat": "0.00", "gross": "0.00"},
    }


def test_a_plan_the_price_list_does_not_have_is_named(small_catalogue: Catalogue) -> None:
    with pytest.raises(CatalogueError) as caught:
        price_offer(small_catalogue, Profile(), "premium")
    assert str(caught.value) == "в ценоразпис test-1 няма план „premium“ (има: sub, hourly, job, sos)"


def test_a_discount_over_half_is_refused(small_catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match=r"out of 0\.\.50"):
        discounted(small_catalogue.plans[0], Decimal("50.01"))
