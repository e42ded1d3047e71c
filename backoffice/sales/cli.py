r"""Command line for sales and tests: ``python -m calculator``.

Commands::

    deadline --start 2026-12-23T17:00 --hours 4 --calendar business [--workday 09:00-18:00]
    holidays --year 2027
    quote [profile options] [--downtime-cost EUR --operating business|24/7]
          [--training N] [--integration N] [--service ID=N]... [--procure "ОПИСАНИЕ;КОЛИЧЕСТВО"]...
          [--link LINK] [--json] [--bgn]
    offer --key PATH --key-id ID --plan ID --customer NAME [--eik EIK] [--link LINK | profile options]
          [--discount PCT] [--item "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА"]... [--valid-days N] [--number NO]
          [--salesperson NAME] [--note TEXT] [--json]
    offer-key --id ID --out PATH

Every command reads the catalogue from the plan pages (``--docs``, default
``docs``). Bad input of any kind ends with exit status 2 and one line on
stderr; never a traceback. That line may quote what was typed or pasted (a
link, an option's value): its control characters (C0, C1, DEL), invisible
format characters (such as the bidi override U+202E) and line separators
are written as escapes (``\x1b``, ``\u202e``) by :func:`visible`, so that
a hostile link cannot move the cursor, recolour or reorder the terminal.

``quote --link`` opens a link as the calculator page does. A link made under
an older price list (found in the archive ``price-lists/`` beside the docs,
or in the git history of ``docs/plans/``) is quoted at its own list, with
today's beside it: the text has the quote as issued, under a line saying so,
then "Същата оферта по днешните цени:" and the quote at today's list; the
JSON is ``{"link_price_list", "notice", "as_issued", "today"}``, the last two
each the usual quote JSON (with its own ``link``). A link under today's list
gives the usual output. A link under a list that is not found is quoted at
today's prices, with a line saying so (``"notice"`` in the JSON).

An offer link (:mod:`calculator.page.offer_link`) given to ``quote --link``
is checked against the keys in ``mkdocs.yml`` beside the docs first: a good
one is quoted as its quote part, with ``"offer"`` in the JSON; a bad one
ends with exit status 2 and the reason. ``offer`` signs an offer with a
salesperson's key (:mod:`backoffice.sales.offers`), ``offer-key`` makes one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TextIO

from backoffice.build import price_lists
from backoffice.build.calendar_source import calendar_for, days_off
from backoffice.build.offer_keys import OfferKeyError, read_keys
from backoffice.build.sources import load_catalogue
from backoffice.sales import offers
from backoffice.sales.quote_table import TODAY_HEADING, quote_table
from calculator.catalogue import CALENDAR_24_7, CALENDAR_BUSINESS, Catalogue
from calculator.clock import SOFIA, parse_clock_time, parse_moment
from calculator.errors import CatalogueError, ProfileError, QuoteLinkError
from calculator.numbers import NumberProblem, read_decimal
from calculator.page.links import QuoteLink, decode_link, encode_link
from calculator.page.offer_link import OfferCheck, decode_offer, is_offer_link
from calculator.page.offer_values import KEY_ID, MAX_VALID_DAYS, Offer, offer_item
from calculator.pricing.offer import MAX_DISCOUNT, OfferItem
from calculator.pricing.quote import Quote, quote
from calculator.profile.fields import BY_NAME, FIELDS, Field
from calculator.profile.lists import Counts, Lines, check_counts
from calculator.profile.profile import Profile, read_value
from calculator.time.worktime import WorkCalendar, add_elapsed_hours

__all__ = ["main", "visible"]

PROG = "calculator"
MAX_DEADLINE_HOURS = Decimal(10_000)

# argparse's own words, in Bulgarian: what it says of a bad command line.
_ARGPARSE_WORDS = (
    (
        re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"),
        r"\1: непозната стойност '\2' (може: \3)",
    ),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), r"\1: трябва да е цяло число, а е '\2'"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: липсва стойност"),
    (re.compile(r"the following arguments are required: (.*)"), r"липсват задължителни опции: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"непознати аргументи: \1"),
    (re.compile(r"argument (\S+): (.*)"), r"\1: \2"),
)


#: Unicode categories a terminal must not get raw: controls, format characters, surrogates, line breaks.
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def visible(text: str) -> str:
    r"""``text`` with each control or invisible format character written as Python's escape of it.

    An escape character stays readable as ``\x1b[31m`` instead of turning the
    terminal red; U+202E is written as ``\u202e`` instead of reversing the
    rest of the line; a tab or a line break as ``\t``, ``\n``.
    """
    return "".join(repr(char)[1:-1] if unicodedata.category(char) in _UNSAFE else char for char in text)


class UsageError(Exception):
    """Bad input: reported on one line with exit status 2."""


class _Help(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # The sub-commands' usage lines are written with an empty prefix: they keep it.
        super().add_usage(usage, actions, groups, "Употреба: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.update(formatter_class=_Help, add_help=False)
        super().__init__(*args, **kwargs)
        self._optionals.title = "опции"
        self._positionals.title = "команди"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="показва тази помощ и спира")

    def error(self, message: str) -> NoReturn:
        # argparse prints the usage too; one line says enough and stays greppable.
        for pattern, words in _ARGPARSE_WORDS:
            if pattern.fullmatch(message):
                raise UsageError(pattern.sub(words, message))
        raise UsageError(message)


def _field_help(field: Field) -> str:
    """An option's help, from the field table: the label, the unit and bounds, the form's help."""
    if field.choices:
        named = ", ".join(f"{choice.value} ({choice.summary or choice.words})" for choice in field.choices)
        return f"{field.label}: {named}; по подразбиране {field.choices[0].value}"
    if field.widget == "moment":
        return f"{field.label}, ISO 8601 (без отместване: часово време София); по подразбиране сега"
    low, high = field.limits
    unit = f" ({field.unit})" if field.unit else ""
    return f"{field.label}{unit}, от {low} до {high}. {field.help}"


#: Options for the catalogue's usual services, each a count of one service by its id.
SERVICE_OPTIONS = (
    ("--training", "obuchenie", "брой занятия обучение на потребители"),
    ("--integration", "integracia", "брой задачи по импорт, експорт и интеграция на данни"),
)


def _list_option(command: argparse.ArgumentParser, field: Field) -> None:
    """The repeatable option of one of the profile's two lists."""
    if field.widget == "counts":
        metavar = "УСЛУГА=БРОЙ"
        words = "id на услуга от ценоразписа и брой, напр. obuchenie=2"
    else:
        metavar = "ОПИСАНИЕ;КОЛИЧЕСТВО"
        words = (
            f"до {field.most} реда, описание до {field.longest} знака и цяло количество "
            f'от 1 до {field.limits[1]}, напр. "Тонер HP 85A;4"; по запитване, без цена'
        )
    command.add_argument(
        field.option,
        dest=field.name,
        action="append",
        metavar=metavar,
        help=f"{field.label} (може няколко пъти): {words}",
    )


def _docs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--docs", type=Path, metavar="ПАПКА", help="документацията на MkDocs (по подразбиране: docs)"
    )


