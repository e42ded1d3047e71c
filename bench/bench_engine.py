"""Benchmark of the quote engine in CPython.

Measures the median time of (1) a full quote of every plan of the site's
catalogue, (2) a working-hours deadline across a ten-day stretch of days
off (Christmas 2026 plus declared days off up to New Year), and (3) every
plan's expected wait over 28 days from nothing kept (what a page's first
answer, or a first answer for another day, pays; later answers for the same
days look them up), against a trivial baseline (one rounded Decimal
multiplication) timed in the same process, so the ratio is comparable
across machines.

Run: ``python bench/bench_engine.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from backoffice.website.sources import load_catalogue
from calculator import Profile, WorkCalendar
from calculator.clock import SOFIA
from calculator.money import round_money
from calculator.pricing.quote import quote
from calculator.time.expected_wait import expected_wait, forget

ROOT = Path(__file__).resolve().parent.parent


def median_ns(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``func`` in nanoseconds, after a short warm-up."""
    for _ in range(min(runs, 20)):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        func()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    runs = parser.parse_args().runs

    catalogue = load_catalogue(ROOT / "docs")
    incident = datetime(2026, 12, 23, 17, 0, tzinfo=SOFIA)
    profile = Profile(
        workstations=10, servers=2, incidents=Decimal(2), visits=2, distance_km=Decimal(30),
        reaction_hours=Decimal(4), incident_at=incident,
    )  # fmt: skip
    # Christmas 2026 (24-28 Dec) joined to New Year by declared days off:
    # no working day from 24 Dec to 3 Jan.
    declared = {date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)}
    calendar = WorkCalendar.from_catalogue(catalogue, declared)
    hours = Decimal(4)
    deadline = calendar.add_working_hours(incident, hours)
    assert deadline.isoformat() == "2027-01-04T12:00:00+02:00", deadline

    costly = replace(profile, downtime_cost=Decimal(80), operating="24/7")
    window = incident.date()

    def waits_afresh(operating: str) -> Callable[[], object]:
        def run() -> None:
            forget()
            for plan in catalogue.plans:
                expected_wait(plan.reaction, window, operating, calendar)  # type: ignore[arg-type]

        return run

    price, rate = Decimal("390"), Decimal("1.2")
    figures = {
        "baseline (Decimal multiply + round)": median_ns(lambda: round_money(price * rate), runs),
        f"full quote, {len(catalogue.plans)} plans": median_ns(lambda: quote(catalogue, profile), runs),
        "deadline over 11 days off (business)": median_ns(
            lambda: calendar.add_working_hours(incident, hours), runs
        ),
        "full quote, cost of downtime, 24/7": median_ns(lambda: quote(catalogue, costly), runs),
        "expected waits afresh, business": median_ns(waits_afresh("business"), max(runs // 20, 5)),
        "expected waits afresh, 24/7": median_ns(waits_afresh("24/7"), max(runs // 20, 5)),
    }
    base = next(iter(figures.values()))
    print(f"CPython {platform.python_version()} on {platform.machine()}, median of {runs} runs")
    for name, value in figures.items():
        print(f"{name:40s} {value / 1000:10.1f} µs   x{value / base:8.0f}")


if __name__ == "__main__":
    main()
