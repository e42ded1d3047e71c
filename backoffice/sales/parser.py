"""The sales command line's parser: its commands and options, its help and argparse's words, in Bulgarian.

The profile's options come from the field table
(:data:`calculator.profile.fields.FIELDS`); a bad command line is a
:class:`~backoffice.sales.usage.UsageError` of one line, argparse's English
put into Bulgarian.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any, NoReturn

from backoffice.sales.usage import UsageError
from calculator.catalogue import CALENDAR_24_7, CALENDAR_BUSINESS
from calculator.page.offer_form import DEFAULT_DAYS
from calculator.page.offer_values import LONGEST, MAX_ITEMS, MAX_QUANTITY, MAX_VALID_DAYS
from calculator.pricing.offer import MAX_DISCOUNT
from calculator.profile.fields import BY_NAME, FIELDS, Field

__all__ = ["PROG", "build_parser"]

PROG = "calculator"

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


def _list_option(command: argparse.ArgumentParser, field: Field) -> None:
    """The repeatable option of one of the profile's two lists."""
    if field.widget == "counts":
        metavar = "УСЛУГА=БРОЙ"
        # The services are the catalogue's: a wrong id is answered with the list of them.
        words = (
            f"УСЛУГА е id на услуга от ценоразписа, БРОЙ - цяло число от 0 до {field.limits[1]}; "
            "при непознат id командата изброява услугите"
        )
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


def _hidden(command: argparse.ArgumentParser) -> None:
    """The tests' options: another day than today, another mkdocs.yml than the one beside the docs."""
    command.add_argument("--today", help=argparse.SUPPRESS)
    command.add_argument("--mkdocs", type=Path, help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: a sub-parser a command, each with its options."""
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
        "--plan",
        required=True,
        metavar="ПЛАН",
        help="id на плана от ценоразписа; при непознат id командата изброява плановете",
    )
    cmd.add_argument(
        "--customer",
        dest="customer_name",
        required=True,
        metavar="ИМЕ",
        help=f"име на клиента, до {LONGEST['cu']} знака",
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
        help="еднократна позиция на договорена единична цена в евро без ДДС (може няколко пъти, "
        f"до {MAX_ITEMS}; описание до {LONGEST['it']} знака, количество от 1 до {MAX_QUANTITY}), "
        'напр. "Лаптоп Lenovo;2;1234.50"',
    )
    cmd.add_argument(
        "--valid-days",
        type=int,
        default=DEFAULT_DAYS,
        metavar="ДНИ",
        help=f"колко дни е валидна от днес, от 1 до {MAX_VALID_DAYS}; по подразбиране {DEFAULT_DAYS}",
    )
    cmd.add_argument("--number", metavar="НОМЕР", help="номер на офертата; по подразбиране от датата")
    cmd.add_argument("--salesperson", metavar="ИМЕ", help=f"търговецът, до {LONGEST['sp']} знака")
    cmd.add_argument("--note", metavar="ТЕКСТ", help=f"кратка бележка до клиента, до {LONGEST['nt']} знака")
    cmd.add_argument(
        "--address",
        metavar="АДРЕС",
        help="адресът на калкулатора на сайта, напр. https://example.bg/kalkulator/: връзката излиза "
        "цяла, готова за клиента; без него е само частта след #",
    )
    cmd.add_argument("--json", action="store_true", help="отговор в JSON")
    _hidden(cmd)

    cmd = commands.add_parser("offer-key", help="нов ключ за подписване на оферти")
    cmd.add_argument("--id", required=True, metavar="ИД", help="име на ключа, напр. ivan-2026")
    cmd.add_argument(
        "--out", required=True, type=Path, metavar="ФАЙЛ", help="къде да се запише частният ключ"
    )
    return parser
