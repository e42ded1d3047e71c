"""Working time: days off, working hours and deadlines counted in them.

The calendar is plain data (dates), so this module runs in the browser
without the ``holidays`` package. Working hours are Sofia wall-clock time;
elapsed (24/7) time is counted in UTC so that it is right across the DST
nights. Deadlines step a day at a time, never a minute at a time: the cost
grows with the number of days crossed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from calculator.catalogue import Catalogue
from calculator.clock import SOFIA, to_sofia

__all__ = ["WorkCalendar", "add_elapsed_hours", "hours_delta"]

ONE_DAY = timedelta(days=1)
# A calendar with no working day for ten years is broken data, not a wait.
MAX_DAYS = 3700


def hours_delta(hours: Decimal) -> timedelta:
    """Exact timedelta for decimal hours (to the microsecond)."""
    return timedelta(microseconds=int(hours * 3_600_000_000))


def add_elapsed_hours(start: datetime, hours: Decimal) -> datetime:
    """``start`` + ``hours`` of real elapsed time, in Sofia time.

    Added in UTC: on 2026-03-29, 01:00 + 2 h is 04:00 local (the clock jumps
    from 03:00 to 04:00), and on 2026-10-25, 02:00 + 2 h is 03:00 local.
    """
    return (to_sofia(start).astimezone(UTC) + hours_delta(hours)).astimezone(SOFIA)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days and hours.

    A working day is Monday to Friday, or a date in ``working_days`` (a
    working Saturday), unless it is in ``days_off`` (public holidays,
    substitute and declared days off).
    """

    start: time
    end: time
    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue, extra_days_off: Iterable[date] = ()) -> WorkCalendar:
        """The catalogue's working hours and calendar, plus ``extra_days_off``."""
        cal = catalogue.calendar
        return cls(
            catalogue.working_hours.start,
            catalogue.working_hours.end,
            cal.all_days_off() | frozenset(extra_days_off),
            cal.all_working_days(),
        )

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        if day in self.days_off:
            return False
        return day.weekday() < 5 or day in self.working_days

    def working_day_on_or_after(self, day: date) -> date:
        """The first working day on or after ``day``."""
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                return day
            day += ONE_DAY
        raise ValueError("no working day in the calendar for ten years")

    def nth_working_day(self, day: date, n: int) -> date:
        """The ``n``-th working day after working day ``day`` (0 = ``day``)."""
        for _ in range(n):
            day = self.working_day_on_or_after(day + ONE_DAY)
        return day

    def _local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at).replace(tzinfo=SOFIA)

    def opening(self, day: date) -> datetime:
        """Opening time of ``day`` (Sofia)."""
        return self._local(day, self.start)

    def closing(self, day: date) -> datetime:
        """Closing time of ``day`` (Sofia)."""
        return self._local(day, self.end)

    def next_open_moment(self, moment: datetime) -> datetime:
        """``moment`` if it is inside working hours, else the next opening."""
        local = to_sofia(moment)
        day, clock = local.date(), local.time().replace(tzinfo=None)
        if self.is_working_day(day) and self.start <= clock < self.end:
            return local
        if self.is_working_day(day) and clock < self.start:
            return self.opening(day)
        return self.opening(self.working_day_on_or_after(day + ONE_DAY))

    @property
    def day_hours(self) -> Decimal:
        """The length of a working day in hours (9 for 09:00-18:00)."""
        minutes = (self.end.hour - self.start.hour) * 60 + self.end.minute - self.start.minute
        return Decimal(minutes) / 60

    def is_working_moment(self, moment: datetime) -> bool:
        """Whether ``moment`` falls inside working hours (opening included, closing not)."""
        local = to_sofia(moment)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The working time from ``start`` to ``end`` (zero if ``end`` is not later).

        Counted by the wall clock, as :meth:`add_working_hours` counts it, so that
        the working time up to ``add_working_hours(start, h)`` is ``h`` when
        ``start`` is inside working hours.
        """
        begin, finish = to_sofia(start).replace(tzinfo=None), to_sofia(end).replace(tzinfo=None)
        total = timedelta(0)
        day = begin.date()
        while day <= finish.date():
            if self.is_working_day(day):
                low = max(begin, datetime.combine(day, self.start))
                high = min(finish, datetime.combine(day, self.end))
                if high > low:
                    total += high - low
            day += ONE_DAY
        return total

    def add_working_hours(self, start: datetime, hours: Decimal) -> datetime:
        """The moment ``hours`` working hours after ``start``, in Sofia time.

        A clock that starts outside working hours starts at the next opening.
        A deadline that falls exactly on closing time stays on that day.
        """
        remaining = hours_delta(hours)
        begin = self.next_open_moment(start)
        day = begin.date()
        # Wall-clock arithmetic on purpose: a working day lasts start-end by
        # the clock on the wall, whatever the UTC offset.
        cursor = begin.replace(tzinfo=None)
        for _ in range(MAX_DAYS):
            available = datetime.combine(day, self.end) - cursor
            if remaining <= available:
                return (cursor + remaining).replace(tzinfo=SOFIA)
            remaining -= available
            day = self.working_day_on_or_after(day + ONE_DAY)
            cursor = datetime.combine(day, self.start)
        raise ValueError("the deadline is more than ten years away")