def _profile_options(command: argparse.ArgumentParser, kind_option: str) -> None:
    """One option a field of the profile, from the field table; the customer's kind as ``kind_option``."""
    for field in FIELDS:
        if field.widget in ("counts", "lines"):
            _list_option(command, field)
            continue
        choices = [choice.value for choice in field.choices] or None
        metavar = None if choices else "МОМЕНТ" if field.widget == "moment" else "ЧИСЛО"
        option = kind_option if field.name == "customer" else field.option
        command.add_argument(
            option, dest=field.name, choices=choices, metavar=metavar, help=_field_help(field)
        )
    for option, service, words in SERVICE_OPTIONS:
        command.add_argument(
            option,
            dest=f"service_{service}",
            metavar="БРОЙ",
            help=f"{words} (услугата {service} от ценоразписа), цяло число; "
            f"същото като {BY_NAME['services'].option} {service}=БРОЙ",
        )


def _hidden(command: argparse.ArgumentParser) -> None:
    """The tests' options: another day than today, another mkdocs.yml than the one beside the docs."""
    command.add_argument("--today", help=argparse.SUPPRESS)
    command.add_argument("--mkdocs", type=Path, help=argparse.SUPPRESS)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Цени, срокове за реакция и оферти по плановете.")
    parser.add_argument("--docs", dest="docs_main", type=Path, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="команда", required=True, parser_class=_Parser)

    cmd = commands.add_parser("deadline", help="срок за реакция")
    _docs(cmd)
    cmd.add_argument(
        "--start",
        required=True,
        metavar="МОМЕНТ",
        help="начало, ISO 8601; без отместване: часово време София",
    )
    cmd.add_argument("--hours", required=True, metavar="ЧИСЛО", help="гарантирани часове, напр. 4 или 1.5")
    cmd.add_argument(
        "--calendar",
        required=True,
        choices=[CALENDAR_BUSINESS, CALENDAR_24_7],
        help="business (работно време) или 24/7 (денонощно)",
    )
    cmd.add_argument(
        "--workday",
        metavar="ОТ-ДО",
        help="работно време, напр. 09:00-18:00 (по подразбиране: от ценоразписа)",
    )

    cmd = commands.add_parser("holidays", help="почивните дни на една година")
    _docs(cmd)
    cmd.add_argument("--year", required=True, type=int, metavar="ГОДИНА", help="годината, от 1991 до 2100")

    cmd = commands.add_parser("quote", help="цените на всички планове за един клиент")
    _docs(cmd)
    _profile_options(cmd, BY_NAME["customer"].option)
    cmd.add_argument(
        "--link",
        metavar="ВРЪЗКА",
        help="връзка към изчисление или подписана оферта: целият адрес или частта след #",
    )
    cmd.add_argument("--json", action="store_true", help="отговор в JSON")
    cmd.add_argument("--bgn", action="store_true", help="и равностойността в лева")
    _hidden(cmd)

    cmd = commands.add_parser("offer", help="оферта за един клиент, подписана с ключа на търговеца")
    _docs(cmd)
    cmd.add_argument(
        "--key", required=True, type=Path, metavar="ФАЙЛ", help="частният ключ (PEM), направен с offer-key"
    )
    cmd.add_argument("--key-id", required=True, metavar="ИД", help="името на ключа в mkdocs.yml")
    cmd.add_argument(
        "--plan", required=True, metavar="ПЛАН", help="id на плана от ценоразписа, напр. standard"
    )
    cmd.add_argument(
        "--customer",
        dest="customer_name",
        required=True,
        metavar="ИМЕ",
        help="име на клиента",
    )
    cmd.add_argument("--eik", metavar="ЕИК", help="ЕИК на клиента: 9 цифри или 13 за клон")
    _profile_options(cmd, "--customer-kind")
    cmd.add_argument("--link", metavar="ВРЪЗКА", help="данните на клиента от връзка към изчисление")
    cmd.add_argument(
        "--discount",
        metavar="ПРОЦЕНТ",
        help=f"отстъпка от месечната такса и часовата ставка на плана, от 0 до {MAX_DISCOUNT}, до 2 знака",
    )
    cmd.add_argument(
        "--item",
        dest="items",
        action="append",
        metavar="ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА",
        help="еднократна позиция на договорена единична цена в евро без ДДС (може няколко пъти, до 12), "
        'напр. "Лаптоп Lenovo;2;1234.50"',
    )
    cmd.add_argument(
        "--valid-days",
        type=int,
        default=30,
        metavar="ДНИ",
        help=f"колко дни е валидна от днес, от 1 до {MAX_VALID_DAYS}; по подразбиране 30",
    )
    cmd.add_argument("--number", metavar="НОМЕР", help="номер на офертата; по подразбиране от датата")
    cmd.add_argument("--salesperson", metavar="ИМЕ", help="търговецът, до 80 знака")
    cmd.add_argument("--note", metavar="ТЕКСТ", help="кратка бележка до клиента, до 200 знака")
    cmd.add_argument("--json", action="store_true", help="отговор в JSON")
    _hidden(cmd)

    cmd = commands.add_parser("offer-key", help="нов ключ за подписване на оферти")
    cmd.add_argument("--id", required=True, metavar="ИД", help="име на ключа, напр. ivan-2026")
    cmd.add_argument(
        "--out", required=True, type=Path, metavar="ФАЙЛ", help="къде да се запише частният ключ"
    )
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
        raise UsageError(f"--workday: очаква се ЧЧ:ММ-ЧЧ:ММ, а е {text!r}") from None
    if start >= end:
        raise UsageError("--workday: краят трябва да е след началото")
    return start, end


