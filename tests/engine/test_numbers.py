from decimal import Decimal

import pytest

from calculator import CatalogueError, ProfileError
from calculator.catalogue.readers import Ctx, hours
from calculator.numbers import NumberProblem, read_decimal
from calculator.profile.fields import BY_NAME

D = Decimal


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (True, "not_a_number"),
        (None, "not_a_number"),
        ([7], "not_a_number"),
        ("", "not_a_number"),
        ("7,5", "not_a_number"),
        ("1_000", "not_a_number"),
        ("7 h", "not_a_number"),
        (7.5, "not_a_number"),
        ("NaN", "not_finite"),
        ("-Infinity", "not_finite"),
        ("-0.01", "too_small"),
        ("100.01", "too_large"),
        ("1e3", "too_large"),
        ("7.125", "too_precise"),
    ],
)
def test_what_is_wrong_with_a_number(value: object, problem: str) -> None:
    with pytest.raises(NumberProblem) as info:
        read_decimal(value, D(0), D(100), 2)
    assert info.value.problem == problem


@pytest.mark.parametrize(
    ("value", "number"),
    [(" 7.5 ", "7.5"), (7, "7"), (D("7.50"), "7.50"), ("7.500", "7.500"), ("1E+1", "1E+1"), ("0", "0")],
)
def test_plain_numbers_are_read_exactly(value: object, number: str) -> None:
    assert str(read_decimal(value, D(0), D(100), 2)) == number


def test_floats_and_counted_zeros_are_the_editors_choices() -> None:
    assert read_decimal(7.5, D(0), D(100), 2, floats=True) == D("7.5")
    with pytest.raises(NumberProblem):
        read_decimal("7.500", D(0), D(100), 2, count_zeros=True)
    assert read_decimal("7.123456", D(0), D(100), None) == D("7.123456")


def editor(value: object) -> str:
    with pytest.raises(CatalogueError) as info:
        hours(Ctx("sub"), value, "plan.included_hours")
    return str(info.value)


def visitor(value: object) -> str:
    with pytest.raises(ProfileError) as info:
        BY_NAME["regular_hours"].check(value)
    return str(info.value)


@pytest.mark.parametrize(
    ("value", "for_editors", "for_visitors"),
    [
        (
            "1_000",
            "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е '1_000'",
            "трябва да е число",
        ),
        ("inf", "трябва да е истинско число (напр. 38.50); написано е 'inf'", "трябва да е число"),
        ("-1", "не може да е отрицателно; написано е '-1'", "трябва да е между 0 и 10000"),
        ("10001", "трябва да е най-много 1000; написано е '10001'", "трябва да е между 0 и 10000"),
        (
            "7.125",
            "позволени са най-много 2 знака след точката; написано е '7.125'",
            "най-много 2 знака след десетичната запетая",
        ),
    ],
)
def test_one_reader_words_problems_for_editors_and_for_visitors(
    value: str, for_editors: str, for_visitors: str
) -> None:
    assert editor(value) == f"plan.included_hours (план „sub“): {for_editors}"
    assert visitor(value) == f"regular_hours: {for_visitors}"


def test_zeros_past_the_places_are_refused_to_editors_only() -> None:
    assert (
        editor("7.500")
        == "plan.included_hours (план „sub“): позволени са най-много 2 знака след точката; написано е '7.500'"
    )
    assert BY_NAME["regular_hours"].check("7.500") == D("7.5")
    assert BY_NAME["workstations"].check("10.0") == 10
