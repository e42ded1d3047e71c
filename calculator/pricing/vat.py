"""Which amount a customer compares, with VAT or without, and how it is worded.

An individual compares prices with VAT (prices to consumers must include
it); a business compares them without, as it reclaims the VAT. The answer's
cards, the charts, the recommendation and the sales CLI all ask
:func:`vat_basis` which amount to show first and word it with its
:attr:`VatBasis.words`; nowhere else is that choice made.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from calculator.money import vat_of

__all__ = ["GROSS", "NET", "Amounts", "VatBasis", "vat_basis"]


class Amounts(Protocol):
    """A price's net and gross: a :class:`~calculator.pricing.plan_price.PlanPrice` in euro, or its leva."""

    @property
    def net(self) -> Decimal:
        """The amount without VAT."""

    @property
    def gross(self) -> Decimal:
        """The amount with VAT."""


@dataclass(frozen=True)
class VatBasis:
    """The amount a customer compares: the gross (``with_vat``) or the net."""

    with_vat: bool

    @property
    def key(self) -> Literal["gross", "net"]:
        """The amount's name in a quote's JSON: ``"gross"`` or ``"net"``."""
        return "gross" if self.with_vat else "net"

    @property
    def words(self) -> str:
        """The amount in words after a price: ``"с ДДС"`` or ``"без ДДС"``."""
        return "с ДДС" if self.with_vat else "без ДДС"

    @property
    def label(self) -> str:
        """:attr:`words` as a heading or a label starts: ``"С ДДС"`` or ``"Без ДДС"``."""
        return self.words[:1].upper() + self.words[1:]

    def amount(self, price: Amounts) -> Decimal:
        """The amount of ``price`` this basis compares: in euro, or in leva (its ``bgn``)."""
        return price.gross if self.with_vat else price.net

    def from_net(self, net: Decimal, vat_percent: Decimal) -> Decimal:
        """The amount compared for a ``net`` (the gross adds its VAT, as a quote's price does)."""
        return net + vat_of(net, vat_percent) if self.with_vat else net


#: Prices without VAT, as a business compares them.
NET = VatBasis(with_vat=False)
#: Prices with VAT, as an individual compares them.
GROSS = VatBasis(with_vat=True)


def vat_basis(customer: str) -> VatBasis:
    """Which amount ``customer`` compares.

    Args:
        customer: The profile's customer, ``"individual"`` or ``"business"``.

    Returns:
        :data:`GROSS` for an individual, :data:`NET` for a business.
    """
    return GROSS if customer == "individual" else NET
