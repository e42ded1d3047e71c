from datetime import time
from decimal import Decimal

from samples import BG_DAYS_OFF_2025_2028

from calculator import Catalogue
from calculator.clock import parse_moment
from calculator.time.reaction import format_moment, reaction_for, within
from calculator.time.worktime import WorkCalendar

BUSINESS = WorkCalendar(time(9), time(18), BG_DAYS_OFF_2025_2028)


def test_24_7_guarantee(small_catalogue: Catalogue) -> None:
    outlook = reaction_for(small_catalogue.plan("sub"), parse_moment("2026-12-24T23:00"), BUSINESS)
    assert outlook.guaranteed and not outlook.is_estimate
    assert outlook.deadline is not None
    assert outlook.deadline.isoformat() == "2026-12-25T01:00:00+02:00"
    assert outlook.terms == (
        "гарантирана реакция до 2\u00a0ч, денонощно, включително в почивни и празнични дни"
    )
    assert outlook.detail == (
        "при инцидент в четвъртък, 24.12.2026, 23:00 реагираме до петък, 25.12.2026, 01:00"
    )


def test_a_tuesday_is_written_after_vav(small_catalogue: Catalogue) -> None:
    # Bulgarian writes "във" before a word that starts with в or ф: "във вторник", not "в вторник".
    outlook = reaction_for(small_catalogue.plan("sub"), parse_moment("2026-12-22T10:00"), BUSINESS)
    assert outlook.detail == (
        "при инцидент във вторник, 22.12.2026, 10:00 реагираме до вторник, 22.12.2026, 12:00"
    )


def test_working_hours_guarantee(small_catalogue: Catalogue) -> None:
    outlook = reaction_for(small_catalogue.plan("hourly"), parse_moment("2026-12-23T17:00"), BUSINESS)
    assert outlook.deadline is not None
    assert outlook.deadline.isoformat() == "2026-12-29T12:00:00+02:00"
    assert outlook.terms == (
        "гарантирана реакция до 4\u00a0ч работно време (пон.–пет. 09:00–18:00, без празници)"
    )
    assert not within(outlook, Decimal(4))
    assert within(outlook, Decimal(200))


def test_estimate_window_one_to_two_working_days(small_catalogue: Catalogue) -> None:
    outlook = reaction_for(small_catalogue.plan("job"), parse_moment("2026-12-23T17:00"), BUSINESS)
    assert outlook.is_estimate and outlook.deadline is None
    assert outlook.earliest is not None and outlook.latest is not None
    assert outlook.earliest.isoformat() == "2026-12-29T09:00:00+02:00"
    assert outlook.latest.isoformat() == "2026-12-30T18:00:00+02:00"
    assert outlook.terms == "без гарантиран срок; обикновено в рамките на 1–2 работни дни (ориентировъчно)"
    assert not within(outlook, Decimal(720))


def test_estimate_window_same_or_next_day_from_a_weekend(small_catalogue: Catalogue) -> None:
    outlook = reaction_for(small_catalogue.plan("sos"), parse_moment("2026-11-14T10:00"), BUSINESS)
    assert outlook.earliest is not None and outlook.latest is not None
    assert outlook.earliest.isoformat() == "2026-11-16T09:00:00+02:00"
    assert outlook.latest.isoformat() == "2026-11-17T18:00:00+02:00"
    assert outlook.terms == (
        "без гарантиран срок; обикновено в същия или до края на следващия работен ден (ориентировъчно)"
    )
    data = outlook.to_dict()
    assert (data["estimate"], data["typical_working_days"], data["deadline"]) == (True, [0, 1], None)


def test_estimate_same_day_when_the_incident_is_in_working_hours(small_catalogue: Catalogue) -> None:
    outlook = reaction_for(small_catalogue.plan("sos"), parse_moment("2026-11-16T11:20"), BUSINESS)
    assert outlook.earliest is not None and outlook.latest is not None
    assert (outlook.earliest.isoformat(), outlook.latest.isoformat()) == (
        "2026-11-16T11:20:00+02:00",
        "2026-11-17T18:00:00+02:00",
    )


def test_format_moment() -> None:
    assert format_moment(parse_moment("2027-05-02T08:05")) == "неделя, 02.05.2027, 08:05"
