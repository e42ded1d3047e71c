from decimal import Decimal

import pytest

from calculator.money import decimal_text, eur_to_bgn, format_eur, format_hours, format_number, round_money


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-0.005", "-0.01"), ("10", "10.00")],
)
def test_round_half_up(amount: str, rounded: str) -> None:
    assert str(round_money(Decimal(amount))) == rounded


@pytest.mark.parametrize(
    ("eur", "bgn"), [("390", "762.77"), ("1", "1.96"), ("0.01", "0.02"), ("100", "195.58")]
)
def test_lev_equivalent_uses_the_full_rate(eur: str, bgn: str) -> None:
    assert str(eur_to_bgn(Decimal(eur), Decimal("1.95583"))) == bgn


def test_bulgarian_formatting() -> None:
    assert format_eur(Decimal("1234.5")) == "1\u00a0234,50\u00a0€"
    assert format_hours(Decimal("7.50")) == "7,5\u00a0ч"
    assert format_number(Decimal("-0.5")) == "-0,5"
    assert (decimal_text(Decimal("30.00")), decimal_text(Decimal("1E+1")), decimal_text(Decimal("0.40"))) == (
        "30",
        "10",
        "0.4",
    )
