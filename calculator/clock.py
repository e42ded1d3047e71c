"""Sofia time: the one time zone of quotes, deadlines and links.

Arithmetic on elapsed time happens in UTC; Sofia wall-clock time is for
working hours and for display. ``zoneinfo`` needs the ``tzdata`` wheel in
Pyodide (and on systems without a zone database).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

__all__ = ["CLOCK_TIME", "SOFIA", "is_ambiguous", "parse_clock_time", "parse_moment", "to_sofia"]

SOFIA = ZoneInfo("Europe/Sofia")
#: A wall-clock time as people write it in the price list and the CLI: ``HH:MM``, 00:00 to 23:59.
CLOCK_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def to_sofia(moment: datetime) -> datetime:
    """Convert an aware datetime to Sofia time (naive input is refused)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a moment needs a time zone")
    return moment.astimezone(SOFIA)


def parse_clock_time(text: str) -> time:
    """Read an ``HH:MM`` wall-clock time (:data:`CLOCK_TIME`, nothing around it).

    Raises:
        ValueError: anything else.
    """
    match = CLOCK_TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"not a time like 09:00: {text!r}")
    return time(int(match[1]), int(match[2]))


def is_ambiguous(local: datetime) -> bool:
    """Whether a Sofia wall-clock time occurs twice (the autumn DST night)."""
    naive = local.replace(tzinfo=SOFIA)
    return naive.replace(fold=0).utcoffset() != naive.replace(fold=1).utcoffset()


def _exists(naive: datetime) -> bool:
    # A time in the spring gap (03:00-04:00 on the last Sunday of March)
    # does not survive a trip through UTC.
    local = naive.replace(tzinfo=SOFIA)
    back = local.astimezone(UTC).astimezone(SOFIA).replace(tzinfo=None, fold=0)
    return back == naive.replace(fold=0)


def parse_moment(text: str) -> datetime:
    """Parse ISO 8601 date-time text; without an offset it is Sofia time.

    An ambiguous Sofia time (the repeated hour in October) is read as the
    first of the two (summer time), as people mean when they give no offset.

    Raises:
        ValueError: malformed text, a Sofia time that does not exist, or one at the
            very ends of the datetime range (year 1, year 9999).
    """
    text = text.strip()
    if len(text) > 40:
        raise ValueError("too long")
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    try:
        if moment.tzinfo is None:
            if not _exists(moment):
                raise ValueError("this Sofia time does not exist (clocks jump forward)")
            moment = moment.replace(tzinfo=SOFIA, fold=0)
        return to_sofia(moment)
    except OverflowError:
        # Year 1 or 9999 near midnight: the trip through UTC leaves the
        # datetime range. Callers expect a ValueError for any bad moment.
        raise ValueError("out of the datetime range") from None
