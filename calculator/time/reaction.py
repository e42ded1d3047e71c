"""Reaction terms of a plan and its deadline for a given incident moment.

A guarantee counted "24/7" is elapsed time (right across the DST nights); one
counted in "business" hours skips nights, weekends and days off. A plan
without a guarantee gets an estimated window, clearly marked as an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from calculator.catalogue import CALENDAR_24_7, Plan, Reaction
from calculator.money import decimal_text, format_hours
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

__all__ = ["ReactionOutlook", "format_moment", "reaction_for", "terms_text"]

WEEKDAYS = ("понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя")


def format_moment(moment: datetime) -> str:
    """Bulgarian date and time, e.g. ``сряда, 23.12.2026, 17:00``."""
    return f"{WEEKDAYS[moment.weekday()]}, {moment:%d.%m.%Y, %H:%M}"


def at_moment(moment: datetime) -> str:
    """The moment after "в": ``в сряда, 23.12.2026, 17:00``, but ``във вторник, ...`` (във before в and ф)."""
    text = format_moment(moment)
    return f"{'във' if text[0] in 'вф' else 'в'} {text}"


def _window_text(first: int, last: int) -> str:
    if (first, last) == (0, 0):
        return "обикновено в същия работен ден"
    if (first, last) == (0, 1):
        return "обикновено в същия или до края на следващия работен ден"
    if (first, last) == (1, 1):
        return "обикновено до края на следващия работен ден"
    if first == last:
        return f"обикновено до {last} работни дни"
    return f"обикновено в рамките на {first}–{last} работни дни"


def terms_text(reaction: Reaction, calendar: WorkCalendar, *, brief: bool = False) -> str:
    """The reaction terms in Bulgarian words, without a moment.

    Args:
        reaction: The plan's terms.
        calendar: For the working hours a working-hours guarantee counts.
        brief: The short form for tables and running text on the site
            ("до 2 ч, денонощно, ..."), without "гарантирана реакция".
    """
    if reaction.guarantee_hours is None:
        assert reaction.typical_working_days is not None
        lead = "без гаранция" if brief else "без гарантиран срок"
        return f"{lead}; {_window_text(*reaction.typical_working_days)} (ориентировъчно)"
    hours = format_hours(reaction.guarantee_hours)
    if reaction.calendar == CALENDAR_24_7:
        terms = f"до {hours}, денонощно, включително в почивни и празнични дни"
    else:
        span = f"{calendar.start:%H:%M}–{calendar.end:%H:%M}"
        terms = f"до {hours} работно време (пон.–пет. {span}, без празници)"
    return terms if brief else f"гарантирана реакция {terms}"


@dataclass(frozen=True)
class ReactionOutlook:
    """A plan's reaction for one incident moment.

    Attributes:
        guaranteed: Whether ``deadline`` is a guarantee.
        deadline: The guaranteed deadline (Sofia time) or ``None``.
        earliest: Start of the estimated window (no guarantee) or ``None``.
        latest: End of the estimated window (no guarantee) or ``None``.
        terms: The terms in words.
        detail: What they mean for this moment, in words.
    """

    reaction: Reaction
    incident_at: datetime
    guaranteed: bool
    deadline: datetime | None
    earliest: datetime | None
    latest: datetime | None
    terms: str
    detail: str

    @property
    def is_estimate(self) -> bool:
        """True when the reaction time is only an estimate."""
        return not self.guaranteed

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (ISO 8601 moments with offset)."""

        def iso(moment: datetime | None) -> str | None:
            return None if moment is None else moment.isoformat()

        reaction = self.reaction
        return {
            "guaranteed": self.guaranteed,
            "estimate": self.is_estimate,
            "guarantee_hours": None
            if reaction.guarantee_hours is None
            else decimal_text(reaction.guarantee_hours),
            "calendar": reaction.calendar,
            "typical_working_days": None
            if reaction.typical_working_days is None
            else list(reaction.typical_working_days),
            "incident_at": iso(self.incident_at),
            "deadline": iso(self.deadline),
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "terms": self.terms,
            "detail": self.detail,
        }


def guaranteed_deadline(reaction: Reaction, incident_at: datetime, calendar: WorkCalendar) -> datetime:
    """Deadline of a guaranteed reaction for an incident at ``incident_at``."""
    assert reaction.guarantee_hours is not None
    if reaction.calendar == CALENDAR_24_7:
        return add_elapsed_hours(incident_at, reaction.guarantee_hours)
    return calendar.add_working_hours(incident_at, reaction.guarantee_hours)


def reaction_for(plan: Plan, incident_at: datetime, calendar: WorkCalendar) -> ReactionOutlook:
    """The reaction of ``plan`` to an incident at ``incident_at``.

    Estimated windows: working day 0 is the incident's day if it happens
    before closing on a working day, else the next working day; the window
    runs from the first working moment of day ``a`` to closing on day ``b``.
    """
    reaction = plan.reaction
    terms = terms_text(reaction, calendar)
    if reaction.guaranteed:
        deadline = guaranteed_deadline(reaction, incident_at, calendar)
        detail = f"при инцидент {at_moment(incident_at)} реагираме до {format_moment(deadline)}"
        return ReactionOutlook(reaction, incident_at, True, deadline, None, None, terms, detail)
    assert reaction.typical_working_days is not None
    first, last = reaction.typical_working_days
    start = calendar.next_open_moment(incident_at)
    day0 = start.date()
    earliest = start if first == 0 else calendar.opening(calendar.nth_working_day(day0, first))
    latest = calendar.closing(calendar.nth_working_day(day0, last))
    detail = (
        f"при инцидент {at_moment(incident_at)} обикновено реагираме между "
        f"{format_moment(earliest)} и {format_moment(latest)} - ориентировъчно, без гаранция"
    )
    return ReactionOutlook(reaction, incident_at, False, None, earliest, latest, terms, detail)


def within(outlook: ReactionOutlook, required_hours: Decimal) -> bool:
    """Whether a guaranteed deadline falls within ``required_hours`` of elapsed time."""
    if outlook.deadline is None:
        return False
    return outlook.deadline <= add_elapsed_hours(outlook.incident_at, required_hours)
