"""An offer's price: one plan, less the agreed discount, and the one-off items at their agreed prices.

A quote prices every plan at the list's prices; an offer is what sales
agreed with one customer. The discount, in percent, lowers the plan's
monthly fee and its hourly rate, each rounded half up to the cent; the plan
is then priced as any quote prices it (a line a term, each rounded), so an
offer's monthly price reads line by line like the quote's. The one-off part
is the quote's one-off part (the catalogue's priced services, undiscounted)
plus the agreed items, each quantity x unit price rounded half up; the VAT
is the catalogue's rate on the one-off net, rounded once.

Pricing knows nothing of links: :mod:`calculator.page.offer_link` reads and
writes the offer, and hands its figures here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue, Plan
from calculator.errors import CatalogueError
from calculator.money import ZERO, round_money, vat_of
from calculator.pricing.one_off import OneOff, one_off
from calculator.pricing.plan_price import PlanPrice, price_plan
from calculator.profile.profile import Profile

__all__ = ["MAX_DISCOUNT", "OfferItem", "OfferPrice", "discounted", "price_offer"]

#: The largest discount sales may give, in percent.
MAX_DISCOUNT = Decimal(50)


@dataclass(frozen=True)
class OfferItem:
    """A one-off item at the price agreed with the customer (euro without VAT, a unit)."""

    description: str
    quantity: int
    unit_price: Decimal

    @property
    def net(self) -> Decimal:
        """Quantity x unit price, rounded half up to the cent."""
        return round_money(self.unit_price * self.quantity)


@dataclass(frozen=True)
class OfferPrice:
    """What an offer costs: the plan a month (discounted), and once (services and items)."""

    monthly: PlanPrice
    services: OneOff
    items: tuple[OfferItem, ...]
    one_off_net: Decimal
    one_off_vat: Decimal

    @property
    def one_off_gross(self) -> Decimal:
        """The one-off net plus its VAT."""
        return self.one_off_net + self.one_off_vat

    def totals(self) -> dict[str, dict[str, str]]:
        """The monthly and one-off net, VAT and gross, as decimal strings (the CLI's JSON)."""
        month = self.monthly
        return {
            "monthly": {"net": str(month.net), "vat": str(month.vat), "gross": str(month.gross)},
            "one_off": {
                "net": str(self.one_off_net),
                "vat": str(self.one_off_vat),
                "gross": str(self.one_off_gross),
            },
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: the totals, the plan's lines and the one-off lines."""
        return {
            **self.totals(),
            "plan": self.monthly.plan.id,
            "lines": [line.to_dict() for line in self.monthly.lines],
            "services": self.services.to_dict()["lines"],
            "items": [
                {
                    "description": item.description,
                    "quantity": item.quantity,
                    "unit_price": str(item.unit_price),
                    "net": str(item.net),
                }
                for item in self.items
            ],
        }


def _less(amount: Decimal, percent: Decimal) -> Decimal:
    return round_money(amount * (100 - percent) / 100)


def discounted(plan: Plan, percent: Decimal) -> Plan:
    """``plan`` with its monthly fee and hourly rate ``percent`` lower, each rounded half up to the cent."""
    if not ZERO <= percent <= MAX_DISCOUNT:
        raise ValueError(f"discount {percent} out of 0..{MAX_DISCOUNT}")
    return replace(
        plan, monthly_fee=_less(plan.monthly_fee, percent), hourly_rate=_less(plan.hourly_rate, percent)
    )


def price_offer(
    catalogue: Catalogue,
    profile: Profile,
    plan_id: str,
    discount: Decimal = ZERO,
    items: Sequence[OfferItem] = (),
) -> OfferPrice:
    """Price an offer of plan ``plan_id`` for ``profile`` at ``catalogue`` (see the module docstring).

    Raises:
        CatalogueError: the price list has no plan ``plan_id``.
    """
    try:
        plan = catalogue.plan(plan_id)
    except KeyError:
        known = ", ".join(plan.id for plan in catalogue.plans)
        raise CatalogueError(
            f"в ценоразпис {catalogue.price_list} няма план „{plan_id}“ (има: {known})"
        ) from None
    monthly = price_plan(catalogue, discounted(plan, discount), profile)
    services = one_off(catalogue, profile)
    net = round_money(services.net + sum((item.net for item in items), ZERO))
    return OfferPrice(monthly, services, tuple(items), net, vat_of(net, catalogue.vat_percent))
