from datetime import date, timedelta

import holidays
from dateutil.easter import EASTER_ORTHODOX, easter
from samples import BG_DAYS_OFF_2025_2028

from backoffice.website.calendar_source import days_off, official_calendar, with_official_calendar
from calculator import Catalogue

# Labour Code art. 154: the fixed public holidays (month, day).
FIXED = [(1, 1), (3, 3), (5, 1), (5, 6), (5, 24), (9, 6), (9, 22), (12, 24), (12, 25), (12, 26)]
# Days off the government declared in these years (not derivable from the rules).
DECLARED = {date(2025, 12, 31), date(2026, 1, 2)}


def labour_code_days_off(year: int) -> set[date]:
    """An independent reading of the rules: fixed days, Easter days, weekend substitutes."""
    sunday = easter(year, EASTER_ORTHODOX)
    result = {sunday + timedelta(days=n) for n in (-2, -1, 0, 1)}
    fixed = [date(year, m, d) for m, d in FIXED]
    result |= set(fixed)
    # Holidays other than Easter on a weekend move to the next free working days.
    for day in fixed:
        if day.weekday() >= 5:
            substitute = day + timedelta(days=1)
            while substitute.weekday() >= 5 or substitute in result:
                substitute += timedelta(days=1)
            result.add(substitute)
    return result


def test_matches_the_holidays_package_2020_2035() -> None:
    for year in range(2020, 2036):
        expected = sorted(holidays.country_holidays("BG", years=year))
        assert days_off([year]) == expected, year


def test_matches_the_labour_code_rules_2020_2035() -> None:
    for year in range(2020, 2036):
        official, _ = official_calendar([year])
        expected = labour_code_days_off(year) | {d for d in DECLARED if d.year == year}
        assert set(official) == expected, year


def test_snapshot_2025_2028() -> None:
    official, working = official_calendar(range(2025, 2029))
    assert official == BG_DAYS_OFF_2025_2028
    assert working == frozenset()


def test_required_days() -> None:
    off = set(days_off([2026, 2027]))
    assert {date(2027, 5, 4), date(2027, 12, 27), date(2027, 12, 28), date(2026, 1, 2)} <= off


def test_declared_days_are_added_for_the_years_asked() -> None:
    assert days_off([2030], [date(2030, 12, 31), date(2031, 1, 2)])[-1] == date(2030, 12, 31)


def test_historic_working_saturdays_come_from_the_package() -> None:
    _, working = official_calendar([2012])
    assert date(2012, 1, 21) in working


def test_with_official_calendar_covers_effective_year_around(small_catalogue: Catalogue) -> None:
    catalogue = with_official_calendar(small_catalogue)
    assert catalogue.calendar.years == (2025, 2028)
    assert catalogue.calendar.days_off == BG_DAYS_OFF_2025_2028
    assert Catalogue.from_dict(catalogue.to_dict()) == catalogue
