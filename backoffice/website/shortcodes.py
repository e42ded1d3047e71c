"""Shortcodes in the pages' Markdown, replaced by tables from the catalogue.

Editors write `<!-- md:plan-terms -->` on a plan page,
`<!-- md:plan-comparison -->` where all plans are compared,
`<!-- md:plan-cards -->` for the plans as cards, `<!-- md:plan-reactions -->`
for every plan's reaction terms in a list, and
`<!-- md:plan <id> monthly_fee -->` for one figure in a sentence; the
figures come from the front matter, never typed by hand. The company's
details (`<!-- md:company eik -->`, `<!-- md:company-details -->`) come from
``extra.company`` in mkdocs.yml the same way. An unknown shortcode fails the
build, so a typo does not silently print nothing.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue, Plan
from calculator.money import format_eur, format_hours, format_number
from calculator.page.answer_html import VALID_DAYS
from calculator.page.offer_values import MAX_VALID_DAYS
from calculator.profile.fields import FIELDS
from calculator.time.reaction import terms_text
from calculator.time.worktime import WorkCalendar

_SHORTCODE = re.compile(r"<!--\s*md:([\w-]+)((?:\s+[\w.-]+)*)\s*-->")


#: Pages the plan cards link to, docs-relative: a page moved without its
#: link here breaks the strict build (an unresolved link), not the site.
CALCULATOR_PAGE = "kalkulator.md"
CONTACT_PAGE = "kontakti/index.md"
#: The most the calculator's warm start (a snapshot of Python's memory,
#: compressed) takes in the browser's storage; the browser tests of the warm
#: start hold the snapshot to this bound, so the privacy pages can state it.
WARM_START_MAX_MB = 10


class ShortcodeError(Exception):
    """A shortcode is unknown or used where it cannot work."""


@dataclass(frozen=True)
class Context:
    """What a shortcode may read: the catalogue, the page, and the site's data."""

    catalogue: Catalogue
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: The page's source, docs-relative (``plans/index.md``): links are relative to it.
    page: str = "index.md"
    #: ``extra.company`` as the templates read it (backoffice.website.company).
    company: Mapping[str, Any] = field(default_factory=dict)
    #: The most the calculator's offline copy takes, in bytes, if known.
    offline_bytes: int | None = None

    def link(self, target: str) -> str:
        """A Markdown link target from this page to the docs-relative `target`."""
        path, _, anchor = target.partition("#")
        relative = posixpath.relpath(path, posixpath.dirname(self.page) or ".")
        return relative + (f"#{anchor}" if anchor else "")


def reaction_text(catalogue: Catalogue, plan: Plan) -> str:
    """The reaction terms of a plan in words, as the calculator says them."""
    return terms_text(plan.reaction, WorkCalendar.from_catalogue(catalogue), brief=True)


def _fee(plan: Plan) -> str:
    if plan.kind == "emergency" and plan.incident_fee is not None:
        return f"от {format_eur(plan.incident_fee)} на инцидент"
    return format_eur(plan.monthly_fee) if plan.monthly_fee else "няма"


def _rate(plan: Plan) -> str:
    if plan.kind == "package":
        # Its hours stand in their own column and row ("Включени часове").
        return "включена в таксата, без доплащане на час"
    text = f"{format_eur(plan.hourly_rate)} на час"
    if plan.kind == "subscription":
        text += " над включените"
    if plan.minimum_hours_per_visit:
        text += f", поне {format_hours(plan.minimum_hours_per_visit)} на посещение"
    return text


def plan_terms(ctx: Context, args: list[str]) -> str:
    """The terms table of the plan whose page this is."""
    meta = ctx.meta
    plan_id = (meta.get("plan") or {}).get("id") if isinstance(meta.get("plan"), Mapping) else None
    if not plan_id:
        raise ShortcodeError("md:plan-terms стои на страница без `plan.id` в началните данни")
    catalogue = ctx.catalogue
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


def _ordered(catalogue: Catalogue) -> list[Plan]:
    return sorted(catalogue.plans, key=lambda plan: plan.order)


def _plan_page(plan: Plan) -> str:
    # The loader holds a plan's id to its file's name (backoffice/website/sources.py).
    return f"plans/{plan.id}.md"


def plan_comparison(ctx: Context, args: list[str]) -> str:
    """All plans side by side."""
    catalogue = ctx.catalogue
    lines = [
        "| План | Такса | Включени часове | Работа | Реакция | Приоритет |",
        "|---|---|---|---|---|---|",
    ]
    for plan in _ordered(catalogue):
        included = format_hours(plan.included_hours) if plan.included_hours else "-"
        lines.append(
            f"| [{plan.name}]({ctx.link(_plan_page(plan))}) | {_fee(plan)} | {included} | {_rate(plan)} "
            f"| {reaction_text(catalogue, plan)} | {'да' if plan.priority else 'не'} |"
        )
    lines.append("")
    lines.append(f"Цените са в евро без ДДС ({format_number(catalogue.vat_percent)} %).")
    return "\n".join(lines) + "\n"


