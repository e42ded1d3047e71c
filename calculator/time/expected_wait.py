"""The expected wait before a plan reacts, counted in the customer's own operating hours.

The incident moments are every 15 minutes of real time from 00:00 Sofia time
on the incident's day to 00:00 Sofia time 28 days later, kept only when the
customer operates then: on working days in working hours (``business``,
the catalogue's working hours and business calendar) or at any time
(``24/7``). From each moment the wait runs to the plan's reaction deadline,
the very deadline its card shows (:func:`calculator.time.reaction.guaranteed_deadline`),
and counts only the customer's operating time. A plan without a guarantee
waits, as an estimate, the midpoint of its typical working days in working
time (1.5 working days of 9 hours = 13.5 working hours). The expected wait
is the mean over the moments, rounded half up to 0.01 h.

The page asks for it on every change of the form. A window's mean is kept,
so a new answer for the same day costs a look-up a plan; each day's sum of
waits is kept by the day's shape (which days up to its last deadline are
working days, the clocks not changing), so most days of a new window are
look-ups too: ordinary weeks repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from calculator.catalogue import Operating, Reaction
from calculator.clock import SOFIA
from calculator.time.reaction import guaranteed_deadline
from calculator.time.worktime import WorkCalendar

__all__ = [
    "WINDOW_DAYS",
    "ExpectedWait",
    "estimate_hours",
    "expected_wait",
    "forget",
    "window_moments",
]

WINDOW_DAYS = 28
STEP = timedelta(minutes=15)
ONE_DAY = timedelta(days=1)
HOURS = Decimal("0.01")
MICROSECONDS_PER_HOUR = 3_600_000_000


@dataclass(frozen=True)
class ExpectedWait:
    """A plan's expected wait before reaction.

    Attributes:
        hours: The mean wait in the customer's operating hours, rounded half up to 0.01 h.
        estimate: True for a plan without a guarantee (the wait is estimated).
        moments: How many incident moments the mean is taken over.
    """

    hours: Decimal
    estimate: bool
    moments: int


def estimate_hours(reaction: Reaction, calendar: WorkCalendar) -> Decimal:
    """Working hours a plan without a guarantee is taken to need: the midpoint of its typical days."""
    assert reaction.typical_working_days is not None
    first, last = reaction.typical_working_days
    return Decimal(first + last) / 2 * calendar.day_hours


def _deadline(reaction: Reaction, calendar: WorkCalendar) -> Callable[[datetime], datetime]:
    if reaction.guaranteed:
        return lambda moment: guaranteed_deadline(reaction, moment, calendar)
    hours = estimate_hours(reaction, calendar)
    return lambda moment: calendar.add_working_hours(moment, hours)


@lru_cache(maxsize=512)
def _day_moments(
    day: date, operating: Operating, calendar: WorkCalendar
) -> tuple[tuple[datetime, datetime, bool], ...]:
    """One day's incident moments when the customer operates: Sofia time, UTC, working time or not."""
    # Stepped in UTC: real time, so the March day has 92 moments and the October one 100.
    moment = datetime.combine(day, time(0)).replace(tzinfo=SOFIA).astimezone(UTC)
    stop = datetime.combine(day + ONE_DAY, time(0)).replace(tzinfo=SOFIA).astimezone(UTC)
    found = []
    while moment < stop:
        local = moment.astimezone(SOFIA)
        working = calendar.is_working_moment(local)
        if working or operating == "24/7":
            found.append((local, moment, working))
        moment += STEP
    return tuple(found)


def _measure(reaction: Reaction, day: date, operating: Operating, calendar: WorkCalendar) -> tuple[int, int]:
    """The sum of one day's waits in microseconds, and the number of its moments."""
    deadline = _deadline(reaction, calendar)
    # A deadline counted in working hours starts at the next opening: every
    # moment of a closed stretch shares it, so it is asked for once a stretch.
    shared = not reaction.guaranteed or reaction.calendar != "24/7"
    total = timedelta(0)
    moments = _day_moments(day, operating, calendar)
    closed_end: datetime | None = None
    for moment, utc, working in moments:
        if shared and not working:
            if closed_end is None:
                closed_end = deadline(moment)
            end = closed_end
        else:
            closed_end = None
            end = deadline(moment)
        if operating == "24/7":
            # Aware datetimes of one zone subtract by the wall clock: count in UTC.
            total += end.astimezone(UTC) - utc
        else:
            total += calendar.working_time_between(moment, end)
    return total // timedelta(microseconds=1), len(moments)