def _deadline(args: argparse.Namespace, out: TextIO) -> None:
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
        raise UsageError("--year: трябва да е между 1991 и 2100")
    declared: set[date] = set(_catalogue(args).calendar.declared_days_off)
    for day in days_off([args.year], declared):
        out.write(day.isoformat() + "\n")


def _services(args: argparse.Namespace, catalogue: Catalogue, given: Counts) -> dict[str, object]:
    """The link's service counts with the options' on top, each option's count checked in its name."""
    field = BY_NAME["services"]
    known = [service.id for service in catalogue.services]
    counts: dict[str, object] = dict(given)
    for item in args.services or []:
        if "=" not in item:
            raise UsageError(f"{field.option}: очаква се УСЛУГА=БРОЙ, напр. obuchenie=2, а е {item!r}")
    asked = [(field.option, *item.partition("=")[::2]) for item in args.services or []]
    asked += [(option, key, getattr(args, f"service_{key}")) for option, key, _ in SERVICE_OPTIONS]
    for option, key, text in asked:
        if text is None:
            continue
        if key not in known:
            raise UsageError(f"{option}: в ценоразписа няма услуга {key!r} (има: {', '.join(known)})")
        try:
            check_counts(field.name, [(key, text)], int(field.highest), field.most)
        except ProfileError:
            raise UsageError(
                f"{option}: трябва да е цяло число от 0 до {field.limits[1]}, а е {text!r}"
            ) from None
        counts[key] = text
    return counts


