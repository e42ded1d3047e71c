"""The ЕИК's check digits in the engine (the build's tests hold it equal to python-stdnum's)."""

import pytest

from calculator.eik import check_digit, is_valid_eik


def test_the_check_digit_of_our_sample_company():
    # 2*1 + 0*2 + 6*3 + 8*4 + 1*5 + 3*6 + 4*7 + 7*8 = 159, 159 mod 11 = 5
    assert check_digit("20681347") == 5


def test_the_second_weights_and_ten_as_zero():
    assert check_digit("20600007") == 7
    assert check_digit("20600012") == 0


@pytest.mark.parametrize(
    ("eik", "valid"),
    [
        ("206813475", True),
        ("2068134750009", True),
        ("206813476", False),
        ("2068134750001", False),
        ("2068134755", False),
        ("２０６８１３４７５", False),  # full-width digits are not an ЕИК's
        ("", False),
    ],
)
def test_valid_and_wrong_codes(eik: str, valid: bool):
    assert is_valid_eik(eik) is valid
