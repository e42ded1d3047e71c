"""Edge module: the official Bulgarian calendar of days off, as plain dates.

The only module that imports ``holidays`` (vacanza). It runs in CPython at
build time, in the CLI and in tests; the result travels to the browser inside
the catalogue JSON, so Pyodide never needs the package.

The ``BG`` calendar's default ``public`` category already holds everything
the Labour Code (art. 154) makes a day off: the fixed holidays, the four
Easter days, the substitute working days after a holiday on a weekend
("(почивен ден)", since 2017; Easter days excluded) and the days the
government declares (e.g. 2026-01-02). Working Saturdays that were moved to
make up for declared days come from its ``weekend_workdays``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

import holidays

from calculator.catalogue import CalendarData, Catalogue

__all__ = ["days_off", "official_calendar", "with_official_calendar"]


def official_calendar(years: Iterable[int]) -> tuple[frozenset[date], frozenset[date]]:
    """Official days off and weekend working days for ``years``.

    Returns:
        ``(days_off, working_days)``: every public holiday, substitute day off
        and declared day off whatever its weekday; and the Saturdays or
        Sundays that were made working days.
    """
    years = sorted(set(years))
    calendar = holidays.country_holidays("BG", years=years)
    wanted = set(years)
    off = frozenset(d for d in calendar if d.year in wanted)
    working = frozenset(d for d in calendar.weekend_workdays if d.year in wanted)
    return off, working


def days_off(years: Iterable[int], declared: Iterable[date] = ()) -> list[date]:
    """Sorted days off for ``years``: official ones plus ``declared`` ones in those years."""
    years = set(years)
    official, _ = official_calendar(years)
    return sorted(official | {d for d in declared if d.year in years})


def with_official_calendar(catalogue: Catalogue, years: tuple[int, int] | None = None) -> Catalogue:
    """Return ``catalogue`` with its calendar's official days filled in.

    Args:
        catalogue: The catalogue (editors' declared days are kept as they are).
        years: First and last year, inclusive; by default the effective
            year - 1 to + 2, enough for any incident moment a visitor may pick
            while this price list is current.
    """
    if years is None:
        year = catalogue.effective.year
        years = (year - 1, year + 2)
    off, working = official_calendar(range(years[0], years[1] + 1))
    if catalogue.calendar.years is not None:
        # Keep the claim of coverage honest when extending an existing range.
        known = catalogue.calendar.years
        years = (min(known[0], years[0]), max(known[1], years[1]))
        off, working = official_calendar(range(years[0], years[1] + 1))
    calendar = dataclasses.replace(
        catalogue.calendar,
        days_off=catalogue.calendar.days_off | off,
        working_days=catalogue.calendar.working_days | working,
        years=years,
    )
    return dataclasses.replace(catalogue, calendar=calendar)


def calendar_for(catalogue: Catalogue, years: Iterable[int]) -> CalendarData:
    """The catalogue's calendar extended with the official days of ``years``."""
    years = sorted(set(years))
    return with_official_calendar(catalogue, (years[0], years[-1])).calendar