def _procurement(args: argparse.Namespace, given: Lines) -> object:
    """The options' procurement lines, or the link's.

    Each option is ``ОПИСАНИЕ;КОЛИЧЕСТВО``, split at the last ``;``; without
    a quantity it is 1, as in the form.
    """
    if not args.procurement:
        return given
    split = (item.rpartition(";") if ";" in item else (item, "", "") for item in args.procurement)
    return [(text, quantity.strip() or "1") for text, _, quantity in split]


def _today(args: argparse.Namespace) -> date:
    if args.today is not None:
        return date.fromisoformat(args.today)
    return datetime.now(SOFIA).date()


def _keys(args: argparse.Namespace) -> tuple[dict[str, bytes], Path]:
    """The offers' public keys, from the mkdocs.yml beside the docs."""
    docs = args.docs or args.docs_main or Path("docs")
    mkdocs_yml = args.mkdocs or docs.absolute().parent / "mkdocs.yml"
    try:
        return read_keys(mkdocs_yml), mkdocs_yml
    except OfferKeyError as err:
        raise UsageError(str(err)) from None


def _read_link(args: argparse.Namespace) -> tuple[QuoteLink, OfferCheck | None]:
    """The link's quote part, and for an offer link its check (a refused offer is bad input)."""
    if is_offer_link(args.link):
        check = decode_offer(args.link, _keys(args)[0], _today(args))
        if not check.signed or check.link is None:
            raise UsageError(f"--link: офертата не е приета: {check.reason}")
        return check.link, check
    try:
        return decode_link(args.link), None
    except QuoteLinkError as err:
        raise UsageError(f"--link: {err}") from None


