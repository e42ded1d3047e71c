"""The sales CLI's one-off options: --training, --integration, --service, --procure."""

import json
from pathlib import Path

import pytest

from backoffice.sales.cli import main

DOCS = str(Path(__file__).resolve().parents[3] / "docs")
AT = ["--at", "2026-12-23T17:00"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["quote", *argv, "--docs", DOCS])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_two_trainings_an_integration_and_two_procurement_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        *AT,
        "--training",
        "2",
        "--integration",
        "1",
        "--procure",
        "Тонер HP 85A;4",
        "--procure",
        "Лаптоп Lenovo ThinkPad E14;2",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["one_off"] == {
        "lines": [
            {
                "id": "obuchenie",
                "name": "Обучение на потребители",
                "quantity": 2,
                "unit_net": "120.00",
                "net": "240.00",
                "on_request": False,
            },
            {
                "id": "integracia",
                "name": "Импорт и експорт на данни, интеграция с външни системи",
                "quantity": 1,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
            {
                "id": "dostavka-1",
                "name": "Тонер HP 85A",
                "quantity": 4,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
            {
                "id": "dostavka-2",
                "name": "Лаптоп Lenovo ThinkPad E14",
                "quantity": 2,
                "unit_net": None,
                "net": None,
                "on_request": True,
            },
        ],
        "net": "240.00",
        "vat": "48.00",
        "gross": "288.00",
    }
    assert data["link"] == (
        "#v=1&pl=2026-12&c=b&ws=5&sv=1&inc=1&vis=1&km=0&at=2026-12-23T17:00&us=integracia*1~obuchenie*2"
        "&dp=%D0%A2%D0%BE%D0%BD%D0%B5%D1%80%20HP%2085A*4"
        "~%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF%20Lenovo%20ThinkPad%20E14*2"
    )
    # The link reopens the same one-off part, and --service names any service by its id.
    code, again, _ = run(capsys, "--link", data["link"], "--json")
    assert json.loads(again)["one_off"] == data["one_off"]
    code, same, _ = run(capsys, *AT, "--service", "obuchenie=2", "--json")
    assert json.loads(same)["one_off"]["net"] == "240.00"


def test_without_the_new_options_the_json_has_no_one_off_part(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *AT, "--json")
    data = json.loads(out)
    assert code == 0
    assert "one_off" not in data
    assert "services" not in data["profile"] and "procurement" not in data["profile"]


def test_the_text_lists_the_one_off_lines_under_the_plans(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *AT, "--training", "1", "--procure", "Рутер")
    assert code == 0
    assert (
        "\nЕднократно, при всеки план (допълнителни услуги и доставки), без ДДС:\n"
        "    Обучение на потребители: 1 × 120,00 € = 120,00 €\n"
        "    Рутер: 1 бр. - по запитване\n"
        "    Общо еднократно: 120,00 € без ДДС; ДДС 24,00 €; 144,00 € с ДДС; "
        "позициите по запитване не са в сумата\n\nПрепоръка: "
    ) in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--training", "-1"], "--training: трябва да е цяло число от 0 до 100, а е '-1'"),
        (["--training", "1.5"], "--training: трябва да е цяло число от 0 до 100, а е '1.5'"),
        (["--integration", "101"], "--integration: трябва да е цяло число от 0 до 100, а е '101'"),
        (["--service", "obuchenie"], "--service: очаква се УСЛУГА=БРОЙ, напр. obuchenie=2, а е 'obuchenie'"),
        (["--service", "x=1"], "--service: в ценоразписа няма услуга 'x' (има: obuchenie, integracia)"),
        (["--procure", ";3"], "--procure: ред 1: липсва описание"),
        (["--procure", "Тонер;-2"], "--procure: ред 1: количеството трябва да е цяло число от 1 до 1000"),
        (["--procure", "Тонер;2.5"], "--procure: ред 1: количеството трябва да е цяло число от 1 до 1000"),
        (["--procure", "я" * 121 + ";1"], "--procure: ред 1: описанието е по-дълго от 120 знака"),
        ([*(f"--procure=ред {n};1" for n in range(11))], "--procure: най-много 10 реда"),
        (["--procure", "\x1b[31mТонер;1"], "--procure: ред 1: описанието съдържа непозволен знак"),
    ],
)
def test_a_bad_value_exits_2_naming_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", f"calculator: грешка: {message}\n")