def price_line(plan: Plan) -> str:
    """What a plan costs, in one line for its card."""
    rate = format_eur(plan.hourly_rate)
    if plan.kind == "subscription":
        return (
            f"**{format_eur(plan.monthly_fee)}** на месец, с {format_hours(plan.included_hours)} "
            f"включена работа; всеки следващ час {rate}"
        )
    if plan.kind == "package":
        return (
            f"**{format_eur(plan.monthly_fee)}** на месец за {format_hours(plan.included_hours)} "
            "работа, без доплащане на час"
        )
    if plan.kind == "hourly":
        return f"Без месечна такса: **{rate}** на отработен час"
    if plan.kind == "per_job":
        minimum = format_hours(plan.minimum_hours_per_visit)
        return f"Без абонамент: **{rate}** на час, поне {minimum} на посещение"
    fee = format_eur(plan.incident_fee or Decimal(0))
    return f"Договорена сума за инцидента, **от {fee}**, до решаването му"


def plan_cards(ctx: Context, args: list[str]) -> str:
    """Every plan as a card: name, price, reaction in the engine's words, priority, two actions."""
    lines = ['<div class="grid cards plan-cards" markdown>', ""]
    for plan in _ordered(ctx.catalogue):
        priority = "С приоритетно обслужване" if plan.priority else "Без приоритет: при първа възможност"
        lines += [
            f"-   ### [{plan.name}]({ctx.link(_plan_page(plan))})",
            "",
            f"    {price_line(plan)}",
            "",
            f"    **Реакция:** {reaction_text(ctx.catalogue, plan)}",
            "",
            f"    {priority}",
            "",
            f"    [Изчислете за вас]({ctx.link(CALCULATOR_PAGE)}){{ .md-button .md-button--primary }}"
            f" [Поискайте оферта]({ctx.link(CONTACT_PAGE + '#zaqvka')}){{ .md-button }}",
            "",
        ]
    lines += ["</div>", ""]
    vat = format_number(ctx.catalogue.vat_percent)
    lines.append(f"Цените са в евро, без ДДС ({vat} %). За частни лица калкулаторът показва и цената с ДДС.")
    return "\n".join(lines) + "\n"


def plan_reactions(ctx: Context, args: list[str]) -> str:
    """Every plan's reaction terms, one list item each, as the calculator says them."""
    plans = _ordered(ctx.catalogue)
    lines = [
        f"- [{plan.name}]({ctx.link(_plan_page(plan))}): {reaction_text(ctx.catalogue, plan)}"
        + ("." if index == len(plans) - 1 else ";")
        for index, plan in enumerate(plans)
    ]
    return "\n".join(lines) + "\n"


def _hourly_rate(plan: Plan) -> str:
    if plan.kind == "package":
        # Its zero is "none", not a price: printing "0,00 €" would promise free hours.
        raise ShortcodeError(f"md:plan: планът `{plan.id}` е пакет и няма цена на час (hourly_rate)")
    return format_eur(plan.hourly_rate)


#: One figure of a plan, as `<!-- md:plan <id> <field> -->` writes it.
PLAN_FIELDS: dict[str, Callable[[Catalogue, Plan], str]] = {
    "name": lambda _, plan: plan.name,
    "monthly_fee": lambda _, plan: format_eur(plan.monthly_fee),
    "included_hours": lambda _, plan: format_hours(plan.included_hours),
    "hourly_rate": lambda _, plan: _hourly_rate(plan),
    "minimum_hours_per_visit": lambda _, plan: format_hours(plan.minimum_hours_per_visit),
    "incident_fee": lambda _, plan: format_eur(plan.incident_fee or Decimal(0)),
    "reaction": reaction_text,
}


def plan_value(ctx: Context, args: list[str]) -> str:
    """One figure of one plan, formatted as in the tables."""
    if len(args) != 2:
        example = _ordered(ctx.catalogue)[0].id if ctx.catalogue.plans else "id"
        raise ShortcodeError(f"md:plan иска план и поле, напр. `<!-- md:plan {example} name -->`")
    plan_id, name = args
    known_plans = {plan.id: plan for plan in ctx.catalogue.plans}
    if plan_id not in known_plans:
        raise ShortcodeError(f"md:plan: няма план `{plan_id}` (има: {', '.join(known_plans)})")
    if name not in PLAN_FIELDS:
        raise ShortcodeError(f"md:plan: непознато поле `{name}` (познати: {', '.join(PLAN_FIELDS)})")
    return PLAN_FIELDS[name](ctx.catalogue, known_plans[plan_id])


def working_hours(catalogue: Catalogue) -> str:
    """The company's working time, from the catalogue's working hours."""
    start, end = catalogue.working_hours.start, catalogue.working_hours.end
    return f"понеделник – петък, {start:%H:%M} – {end:%H:%M} ч., без официалните празници"