def _profile(args: argparse.Namespace, catalogue: Catalogue) -> tuple[Profile, str | None, OfferCheck | None]:
    base, linked, check = Profile(), None, None
    if args.link is not None:
        link, check = _read_link(args)
        base, linked = link.profile, link.price_list
    # The link's profile, with what the options say on top, checked once by the profile.
    values = {field.name: getattr(base, field.name) for field in FIELDS}
    values["services"] = _services(args, catalogue, base.services)
    values["procurement"] = _procurement(args, base.procurement)
    try:
        for field in FIELDS:
            text = getattr(args, field.name)
            if text is not None and field.widget not in ("counts", "lines"):
                values[field.name] = read_value(field.name, text)
        return Profile(**values), linked, check
    except ProfileError as err:
        raise UsageError(f"{BY_NAME[err.field].option}: {err.reason}") from None


def _priced(catalogue: Catalogue, profile: Profile, moment: datetime, with_bgn: bool) -> tuple[Quote, str]:
    """The quote at `catalogue`, and its link."""
    # Official days off around the incident moment, whatever the price list's year.
    years = range(moment.year - 1, moment.year + 3)
    catalogue = replace(catalogue, calendar=calendar_for(catalogue, years))
    result = quote(catalogue, profile, now=moment, with_bgn=with_bgn)
    return result, encode_link(result.price_list, result.profile)


def _quote_json(result: Quote, link: str) -> dict[str, Any]:
    # The link stands after the break-even points, where the JSON has always had it.
    data = {}
    for key, value in result.to_dict().items():
        data[key] = value
        if key == "break_even":
            data["link"] = link
    return data


def _offer_json(check: OfferCheck) -> dict[str, Any]:
    """What ``quote --json`` tells of a good offer link."""
    assert check.offer is not None
    offer = check.offer
    return {
        "signed": True,
        "key": offer.key_id,
        "customer": offer.customer,
        "number": offer.number,
        "valid_until": offer.valid_until.isoformat(),
        "expired": check.expired,
    }


def _offer_notice(check: OfferCheck) -> str:
    assert check.offer is not None
    offer = check.offer
    expired = " Срокът ѝ е изтекъл." if check.expired else ""
    return (
        f"Подписана оферта № {offer.number} за {offer.customer}, валидна до "
        f"{offer.valid_until:%d.%m.%Y} (ключ {offer.key_id}).{expired}"
    )


