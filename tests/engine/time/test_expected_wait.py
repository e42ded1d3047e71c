"""The expected wait before reaction, against a reference that counts quarter hours one by one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import BG_DAYS_OFF_2025_2028

from calculator.catalogue import Plan, Reaction
from calculator.clock import SOFIA
from calculator.time.expected_wait import Operating, expected_wait, window_moments
from calculator.time.reaction import reaction_for
from calculator.time.worktime import WorkCalendar

D = Decimal
CALENDAR = WorkCalendar(time(9), time(18), BG_DAYS_OFF_2025_2028)
# The reaction terms of the site's sample plans (docs/plans).
SAMPLE = {
    "premium": Reaction(D(2), "24/7"),
    "standard": Reaction(D(4), "24/7"),
    "pochasov": Reaction(D(4), "business"),
    "na-rabota": Reaction(typical_working_days=(1, 2)),
    "avariyna": Reaction(typical_working_days=(0, 1)),
}
QUARTER = timedelta(minutes=15)
CHRISTMAS = date(2026, 12, 21)  # to 17.01.2027: 24-28 Dec and 1 Jan are days off
SPRING_DST = date(2027, 3, 22)  # the clocks jump from 03:00 to 04:00 on Sunday 28.03.2027
EASTER = date(2027, 4, 26)  # Orthodox Easter 02.05.2027: 30 Apr to 4 May off, and 6 May


def reference(reaction: Reaction, day: date, operating: Operating) -> tuple[Decimal, int]:
    """The expected wait by brute force: the card's deadline, then quarter hours counted one by one.

    Every deadline of the sample terms falls on a quarter hour, so a wait is a
    whole number of quarters: those of them the customer operates in. A plan
    without a guarantee reacts after its midpoint of working days in working
    quarters, counted here from the quarters themselves.
    """
    start = datetime.combine(day, time(0)).replace(tzinfo=SOFIA).astimezone(UTC)
    stop = datetime.combine(day + timedelta(days=28), time(0)).replace(tzinfo=SOFIA).astimezone(UTC)
    slots = []  # (start of the quarter in UTC, working quarter)
    moment = start
    while moment < stop + timedelta(days=40):
        local = moment.astimezone(SOFIA)
        slots.append((moment, CALENDAR.is_working_day(local.date()) and time(9) <= local.time() < time(18)))
        moment += QUARTER
    work = [0]
    for _, working in slots:
        work.append(work[-1] + working)
    plan = Plan("p", "hourly", "План", 1, reaction, True, D(40))
    total = count = 0
    for index, (moment, working) in enumerate(slots):
        if moment >= stop:
            break
        if operating == "business" and not working:
            continue
        if reaction.guaranteed:
            deadline = reaction_for(plan, moment.astimezone(SOFIA), CALENDAR).deadline
            assert deadline is not None
            end = int((deadline.astimezone(UTC) - start) / QUARTER)
            assert start + end * QUARTER == deadline.astimezone(UTC)
        else:
            first, last = reaction.typical_working_days or (0, 0)
            needed = (first + last) * 9 * 4 // 2
            end = next(j for j in range(index, len(work)) if work[j] - work[index] == needed)
        total += (work[end] - work[index]) if operating == "business" else end - index
        count += 1
    return (D(total) / 4 / count).quantize(D("0.01"), rounding=ROUND_HALF_UP), count


@pytest.mark.parametrize(
    ("day", "operating", "expected", "moments"),
    [
        # Premium for an office: 29 moments a day (09:00-16:00) wait 2 h, the 7 after wait
        # to closing (1.75 h ... 0.25 h, 7 h in all): 65 h / 36 moments = 1.8056 h.
        (CHRISTMAS, "business", ["1.81", "3.17", "4.00", "13.50", "4.50"], 576),
        (CHRISTMAS, "24/7", ["2.00", "4.00", "34.15", "69.33", "35.04"], 2688),
        (SPRING_DST, "business", ["1.81", "3.17", "4.00", "13.50", "4.50"], 720),
        # The March night has 23 hours: 4 quarter hours fewer.
        (SPRING_DST, "24/7", ["2.00", "4.00", "21.26", "52.95", "22.12"], 2684),
        (EASTER, "business", ["1.81", "3.17", "4.00", "13.50", "4.50"], 576),
        (EASTER, "24/7", ["2.00", "4.00", "34.50", "76.55", "35.41"], 2688),
    ],
)
def test_the_sample_plans_expected_wait(
    day: date, operating: Operating, expected: list[str], moments: int
) -> None:
    waits = [expected_wait(reaction, day, operating, CALENDAR) for reaction in SAMPLE.values()]
    assert [str(wait.hours) for wait in waits] == expected
    assert {wait.moments for wait in waits} == {moments}
    assert [wait.estimate for wait in waits] == [False, False, False, True, True]


@pytest.mark.parametrize("day", [CHRISTMAS, SPRING_DST, EASTER, date(2026, 10, 19)])
@pytest.mark.parametrize("operating", ["business", "24/7"])
@pytest.mark.parametrize("plan", list(SAMPLE))
def test_the_wait_agrees_with_the_cards_deadline_counted_quarter_by_quarter(
    day: date, operating: Operating, plan: str
) -> None:
    wait = expected_wait(SAMPLE[plan], day, operating, CALENDAR)
    assert (wait.hours, wait.moments) == reference(SAMPLE[plan], day, operating)


def test_the_moments_are_every_quarter_of_real_time_from_midnight() -> None:
    moments = window_moments(date(2026, 10, 19), "24/7", CALENDAR)
    # The October night has 25 hours: 4 quarter hours more.
    assert len(moments) == 28 * 96 + 4
    assert moments[0].isoformat() == "2026-10-19T00:00:00+03:00"
    assert moments[-1].isoformat() == "2026-11-15T23:45:00+02:00"
    office = window_moments(CHRISTMAS, "business", CALENDAR)
    assert office[0].isoformat() == "2026-12-21T09:00:00+02:00"
    assert office[-1].isoformat() == "2027-01-15T17:45:00+02:00"
    assert (
        sorted({m.date() for m in office} & {date(2026, 12, 24), date(2026, 12, 28), date(2027, 1, 1)}) == []
    )


def test_a_customer_who_never_operates_in_the_window_waits_nothing() -> None:
    closed = WorkCalendar(time(9), time(18), frozenset(CHRISTMAS + timedelta(days=n) for n in range(28)))
    wait = expected_wait(SAMPLE["pochasov"], CHRISTMAS, "business", closed)
    assert (str(wait.hours), wait.moments) == ("0.00", 0)


days = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 11, 30))
guarantees = st.decimals(min_value=D("0.01"), max_value=D(300), places=2)
WAITS = settings(max_examples=25, deadline=None)


@WAITS
@given(days, guarantees)
def test_a_24_7_guarantee_for_a_24_7_business_waits_exactly_the_guarantee(day: date, hours: Decimal) -> None:
    assert expected_wait(Reaction(hours, "24/7"), day, "24/7", CALENDAR).hours == hours


@WAITS
@given(
    days, guarantees, guarantees, st.sampled_from(["24/7", "business"]), st.sampled_from(["24/7", "business"])
)
def test_a_faster_guarantee_never_waits_longer(
    day: date, one: Decimal, other: Decimal, counted: str, operating: Operating
) -> None:
    faster, slower = sorted([one, other])
    wait_faster = expected_wait(Reaction(faster, counted), day, operating, CALENDAR)
    wait_slower = expected_wait(Reaction(slower, counted), day, operating, CALENDAR)
    assert wait_faster.hours <= wait_slower.hours
