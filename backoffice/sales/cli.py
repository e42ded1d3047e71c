"""Command line for sales and tests: ``python -m calculator``.

Commands::

    deadline --start 2026-12-23T17:00 --hours 4 --calendar business [--workday 09:00-18:00]
    holidays --year 2027
    quote [profile options] [--downtime-cost EUR --operating business|24/7] [--link LINK] [--json] [--bgn]

Every command reads the catalogue from the plan pages (``--docs``, default
``docs``). Bad input of any kind ends with exit status 2 and one line on
stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TextIO

from backoffice.build.calendar_source import calendar_for, days_off
from backoffice.build.sources import load_catalogue
from backoffice.sales.quote_table import quote_table
from calculator.catalogue import CALENDAR_24_7, CALENDAR_BUSINESS, OPERATING, Catalogue
from calculator.clock import SOFIA, parse_clock_time, parse_moment
from calculator.errors import CatalogueError, ProfileError, QuoteLinkError
from calculator.numbers import NumberProblem, read_decimal
from calculator.page.links import decode_link, encode_link
from calculator.pricing.quote import Quote, quote
from calculator.profile.profile import Profile
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

__all__ = ["main"]

PROG = "calculator"
MAX_DEADLINE_HOURS = Decimal(10_000)
# Profile field -> the option that sets it, for error messages.
OPTIONS = {
    "customer": "--customer",
    "workstations": "--workstations",
    "servers": "--servers",
    "incidents": "--incidents",
    "regular_hours": "--hours",
    "visits": "--visits",
    "distance_km": "--km",
    "reaction_hours": "--reaction",
    "incident_at": "--at",
    "downtime_cost": "--downtime-cost",
    "operating": "--operating",
}


class UsageError(Exception):
    """Bad input: reported on one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the usage too; one line says enough and stays greppable.
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    docs = _Parser(add_help=False)
    docs.add_argument("--docs", type=Path, help="the MkDocs docs directory (default: docs)")
    parser = _Parser(prog=PROG, description="Цени, срокове за реакция и оферти по плановете.")
    parser.add_argument("--docs", dest="docs_main", type=Path, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    cmd = commands.add_parser("deadline", parents=[docs], help="reaction deadline")
    cmd.add_argument("--start", required=True, help="ISO 8601; without an offset: Sofia time")
    cmd.add_argument("--hours", required=True, help="guaranteed hours, e.g. 4 or 1.5")
    cmd.add_argument("--calendar", required=True, choices=[CALENDAR_BUSINESS, CALENDAR_24_7])
    cmd.add_argument("--workday", help="working hours, e.g. 09:00-18:00 (default: the catalogue's)")

    cmd = commands.add_parser("holidays", parents=[docs], help="days off of a year")
    cmd.add_argument("--year", required=True, type=int)

    cmd = commands.add_parser("quote", parents=[docs], help="price every plan for a profile")
    cmd.add_argument("--customer", choices=["business", "individual"])
    cmd.add_argument("--workstations")
    cmd.add_argument("--servers")
    cmd.add_argument("--incidents", help="expected incidents a month")
    cmd.add_argument("--hours", help="hours of regular work a month (default: from the devices)")
    cmd.add_argument("--visits", help="on-site visits a month")
    cmd.add_argument("--km", help="one-way distance of a visit outside the home city")
    cmd.add_argument("--reaction", help="the reaction time needed, in hours")
    cmd.add_argument("--at", help="when an incident happens (default: now)")
    cmd.add_argument(
        "--downtime-cost", help="euro an hour of stopped work costs; weighs each plan's expected wait"
    )
    cmd.add_argument(
        "--operating", choices=list(OPERATING), help="when the customer works (default: business)"
    )
    cmd.add_argument("--link", help="a quote link: a whole URL or its fragment")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--bgn", action="store_true", help="add the lev equivalents")
    return parser


def _catalogue(args: argparse.Namespace) -> Catalogue:
    docs = args.docs or args.docs_main or Path("docs")
    return load_catalogue(docs, with_holidays=False)


def _workday(text: str | None, catalogue: Catalogue) -> tuple[time, time]:
    if text is None:
        return catalogue.working_hours.start, catalogue.working_hours.end
    opening, _, closing = text.strip().partition("-")
    try:
        start, end = parse_clock_time(opening), parse_clock_time(closing)
    except ValueError:
        raise UsageError(f"--workday: expected HH:MM-HH:MM, got {text!r}") from None
    if start >= end:
        raise UsageError("--workday: the end must be later than the start")
    return start, end


def _deadline(args: argparse.Namespace, out: TextIO) -> None:
    try:
        start = parse_moment(args.start)
    except ValueError as err:
        raise UsageError(f"--start: not a valid moment ({err})") from None
    bounds = f"--hours: must be more than 0 and at most {MAX_DEADLINE_HOURS}"
    try:
        hours = read_decimal(args.hours, Decimal(0), MAX_DEADLINE_HOURS, None)
    except NumberProblem as problem:
        words = f"--hours: not a number: {args.hours!r}" if problem.problem == "not_a_number" else bounds
        raise UsageError(words) from None
    if hours == 0:
        raise UsageError(bounds)
    catalogue = _catalogue(args)
    opening, closing = _workday(args.workday, catalogue)
    if args.calendar == CALENDAR_24_7:
        out.write(add_elapsed_hours(start, hours).isoformat() + "\n")
        return
    # Enough years of official days off for the longest stretch asked.
    years = range(start.year - 1, start.year + 3 + int(hours // 1500))
    cal = calendar_for(catalogue, years)
    work = WorkCalendar(opening, closing, cal.all_days_off(), cal.all_working_days())
    out.write(work.add_working_hours(start, hours).isoformat() + "\n")


def _holidays(args: argparse.Namespace, out: TextIO) -> None:
    if not 1991 <= args.year <= 2100:
        raise UsageError("--year: must be between 1991 and 2100")
    declared: set[date] = set(_catalogue(args).calendar.declared_days_off)
    for day in days_off([args.year], declared):
        out.write(day.isoformat() + "\n")


def _profile(args: argparse.Namespace) -> tuple[Profile, str | None]:
    base, linked = Profile(), None
    if args.link is not None:
        try:
            link = decode_link(args.link)
        except QuoteLinkError as err:
            raise UsageError(f"--link: {err}") from None
        base, linked = link.profile, link.price_list
    given: dict[str, Any] = {
        "customer": args.customer,
        "workstations": args.workstations,
        "servers": args.servers,
        "incidents": args.incidents,
        "regular_hours": args.hours,
        "visits": args.visits,
        "distance_km": args.km,
        "reaction_hours": args.reaction,
        "incident_at": args.at,
        "downtime_cost": args.downtime_cost,
        "operating": args.operating,
    }
    values = {item.name: getattr(base, item.name) for item in fields(Profile)}
    values.update({key: value for key, value in given.items() if value is not None})
    if isinstance(values["incident_at"], str):
        try:
            values["incident_at"] = parse_moment(values["incident_at"])
        except ValueError as err:
            raise UsageError(f"--at: not a valid moment ({err})") from None
    try:
        profile = Profile.from_dict(values)
    except ProfileError as err:
        raise UsageError(f"{OPTIONS.get(err.field, err.field)}: {err.reason}") from None
    return profile, linked


def _quote(args: argparse.Namespace, out: TextIO) -> None:
    profile, linked = _profile(args)
    catalogue = _catalogue(args)
    moment = profile.incident_at or datetime.now(SOFIA)
    # Official days off around the incident moment, whatever the price list's year.
    years = range(moment.year - 1, moment.year + 3)
    catalogue = replace(catalogue, calendar=calendar_for(catalogue, years))
    result: Quote = quote(catalogue, profile, now=moment, with_bgn=args.bgn)
    link = encode_link(result.price_list, result.profile)
    if args.json:
        # The link stands after the break-even points, where the JSON has always had it.
        data = {}
        for key, value in result.to_dict().items():
            data[key] = value
            if key == "break_even":
                data["link"] = link
        data["link_price_list"] = linked
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(quote_table(result, link, linked_price_list=linked))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        {"deadline": _deadline, "holidays": _holidays, "quote": _quote}[args.command](args, out)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    except (UsageError, CatalogueError) as problem:
        err.write(f"{PROG}: error: {' '.join(str(problem).split())}\n")
        return 2
    return 0
