"""A quote's one-off part: the additional services and the procurement, the same for every plan.

A service with a price in the catalogue is priced exactly: quantity x price,
rounded half up to the cent, a line each; the net is the sum of the priced
lines and the VAT is the catalogue's rate on that net, rounded once, as a
plan's monthly price is. A service "on request" (no price) and every
procurement line are listed with their quantity and no amount: sales price
them in the offer, the engine never guesses. A service id that the price
list does not have (a link made under another list) is listed on request,
named by its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue
from calculator.money import ZERO, BgnAmounts, bgn_amounts, round_money, vat_of
from calculator.profile.profile import Profile

__all__ = ["OneOff", "OneOffLine", "one_off"]


@dataclass(frozen=True)
class OneOffLine:
    """One line of the one-off part; ``unit_net`` and ``net`` are ``None`` on request.

    ``id`` is the catalogue service's id, or ``dostavka-<n>`` for the n-th
    procurement line; ``unit`` is what is counted (``занятие``, ``бр.``).
    """

    id: str
    name: str
    quantity: int
    unit: str
    unit_net: Decimal | None
    net: Decimal | None

    @property
    def on_request(self) -> bool:
        """Whether sales price it in the offer."""
        return self.net is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form, amounts as decimal strings (null on request)."""
        return {
            "id": self.id,
            "name": self.name,
            "quantity": self.quantity,
            "unit_net": None if self.unit_net is None else str(self.unit_net),
            "net": None if self.net is None else str(self.net),
            "on_request": self.on_request,
        }


@dataclass(frozen=True)
class OneOff:
    """The one-off lines and the totals of the priced ones (euro)."""

    lines: tuple[OneOffLine, ...] = ()
    net: Decimal = ZERO
    vat: Decimal = ZERO

    @property
    def gross(self) -> Decimal:
        """Net plus VAT."""
        return self.net + self.vat

    @property
    def on_request(self) -> bool:
        """Whether any line waits for sales' price."""
        return any(line.on_request for line in self.lines)

    @property
    def priced(self) -> bool:
        """Whether any line has a price (else there is no total to show)."""
        return any(not line.on_request for line in self.lines)

    def bgn(self, rate: Decimal) -> BgnAmounts:
        """The totals in leva, as a plan's monthly amounts are converted."""
        return bgn_amounts(self.net, self.vat, rate)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: the lines, then the totals of the priced lines."""
        return {
            "lines": [line.to_dict() for line in self.lines],
            "net": str(self.net),
            "vat": str(self.vat),
            "gross": str(self.gross),
        }


def one_off(catalogue: Catalogue, profile: Profile) -> OneOff:
    """The one-off part of ``profile``'s quote at ``catalogue`` (see the module docstring).

    Lines come in the catalogue's order of services, then the procurement
    lines in the prospect's order.
    """
    counts = dict(profile.services)
    lines = []
    for service in catalogue.services:
        quantity = counts.pop(service.id, 0)
        if not quantity:
            continue
        price = None if service.price is None else round_money(service.price)
        net = None if price is None else round_money(price * quantity)
        lines.append(OneOffLine(service.id, service.name, quantity, service.unit, price, net))
    lines += [OneOffLine(key, key, quantity, "", None, None) for key, quantity in sorted(counts.items())]
    lines += [
        OneOffLine(f"dostavka-{number}", text, quantity, "бр.", None, None)
        for number, (text, quantity) in enumerate(profile.procurement, start=1)
    ]
    net = round_money(sum((line.net for line in lines if line.net is not None), ZERO))
    return OneOff(tuple(lines), net, vat_of(net, catalogue.vat_percent))
