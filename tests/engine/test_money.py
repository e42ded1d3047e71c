from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.money import (
    BGN_PER_EUR,
    bgn_amounts,
    decimal_text,
    eur_to_bgn,
    format_eur,
    format_hours,
    format_number,
    round_money,
    vat_of,
)


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


@pytest.mark.parametrize(
    ("net", "vat", "bgn_net", "bgn_vat", "bgn_gross"),
    [
        # 425 x 1.95583 = 831.22775 -> 831.23; 85 x 1.95583 = 166.24555 -> 166.25;
        # 831.23 + 166.25 = 997.48 (510 x 1.95583 = 997.4733 would say 997.47).
        ("425.00", "85.00", "831.23", "166.25", "997.48"),
        # 468 x 1.95583 = 915.32844 would say 915.33; 325 -> 635.64, 65 -> 127.13.
        ("325.00", "65.00", "635.64", "127.13", "762.77"),
        ("0.01", "0.00", "0.02", "0.00", "0.02"),
        ("300.00", "60.00", "586.75", "117.35", "704.10"),
    ],
)
def test_lev_gross_is_the_sum_of_its_lev_lines(
    net: str, vat: str, bgn_net: str, bgn_vat: str, bgn_gross: str
) -> None:
    leva = bgn_amounts(Decimal(net), Decimal(vat), BGN_PER_EUR)
    assert (str(leva.net), str(leva.vat), str(leva.gross)) == (bgn_net, bgn_vat, bgn_gross)


def test_a_year_in_leva_is_twelve_months_in_leva() -> None:
    year = bgn_amounts(Decimal("425.00"), Decimal("85.00"), BGN_PER_EUR).times(12)
    # 12 x 831.23, 12 x 166.25, and their sum: 9974.76 + 1995.00 = 11969.76.
    assert (str(year.net), str(year.vat), str(year.gross)) == ("9974.76", "1995.00", "11969.76")


@given(
    cents=st.integers(min_value=1, max_value=99_999_999),
    percent=st.sampled_from(["20", "9", "0", "19.5"]),
    months=st.integers(min_value=1, max_value=12),
)
def test_lev_net_plus_lev_vat_is_lev_gross(cents: int, percent: str, months: int) -> None:
    net = Decimal(cents).scaleb(-2)
    vat = vat_of(net, Decimal(percent))
    leva = bgn_amounts(net, vat, BGN_PER_EUR)
    assert (leva.net, leva.vat) == (eur_to_bgn(net, BGN_PER_EUR), eur_to_bgn(vat, BGN_PER_EUR))
    assert leva.net + leva.vat == leva.gross
    assert leva.gross == round_money(leva.gross)
    # The lev gross stays within a stotinka of the euro gross converted on its own.
    assert abs(leva.gross - eur_to_bgn(net + vat, BGN_PER_EUR)) <= Decimal("0.01")
    year = leva.times(months)
    assert year.net + year.vat == year.gross == leva.gross * months


def test_bulgarian_formatting() -> None:
    assert format_eur(Decimal("1234.5")) == "1\u00a0234,50\u00a0€"
    assert format_hours(Decimal("7.50")) == "7,5\u00a0ч"
    assert format_number(Decimal("-0.5")) == "-0,5"
    assert (decimal_text(Decimal("30.00")), decimal_text(Decimal("1E+1")), decimal_text(Decimal("0.40"))) == (
        "30",
        "10",
        "0.4",
    )
