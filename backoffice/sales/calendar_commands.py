"""The commands on working time: deadline (a reaction's deadline) and holidays (a year's days off)."""

from __future__ import annotations

import argparse
from datetime import date, time
from decimal import Decimal
from typing import TextIO

from backoffice.sales.options import read_catalogue
from backoffice.sales.usage import UsageError
from backoffice.website.calendar_source import calendar_for, days_off
from calculator.catalogue import CALENDAR_24_7, Catalogue
from calculator.clock import parse_clock_time, parse_moment
from calculator.numbers import NumberProblem, read_decimal
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

__all__ = ["run_deadline", "run_holidays"]

MAX_DEADLINE_HOURS = Decimal(10_000)


def _workday(text: str | None, catalogue: Catalogue) -> tuple[time, time]:
    if text is None:
        return catalogue.working_hours.start, catalogue.working_hours.end
    opening, _, closing = text.strip().partition("-")
    try:
        start, end = parse_clock_time(opening), parse_clock_time(closing)
    except ValueError:
        raise UsageError(f"--workday: очаква се ЧЧ:ММ-ЧЧ:ММ, а е {text!r}") from None
    if start >= end:
        raise UsageError("--workday: краят трябва да е след началото")
    return start, end


def run_deadline(args: argparse.Namespace, out: TextIO) -> None:
    """``deadline``: the moment a reaction of ``--hours`` from ``--start`` is due, on ``--calendar``."""
    try:
        start = parse_moment(args.start)
    except ValueError:
        raise UsageError(f"--start: няма такъв момент ({args.start!r})") from None
    bounds = f"--hours: трябва да е повече от 0 и най-много {MAX_DEADLINE_HOURS}"
    try:
        hours = read_decimal(args.hours, Decimal(0), MAX_DEADLINE_HOURS, None)
    except NumberProblem as problem:
        words = f"--hours: не е число: {args.hours!r}" if problem.problem == "not_a_number" else bounds
        raise UsageError(words) from None
    if hours == 0:
        raise UsageError(bounds)
    catalogue = read_catalogue(args)
    opening, closing = _workday(args.workday, catalogue)
    if args.calendar == CALENDAR_24_7:
        out.write(add_elapsed_hours(start, hours).isoformat() + "\n")
        return
    # Enough years of official days off for the longest stretch asked.
    years = range(start.year - 1, start.year + 3 + int(hours // 1500))
    cal = calendar_for(catalogue, years)
    work = WorkCalendar(opening, closing, cal.all_days_off(), cal.all_working_days())
    out.write(work.add_working_hours(start, hours).isoformat() + "\n")


def run_holidays(args: argparse.Namespace, out: TextIO) -> None:
    """``holidays``: the official days off of ``--year``, one a line."""
    if not 1991 <= args.year <= 2100:
        raise UsageError("--year: трябва да е между 1991 и 2100")
    declared: set[date] = set(read_catalogue(args).calendar.declared_days_off)
    for day in days_off([args.year], declared):
        out.write(day.isoformat() + "\n")