def _quote(args: argparse.Namespace, out: TextIO) -> None:
    catalogue = _catalogue(args)
    profile, linked, check = _profile(args, catalogue)
    moment = profile.incident_at or datetime.now(SOFIA)
    result, link = _priced(catalogue, profile, moment, args.bgn)
    older, notices = None, []
    if linked is not None and linked != catalogue.price_list:
        # The link's own price list, as the page opens it: from the archive or the git history.
        older = price_lists.find(args.docs or args.docs_main or Path("docs"), linked)
        if older is None:
            notices.append(f"Ценоразпис {linked} от връзката не е намерен, затова цените са днешните.")
        else:
            notices.append(
                f"Тази оферта е издадена по ценоразпис {older.price_list} от "
                f"{older.effective.strftime('%d.%m.%Y')}, който вече не е в сила. Показваме я, както е "
                f"издадена, а под нея - същата оферта по днешните цени (ценоразпис {catalogue.price_list})."
            )
    # A signed offer's line comes first in the text; the JSON has it apart, as "offer".
    said = [_offer_notice(check), *notices] if check is not None else notices
    offer = {"offer": _offer_json(check)} if check is not None else {}
    if older is not None:
        issued, issued_link = _priced(older, profile, moment, args.bgn)
        if args.json:
            data = {
                "link_price_list": linked,
                "notice": notices[0],
                "as_issued": _quote_json(issued, issued_link),
                "today": _quote_json(result, link),
                **offer,
            }
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(quote_table(issued, issued_link, notices=said))
            out.write("\n" + TODAY_HEADING + "\n\n" + quote_table(result, link))
    elif args.json:
        data = _quote_json(result, link) | {"link_price_list": linked}
        if notices:
            data["notice"] = notices[0]
        out.write(json.dumps(data | offer, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(quote_table(result, link, notices=said))


_OFFER_OPTIONS = {
    "of": "--number",
    "cu": "--customer",
    "eik": "--eik",
    "plan": "--plan",
    "dsc": "--discount",
    "it": "--item",
    "vu": "--valid-days",
    "sp": "--salesperson",
    "nt": "--note",
    "k": "--key-id",
    "d": "--today",
}


def _items(args: argparse.Namespace) -> tuple[OfferItem, ...]:
    """The ``--item`` options, each ``ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА`` split at its last two ``;``."""
    items = []
    for number, text in enumerate(args.items or [], 1):
        parts = text.rsplit(";", 2)
        if len(parts) != 3:
            raise UsageError(
                f'--item: очаква се "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА", напр. "Лаптоп Lenovo;2;1234.50", а е {text!r}'
            )
        try:
            items.append(offer_item(number, parts[0], parts[1].strip(), parts[2].strip()))
        except QuoteLinkError as err:
            raise UsageError(f"--item: {err.reason}") from None
    return tuple(items)


def _offer(args: argparse.Namespace, out: TextIO) -> None:
    try:
        key = offers.load_key(args.key)
        keys, mkdocs_yml = _keys(args)
        offers.check_listed(key, args.key_id, keys, mkdocs_yml)
    except offers.SalesError as err:
        raise UsageError(str(err)) from None
    if not 1 <= args.valid_days <= MAX_VALID_DAYS:
        raise UsageError(f"--valid-days: от 1 до {MAX_VALID_DAYS} дни, а е {args.valid_days}")
    try:
        discount = read_decimal(args.discount or "0", Decimal(0), MAX_DISCOUNT, 2)
    except NumberProblem:
        raise UsageError(f"--discount: от 0 до {MAX_DISCOUNT}, до 2 знака след точката") from None
    catalogue = _catalogue(args)
    plans = [plan.id for plan in catalogue.plans]
    if args.plan not in plans:
        raise UsageError(f"--plan: в ценоразписа няма план {args.plan!r} (има: {', '.join(plans)})")
    profile, _, _ = _profile(args, catalogue)
    today = _today(args)
    number = args.number or offers.offer_number(
        today, args.customer_name, args.plan, encode_link(catalogue.price_list, profile, today)
    )
    try:
        offer = Offer(
            number=number,
            customer=args.customer_name,
            plan=args.plan,
            valid_until=today + timedelta(days=args.valid_days),
            key_id=args.key_id,
            eik=args.eik,
            discount=discount,
            items=_items(args),
            salesperson=args.salesperson,
            note=args.note,
        )
        issued = offers.issue(catalogue, profile, offer, today, key)
    except QuoteLinkError as err:
        raise UsageError(f"{_OFFER_OPTIONS.get(err.param, err.param)}: {err.reason}") from None
    if args.json:
        out.write(json.dumps(issued.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(offers.summary(issued, today))


def _offer_key(args: argparse.Namespace, out: TextIO) -> None:
    if not KEY_ID.fullmatch(args.id):
        raise UsageError("--id: малки латински букви, цифри и -, до 32 знака, напр. ivan-2026")
    try:
        public = offers.new_key(args.out)
    except offers.SalesError as err:
        raise UsageError(str(err)) from None
    out.write(
        f"Частният ключ е в {args.out} (само вие имате достъп до файла). Пазете го на своя компютър "
        "и никога не го добавяйте в хранилището на сайта.\n"
        "Добавете този ред в mkdocs.yml, под extra.offers.keys:\n"
        f"    {args.id}: {public}\n"
    )


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        commands = {
            "deadline": _deadline,
            "holidays": _holidays,
            "quote": _quote,
            "offer": _offer,
            "offer-key": _offer_key,
        }
        commands[args.command](args, out)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    except (UsageError, CatalogueError) as problem:
        # Escaped first, so that no line break, tab or control of the user's text is lost or written.
        err.write(f"{PROG}: грешка: {' '.join(visible(str(problem)).split())}\n")
        return 2
    return 0
