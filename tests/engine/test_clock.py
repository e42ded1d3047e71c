from datetime import time

import pytest

from calculator.clock import parse_clock_time


@pytest.mark.parametrize(
    ("text", "expected"), [("09:00", time(9)), ("00:00", time(0)), ("23:59", time(23, 59))]
)
def test_clock_times(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize("text", ["9:00", "24:00", "12:60", "09:00 ", "0900", "09.00", "٠٩:٠٠", ""])
def test_not_clock_times(text: str) -> None:
    with pytest.raises(ValueError, match="not a time like 09:00"):
        parse_clock_time(text)
