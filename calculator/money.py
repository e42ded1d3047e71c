"""Exact money and hour arithmetic, and its Bulgarian formatting.

Money is :class:`decimal.Decimal` in euro, rounded half up to the cent (the
rule of the euro changeover law, also used for VAT). Floats never enter: any
number from YAML or JSON is converted with ``Decimal(str(x))``.

Leva are made in one way, :func:`bgn_amounts`: the net and the VAT are each
converted from their euro amounts with the full fixed rate and rounded half
up to the stotinka, and the gross in leva is their sum, so that a lev net
plus its lev VAT always gives the lev gross shown beside them. (Converting
the euro gross on its own would differ by a stotinka for about three in ten
amounts.) A sum of several months is the monthly lev amounts times the
months, as it is in euro.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "BGN_PER_EUR",
    "CENT",
    "ZERO",
    "BgnAmounts",
    "bgn_amounts",
    "decimal_text",
    "eur_to_bgn",
    "format_bgn",
    "format_count",
    "format_eur",
    "format_hours",
    "format_number",
    "round_money",
    "vat_of",
]

#: Leva per euro: the fixed rate by law, never shortened; a price list may say no other.
BGN_PER_EUR = Decimal("1.95583")
CENT = Decimal("0.01")
ZERO = Decimal(0)
# No-break space: a price must not wrap between the digits and the sign.
NBSP = "\u00a0"


def round_money(amount: Decimal) -> Decimal:
    """Round ``amount`` half up to the cent (0.005 -> 0.01, -0.005 -> -0.01)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_of(net: Decimal, percent: Decimal) -> Decimal:
    """The VAT on ``net`` at ``percent``, rounded half up to the cent."""
    return round_money(net * percent / 100)


def eur_to_bgn(eur: Decimal, rate: Decimal) -> Decimal:
    """Convert euro to lev with the full fixed rate, rounded half up to the cent.

    Args:
        eur: Amount in euro.
        rate: Leva per euro (1.95583, never a shortened rate).
    """
    return round_money(eur * rate)


@dataclass(frozen=True)
class BgnAmounts:
    """A price's net and VAT in leva (see :func:`bgn_amounts`); its gross is their sum."""

    net: Decimal
    vat: Decimal

    @property
    def gross(self) -> Decimal:
        """The net plus the VAT, in leva: never converted from the euro gross on its own."""
        return self.net + self.vat

    def times(self, months: int) -> BgnAmounts:
        """The amounts for ``months`` months: each monthly lev amount times ``months``."""
        return BgnAmounts(self.net * months, self.vat * months)


def bgn_amounts(net: Decimal, vat: Decimal, rate: Decimal) -> BgnAmounts:
    """The lev amounts of a euro ``net`` and its ``vat``: each line converted, the gross their sum.

    Args:
        net: The net in euro.
        vat: The VAT on it in euro.
        rate: Leva per euro (:data:`BGN_PER_EUR`).
    """
    return BgnAmounts(eur_to_bgn(net, rate), eur_to_bgn(vat, rate))


def decimal_text(value: Decimal) -> str:
    """Plain decimal text without exponent or trailing zeros ("7.5", "30")."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def format_number(value: Decimal, places: int | None = None) -> str:
    """Bulgarian number: comma decimal mark, space between thousands.

    Args:
        value: The number.
        places: Fixed decimal places; ``None`` keeps the significant ones.
    """
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:,.{places}f}"
    else:
        text = decimal_text(value)
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
        if value < 0 and not text.startswith("-"):
            text = "-" + text
    return text.replace(",", NBSP).replace(".", ",")


def format_count(count: Decimal | int, one: str, many: str) -> str:
    """A count and the Bulgarian noun in the form that goes with it, e.g. ``2 посещения``."""
    return f"{format_number(Decimal(count))} {one if count == 1 else many}"


def format_eur(amount: Decimal) -> str:
    """Euro amount as Bulgarian text, e.g. ``1 234,50 €``."""
    return f"{format_number(amount, 2)}{NBSP}€"


def format_bgn(amount: Decimal) -> str:
    """Lev amount as Bulgarian text, e.g. ``762,77 лв.``."""
    return f"{format_number(amount, 2)}{NBSP}лв."


def format_hours(hours: Decimal) -> str:
    """Hours as Bulgarian text, e.g. ``7,5 ч``."""
    return f"{format_number(hours)}{NBSP}ч"
