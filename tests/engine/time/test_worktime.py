from datetime import date, datetime, time
from decimal import Decimal

import pytest
from samples import BG_DAYS_OFF_2025_2028

from calculator.clock import parse_moment
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

BUSINESS = WorkCalendar(time(9), time(18), BG_DAYS_OFF_2025_2028)


def deadline(start: str, hours: str, calendar: WorkCalendar = BUSINESS) -> str:
    return calendar.add_working_hours(parse_moment(start), Decimal(hours)).isoformat()


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # Ordinary days.
        ("2026-11-16T10:00", "4", "2026-11-16T14:00:00+02:00"),
        ("2026-11-16T14:00", "4", "2026-11-16T18:00:00+02:00"),  # ends exactly at closing
        ("2026-11-16T16:00", "4", "2026-11-17T11:00:00+02:00"),
        ("2026-11-16T19:00", "2", "2026-11-17T11:00:00+02:00"),  # starts at the next opening
        ("2026-11-16T07:30", "1.5", "2026-11-16T10:30:00+02:00"),
        ("2026-11-14T10:00", "4", "2026-11-16T13:00:00+02:00"),  # Saturday
        ("2026-11-20T17:00", "0.25", "2026-11-20T17:15:00+02:00"),
        ("2026-11-16T09:00", "27", "2026-11-18T18:00:00+02:00"),  # three whole days
        # Christmas weeks.
        ("2026-12-23T17:00", "4", "2026-12-29T12:00:00+02:00"),  # 24-26 and substitute 28
        ("2027-12-23T15:00", "4", "2027-12-29T10:00:00+02:00"),  # 24 and substitutes 27, 28
        ("2028-12-22T17:00", "4", "2028-12-28T12:00:00+02:00"),  # 25, 26 and substitute 27
        # Easter weeks (Orthodox Easter 2026-04-12, 2027-05-02, 2028-04-16).
        ("2026-04-09T16:00", "4", "2026-04-14T11:00:00+03:00"),
        ("2027-04-29T17:00", "4", "2027-05-05T12:00:00+03:00"),  # and substitute 1 May on 4 May
        ("2028-04-13T17:30", "4", "2028-04-18T12:30:00+03:00"),
        # New year with the declared days off 2025-12-31 and 2026-01-02.
        ("2025-12-30T17:00", "2", "2026-01-05T10:00:00+02:00"),
        # A working day across the spring DST night keeps its wall-clock hours.
        ("2026-03-27T17:00", "2", "2026-03-30T10:00:00+03:00"),
        ("2026-10-23T17:00", "2", "2026-10-26T10:00:00+02:00"),
    ],
)
def test_business_deadlines(start: str, hours: str, expected: str) -> None:
    assert deadline(start, hours) == expected


def test_working_saturday_counts() -> None:
    calendar = WorkCalendar(time(9), time(18), working_days=frozenset({date(2026, 11, 14)}))
    assert deadline("2026-11-13T17:00", "4", calendar) == "2026-11-14T12:00:00+02:00"


def test_declared_day_off_is_skipped() -> None:
    calendar = WorkCalendar(time(9), time(18), days_off=frozenset({date(2026, 11, 16)}))
    assert deadline("2026-11-13T17:00", "4", calendar) == "2026-11-17T12:00:00+02:00"


def test_other_working_hours() -> None:
    calendar = WorkCalendar(time(8, 30), time(12, 45))
    assert deadline("2026-11-16T12:00", "1", calendar) == "2026-11-17T08:45:00+02:00"


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # Spring: 01:30 EET is 23:30 UTC; the clock jumps 03:00 -> 04:00.
        ("2026-03-29T01:30+02:00", "2", "2026-03-29T04:30:00+03:00"),
        ("2026-03-28T23:00+02:00", "4", "2026-03-29T04:00:00+03:00"),
        # Autumn: 04:00 EEST -> 03:00 EET; the hour 03:00-04:00 happens twice.
        ("2026-10-25T02:30+03:00", "2", "2026-10-25T03:30:00+02:00"),
        ("2026-10-25T00:00+03:00", "4", "2026-10-25T03:00:00+02:00"),
        ("2026-10-25T03:30+03:00", "1", "2026-10-25T03:30:00+02:00"),
        # Elapsed time ignores holidays and weekends.
        ("2026-12-24T23:00", "2", "2026-12-25T01:00:00+02:00"),
        ("2026-12-24T23:00Z", "2", "2026-12-25T03:00:00+02:00"),
    ],
)
def test_elapsed_deadlines_across_dst(start: str, hours: str, expected: str) -> None:
    assert add_elapsed_hours(parse_moment(start), Decimal(hours)).isoformat() == expected


def test_next_open_moment() -> None:
    saturday_night = parse_moment("2026-12-26T23:00")
    assert BUSINESS.next_open_moment(saturday_night).isoformat() == "2026-12-29T09:00:00+02:00"


def test_nth_working_day() -> None:
    assert BUSINESS.nth_working_day(date(2026, 12, 23), 2) == date(2026, 12, 30)


def test_cost_grows_with_days_not_minutes() -> None:
    # A year of working hours must not step minute by minute: 2000 h is about
    # 222 working days of 9 h, then 2 h on the 223rd; this takes milliseconds.
    result = BUSINESS.add_working_hours(parse_moment("2026-01-05T09:00"), Decimal(2000))
    assert result.isoformat() == "2026-11-23T11:00:00+02:00"


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        BUSINESS.add_working_hours(datetime(2026, 1, 5, 9), Decimal(1))


def test_nonexistent_local_time_is_refused() -> None:
    with pytest.raises(ValueError, match="does not exist"):
        parse_moment("2026-03-29T03:30")