def _reach(reaction: Reaction, day: date, calendar: WorkCalendar) -> date:
    """The day on which every deadline of an incident on ``day`` has passed, the clocks not changing.

    Elapsed hours G from before midnight end by the day ``G // 24`` after the
    next. Working hours H = k whole working days + a remainder, counted from
    a moment of ``day`` or from the next opening, end by the (k+1)-th
    working day after ``day``.
    """
    if reaction.guaranteed and reaction.calendar == "24/7":
        assert reaction.guarantee_hours is not None
        return day + (int(reaction.guarantee_hours // 24) + 1) * ONE_DAY
    hours = reaction.guarantee_hours if reaction.guaranteed else estimate_hours(reaction, calendar)
    assert hours is not None
    working_days = int(hours // calendar.day_hours) + 1
    reach = day
    for _ in range(working_days):
        reach = calendar.working_day_on_or_after(reach + ONE_DAY)
    return reach


def _offset(day: date) -> timedelta | None:
    return datetime.combine(day, time(0)).replace(tzinfo=SOFIA).utcoffset()


# Most days look alike: a Tuesday of an ordinary week waits as any other. A
# day's waits depend only on which days are working days up to its reach
# and on the clock not changing in between (wall clock and elapsed time then
# move together, summer or winter), so they are kept by that shape.
_by_shape: dict[tuple[object, ...], tuple[int, int]] = {}
MAX_SHAPES = 4096


@lru_cache(maxsize=4096)
def _day_waits(
    reaction: Reaction, day: date, operating: Operating, calendar: WorkCalendar
) -> tuple[int, int]:
    """The sum of one day's waits in microseconds, and the number of its moments."""
    if operating == "business" and not calendar.is_working_day(day):
        return 0, 0
    reach = _reach(reaction, day, calendar)
    days = [day + offset * ONE_DAY for offset in range((reach - day).days + 2)]
    if len({_offset(each) for each in days}) > 1:
        return _measure(reaction, day, operating, calendar)  # the clocks change: a day of its own
    shape = (
        reaction,
        operating,
        calendar.start,
        calendar.end,
        tuple(calendar.is_working_day(each) for each in days),
    )
    if shape not in _by_shape:
        if len(_by_shape) >= MAX_SHAPES:
            _by_shape.clear()
        _by_shape[shape] = _measure(reaction, day, operating, calendar)
    return _by_shape[shape]


def forget() -> None:
    """Drop every kept day: the next answer computes its waits afresh, as a page's first one does."""
    _window.cache_clear()
    _day_moments.cache_clear()
    _day_waits.cache_clear()
    _by_shape.clear()


def window_moments(day: date, operating: Operating, calendar: WorkCalendar) -> list[datetime]:
    """Every incident moment of the window that starts on ``day``, in order."""
    days = [day + offset * ONE_DAY for offset in range(WINDOW_DAYS)]
    return [moment for each in days for moment, _, _ in _day_moments(each, operating, calendar)]


def expected_wait(
    reaction: Reaction, day: date, operating: Operating, calendar: WorkCalendar
) -> ExpectedWait:
    """The expected wait before reaction for incidents in the 28 days from ``day`` (see the module)."""
    return _window(reaction, day, operating, calendar)


# The page asks again for the same window on every change of the form.
@lru_cache(maxsize=256)
def _window(reaction: Reaction, day: date, operating: Operating, calendar: WorkCalendar) -> ExpectedWait:
    total = count = 0
    for offset in range(WINDOW_DAYS):
        waited, moments = _day_waits(reaction, day + offset * ONE_DAY, operating, calendar)
        total += waited
        count += moments
    if count == 0:
        # The customer never operates in the window: nothing waits.
        return ExpectedWait(Decimal("0.00"), not reaction.guaranteed, 0)
    mean = (Decimal(total) / (count * MICROSECONDS_PER_HOUR)).quantize(HOURS, rounding=ROUND_HALF_UP)
    return ExpectedWait(mean, not reaction.guaranteed, count)
