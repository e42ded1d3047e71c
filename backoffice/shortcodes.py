"""Shortcodes in the pages' Markdown, replaced by tables from the catalogue.

Editors write `<!-- md:plan-terms -->` on a plan page,
`<!-- md:plan-comparison -->` where all plans are compared, and
`<!-- md:plan premium monthly_fee -->` for one figure in a sentence; the
figures come from the front matter, never typed by hand. An unknown shortcode fails the
build, so a typo does not silently print nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue, Plan
from calculator.money import format_eur, format_hours, format_number
from calculator.reaction import terms_text
from calculator.worktime import WorkCalendar

_SHORTCODE = re.compile(r"<!--\s*md:([\w-]+)((?:\s+[\w.-]+)*)\s*-->")


class ShortcodeError(Exception):
    """A shortcode is unknown or used where it cannot work."""


def reaction_text(catalogue: Catalogue, plan: Plan) -> str:
    """The reaction terms of a plan in words, as the calculator says them."""
    return terms_text(plan.reaction, WorkCalendar.from_catalogue(catalogue), brief=True)


def _fee(plan: Plan) -> str:
    if plan.kind == "emergency" and plan.incident_fee is not None:
        return f"от {format_eur(plan.incident_fee)} на инцидент"
    return format_eur(plan.monthly_fee) if plan.monthly_fee else "няма"


def _rate(plan: Plan) -> str:
    text = f"{format_eur(plan.hourly_rate)} на час"
    if plan.kind == "subscription":
        text += " над включените"
    if plan.minimum_hours_per_visit:
        text += f", поне {format_hours(plan.minimum_hours_per_visit)} на посещение"
    return text


def plan_terms(catalogue: Catalogue, meta: Mapping[str, Any], args: list[str]) -> str:
    """The terms table of the plan whose page this is."""
    plan_id = (meta.get("plan") or {}).get("id") if isinstance(meta.get("plan"), Mapping) else None
    if not plan_id:
        raise ShortcodeError("md:plan-terms стои на страница без `plan.id` в началните данни")
    plan = catalogue.plan(str(plan_id))
    rows = [
        ("Месечна такса" if plan.kind != "emergency" else "Цена на инцидент", _fee(plan)),
        ("Включени часове", format_hours(plan.included_hours) if plan.included_hours else "няма"),
        ("Работа", _rate(plan)),
        ("Реакция", reaction_text(catalogue, plan)),
        ("Приоритетно обслужване", "да" if plan.priority else "не"),
    ]
    lines = ["| Условие | Стойност |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in rows]
    lines.append("")
    lines.append(f"Цените са в евро без ДДС ({format_number(catalogue.vat_percent)} %).")
    return "\n".join(lines) + "\n"


def plan_comparison(catalogue: Catalogue, meta: Mapping[str, Any], args: list[str]) -> str:
    """All plans side by side."""
    lines = [
        "| План | Такса | Включени часове | Работа | Реакция | Приоритет |",
        "|---|---|---|---|---|---|",
    ]
    for plan in sorted(catalogue.plans, key=lambda plan: plan.order):
        included = format_hours(plan.included_hours) if plan.included_hours else "-"
        lines.append(
            f"| [{plan.name}]({plan.id}.md) | {_fee(plan)} | {included} | {_rate(plan)} "
            f"| {reaction_text(catalogue, plan)} | {'да' if plan.priority else 'не'} |"
        )
    lines.append("")
    lines.append(f"Цените са в евро без ДДС ({format_number(catalogue.vat_percent)} %).")
    return "\n".join(lines) + "\n"


#: One figure of a plan, as `<!-- md:plan <id> <field> -->` writes it.
PLAN_FIELDS: dict[str, Callable[[Catalogue, Plan], str]] = {
    "name": lambda _, plan: plan.name,
    "monthly_fee": lambda _, plan: format_eur(plan.monthly_fee),
    "included_hours": lambda _, plan: format_hours(plan.included_hours),
    "hourly_rate": lambda _, plan: format_eur(plan.hourly_rate),
    "minimum_hours_per_visit": lambda _, plan: format_hours(plan.minimum_hours_per_visit),
    "incident_fee": lambda _, plan: format_eur(plan.incident_fee or Decimal(0)),
    "reaction": reaction_text,
}


def plan_value(catalogue: Catalogue, meta: Mapping[str, Any], args: list[str]) -> str:
    """One figure of one plan, formatted as in the tables."""
    if len(args) != 2:
        raise ShortcodeError("md:plan иска план и поле, напр. `<!-- md:plan premium monthly_fee -->`")
    plan_id, name = args
    known_plans = {plan.id: plan for plan in catalogue.plans}
    if plan_id not in known_plans:
        raise ShortcodeError(f"md:plan: няма план `{plan_id}` (има: {', '.join(known_plans)})")
    if name not in PLAN_FIELDS:
        raise ShortcodeError(f"md:plan: непознато поле `{name}` (познати: {', '.join(PLAN_FIELDS)})")
    return PLAN_FIELDS[name](catalogue, known_plans[plan_id])


SHORTCODES: dict[str, Callable[[Catalogue, Mapping[str, Any], list[str]], str]] = {
    "plan-terms": plan_terms,
    "plan-comparison": plan_comparison,
    "plan": plan_value,
}


def expand(markdown: str, catalogue: Catalogue, meta: Mapping[str, Any]) -> str:
    """Replace every shortcode in `markdown`; unknown ones raise `ShortcodeError`."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SHORTCODES:
            known = ", ".join(f"md:{key}" for key in SHORTCODES)
            raise ShortcodeError(f"непознат код `md:{name}` (познати: {known})")
        return SHORTCODES[name](catalogue, meta, match.group(2).split())

    return _SHORTCODE.sub(replace, markdown)