#: One detail of the company, as `<!-- md:company <field> -->` writes it.
COMPANY_FIELDS: dict[str, Callable[[Context], str]] = {
    "name": lambda ctx: str(ctx.company["name"]),
    "brand": lambda ctx: str(ctx.company["brand"]),
    "eik": lambda ctx: str(ctx.company["eik"]),
    "vat": lambda ctx: str(ctx.company["vat"] or "фирмата не е регистрирана по ЗДДС"),
    "address": lambda ctx: str(ctx.company["address"]),
    "phone": lambda ctx: f"[{ctx.company['phone']}]({ctx.company['phone_link']})",
    "email": lambda ctx: f"[{ctx.company['email']}](mailto:{ctx.company['email']})",
    "hours": lambda ctx: working_hours(ctx.catalogue),
}


def company_value(ctx: Context, args: list[str]) -> str:
    """One detail of the company."""
    if len(args) != 1 or args[0] not in COMPANY_FIELDS:
        known = ", ".join(COMPANY_FIELDS)
        raise ShortcodeError(f"md:company иска едно поле, напр. `<!-- md:company eik -->` (познати: {known})")
    if not ctx.company:
        raise ShortcodeError("md:company: липсват данните на фирмата (`extra.company` в mkdocs.yml)")
    return COMPANY_FIELDS[args[0]](ctx)


def company_details(ctx: Context, args: list[str]) -> str:
    """The company's identification, as the Electronic Commerce Act (чл. 4) lists it."""
    rows = [
        ("Наименование", "name"),
        ("ЕИК", "eik"),
        ("Номер по ДДС", "vat"),
        ("Седалище и адрес на управление", "address"),
        ("Телефон", "phone"),
        ("Имейл", "email"),
        ("Работно време", "hours"),
    ]
    lines = ["| Данни | Стойност |", "|---|---|"]
    lines += [f"| {label} | {company_value(ctx, [key])} |" for label, key in rows]
    return "\n".join(lines) + "\n"


def offline_size(ctx: Context, args: list[str]) -> str:
    """The most the calculator's offline copy takes, in whole megabytes."""
    if ctx.offline_bytes is None:
        raise ShortcodeError("md:offline-size: размерът на копието на калкулатора не е известен при сборката")
    return f"до {math.ceil(ctx.offline_bytes / 1_000_000)} MB"


def link_params() -> str:
    """The quote link's parameters, one a profile field, from the field table.

    The editors' guide (docs/REDAKTORI.md, read in the repository, not built)
    carries this table as it is; a test holds the two equal.
    """
    lines = ["| параметър | какво е | стойности |", "|---|---|---|"]
    for row in FIELDS:
        if row.choices:
            values = ", ".join(f"`{choice.code}` {choice.short or choice.words}" for choice in row.choices)
        elif row.widget == "moment":
            values = "дата и час по София, напр. `2026-12-23T17:00`"
        elif row.widget == "counts":
            values = (
                f"`id*брой` на услуга от `services`, с `~` между тях, напр. `usluga-a*2~usluga-b*1`; "
                f"брой от 1 до {row.limits[1]}, до {row.most} услуги"
            )
        elif row.widget == "lines":
            low, high = row.limits
            values = (
                f"`описание*количество` с `~` между редовете, описанието кодирано (%XX по UTF-8); "
                f"до {row.most} реда, до {row.longest} знака, количество от {low} до {high}"
            )
        else:
            low, high = row.limits
            places = row.bounds[2] if row.bounds else 0
            values = f"от {low} до {high}" + (
                ", цяло число" if places == 0 else f", до {places} знака след точката"
            )
        optional = "; може да липсва" if row.optional or row.later else ""
        unit = f" ({row.unit})" if row.unit else ""
        lines.append(f"| `{row.param}` | {row.words}{unit} | {values}{optional} |")
    return "\n".join(lines) + "\n"


SHORTCODES: dict[str, Callable[[Context, list[str]], str]] = {
    "plan-terms": plan_terms,
    "plan-comparison": plan_comparison,
    "plan-cards": plan_cards,
    "plan-reactions": plan_reactions,
    "plan": plan_value,
    "company": company_value,
    "company-details": company_details,
    "offline-size": offline_size,
    "warm-start-size": lambda ctx, args: f"до {WARM_START_MAX_MB} MB",
    "vat-percent": lambda ctx, args: f"{format_number(ctx.catalogue.vat_percent)} %",
    "offer-validity": lambda ctx, args: f"{VALID_DAYS} дни",
    "offer-longest": lambda ctx, args: f"{MAX_VALID_DAYS} дни",
}


def expand(markdown: str, catalogue: Catalogue, meta: Mapping[str, Any], **context: Any) -> str:
    """Replace every shortcode in `markdown`; unknown ones raise `ShortcodeError`.

    Args:
        markdown: The page's Markdown.
        catalogue: The catalogue.
        meta: The page's front matter.
        **context: The other fields of :class:`Context` (``page``, ``company``, ``offline_bytes``).
    """
    ctx = Context(catalogue, meta, **context)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SHORTCODES:
            known = ", ".join(f"md:{key}" for key in SHORTCODES)
            raise ShortcodeError(f"непознат код `md:{name}` (познати: {known})")
        return SHORTCODES[name](ctx, match.group(2).split())

    return _SHORTCODE.sub(replace, markdown)
