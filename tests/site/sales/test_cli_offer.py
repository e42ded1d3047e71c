"""The sales CLI's signed offers: offer, offer-key, and quote --link with an offer."""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backoffice.sales.cli import main
from backoffice.website.offer_keys import encode_key, read_keys
from calculator.page.offer_link import decode_offer
from tests.site.sales.conftest import Run

#: The repository's code, which a child Python imports; the content is the tests' own.
ROOT = Path(__file__).resolve().parents[3]
TODAY = "2026-12-03"
OFFER = [
    "--plan",
    "standard",
    "--customer",
    "ТехКлиент ООД",
    "--eik",
    "206813475",
    "--workstations",
    "10",
    "--discount",
    "10",
    "--service",
    "obuchenie=2",
    "--item",
    "Лаптоп Lenovo ThinkPad;2;1234.50",
    "--number",
    "2026-0042",
]
UNSIGNED = (
    "#v=1&pl=2026-12&d=2026-12-03&c=b&ws=10&sv=1&inc=1&vis=1&km=0&us=obuchenie*2&of=2026-0042"
    "&cu=%D0%A2%D0%B5%D1%85%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%20%D0%9E%D0%9E%D0%94&eik=206813475"
    "&plan=standard&dsc=10&it=%D0%9B%D0%B0%D0%BF%D1%82%D0%BE%D0%BF%20Lenovo%20ThinkPad*2*1234.5"
    "&vu=2027-01-02&k=ivan-2026"
)


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _public(key: Ed25519PrivateKey) -> str:
    return encode_key(
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


@pytest.fixture
def signer(tmp_path: Path) -> tuple[Path, Path]:
    """A salesperson's key in a file, and a mkdocs.yml that lists its public half as ivan-2026."""
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "ivan.pem"
    path.write_bytes(_pem(key))
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text(f"extra:\n  offers:\n    keys:\n      ivan-2026: {_public(key)}\n", encoding="utf-8")
    return path, mkdocs


def key_command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["offer-key", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def offer(run: Run, signer: tuple[Path, Path], *extra: str) -> tuple[int, str, str]:
    key, mkdocs = signer
    return run(
        "offer",
        *("--key", str(key), "--key-id", "ivan-2026", "--mkdocs", str(mkdocs), "--today", TODAY),
        *OFFER,
        *extra,
    )


def test_an_offer_in_json(run: Run, signer: tuple[Path, Path]) -> None:
    code, out, err = offer(run, signer, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    link = data.pop("link")
    assert data == {
        "number": "2026-0042",
        "valid_until": "2027-01-02",
        # 216 fee (240 less 10 %) + 4.5 h x 34.20 (38 less 10 %); once: 2 x 120 + 2 x 1234.50
        "monthly": {"net": "369.90", "vat": "73.98", "gross": "443.88"},
        "one_off": {"net": "2709.00", "vat": "541.80", "gross": "3250.80"},
    }
    unsigned, _, signature = link.rpartition("&s=")
    assert (unsigned, len(signature)) == (UNSIGNED, 86)
    check = decode_offer(link, read_keys(signer[1]), date(2026, 12, 3))
    assert (check.signed, check.reason) == (True, "")


def test_an_offer_in_words(run: Run, signer: tuple[Path, Path]) -> None:
    code, out, _ = offer(run, signer, "--salesperson", "Иван Петров", "--valid-days", "14")
    assert code == 0
    lines = out.splitlines()
    assert lines[:9] == [
        "Оферта № 2026-0042 от 03.12.2026, валидна до 17.12.2026",
        "Клиент: ТехКлиент ООД, ЕИК 206813475",
        "План: Абонамент Стандарт, отстъпка 10%",
        "На месец: 369,90 € без ДДС, 443,88 € с ДДС",
        "    Месечна такса: 216,00 € (фиксирана такса за Абонамент Стандарт)",
        "    Часове над включените: 153,90 € (4 ч включени, 4,5 ч над тях × 34,20 €)",
        "Еднократно: 2 709,00 € без ДДС, 3 250,80 € с ДДС",
        "    Обучение на потребители: 2 × 120,00 € = 240,00 €",
        "    Лаптоп Lenovo ThinkPad: 2 × 1 234,50 € = 2 469,00 €",
    ]
    assert lines[9] == "Търговец: Иван Петров"
    assert lines[10].startswith("Връзка: #v=1&pl=2026-12&d=2026-12-03&")
    assert "&vu=2026-12-17&sp=%D0%98" in lines[10]
    # Only the part after # is known: the salesperson is told what to put before it.
    assert lines[11:] == [
        "Пред връзката сложете адреса на калкулатора на сайта, напр. https://example.bg/kalkulator/, "
        "или го дайте с --address: така клиентът я отваря направо."
    ]


def test_an_offer_in_words_names_its_lines_on_request(run: Run, signer: tuple[Path, Path]) -> None:
    code, out, _ = offer(run, signer, "--service", "integracia=1", "--procure", "Тонер HP 85A;4")
    assert code == 0
    lines = out.splitlines()
    assert lines[6:11] == [
        "Еднократно: 2 709,00 € без ДДС, 3 250,80 € с ДДС (позициите по запитване не са в сумата)",
        "    Обучение на потребители: 2 × 120,00 € = 240,00 €",
        "    Импорт и експорт на данни, интеграция с външни системи: 1 задача - по запитване",
        "    Тонер HP 85A: 4 бр. - по запитване",
        "    Лаптоп Lenovo ThinkPad: 2 × 1 234,50 € = 2 469,00 €",
    ]


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("https://tehopora.bg/kalkulator/", "https://tehopora.bg/kalkulator/"),
        ("https://tehopora.bg/kalkulator", "https://tehopora.bg/kalkulator/"),
        ("http://127.0.0.1:8000/kalkulator/index.html", "http://127.0.0.1:8000/kalkulator/index.html"),
    ],
)
def test_an_offer_given_the_calculators_address_is_a_whole_link(
    run: Run, signer: tuple[Path, Path], address: str, page: str
) -> None:
    code, out, _ = offer(run, signer, "--address", address, "--json")
    assert code == 0
    link = json.loads(out)["link"]
    assert link.startswith(page + "#v=1&pl=2026-12&d=2026-12-03&")
    # The signature is over the fragment: the whole link checks as the fragment does.
    check = decode_offer(link, read_keys(signer[1]), date(2026, 12, 3))
    assert (check.signed, check.reason) == (True, "")
    code, out, _ = offer(run, signer, "--address", address)
    assert out.splitlines()[-1] == f"Връзка: {link}"


def test_without_a_number_one_is_made_from_the_day(run: Run, signer: tuple[Path, Path]) -> None:
    key, mkdocs = signer
    argv = ["offer", "--key", str(key), "--key-id", "ivan-2026", "--mkdocs", str(mkdocs), "--today", TODAY]
    code, out, _ = run(*argv, "--plan", "pochasov", "--customer", "Мария", "--json")
    assert code == 0
    number = json.loads(out)["number"]
    assert number.startswith("20261203-") and len(number) == 15


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--plan", "zlaten"],
            "--plan: в ценоразписа няма план 'zlaten' (има: premium, standard, paket, pochasov, "
            "na-rabota, avariyna)",
        ),
        (["--discount", "50.5"], "--discount: от 0 до 50, до 2 знака след точката"),
        (["--valid-days", "91"], "--valid-days: от 1 до 90 дни, а е 91"),
        (["--eik", "206813476"], "--eik: „206813476“ не е валиден ЕИК"),
        (
            ["--item", "Тонер;4"],
            '--item: очаква се "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА", напр. "Лаптоп Lenovo;2;1234.50", а е \'Тонер;4\'',
        ),
        (["--item", "Тонер;4;12.345"], "--item: позиция 2: цената е в евро без ДДС, до 2 знака след точката"),
        (["--number", "2026 42"], "--number: номерът на офертата е от 1 до 20 латински букви, цифри, - и /"),
        (
            ["--address", "tehopora.bg/kalkulator/"],
            "--address: очаква се адресът на калкулатора, напр. https://example.bg/kalkulator/, "
            "а е 'tehopora.bg/kalkulator/'",
        ),
        (
            ["--address", "https://tehopora.bg/kalkulator/#v=1"],
            "--address: очаква се адресът на калкулатора, напр. https://example.bg/kalkulator/, "
            "а е 'https://tehopora.bg/kalkulator/#v=1'",
        ),
    ],
)
def test_bad_input_is_one_bulgarian_line(
    run: Run, signer: tuple[Path, Path], extra: list[str], message: str
) -> None:
    code, out, err = offer(run, signer, *extra)
    assert (code, out, err) == (2, "", f"calculator: грешка: {message}\n")


def test_a_key_not_listed_under_its_id_is_refused(
    run: Run, signer: tuple[Path, Path], tmp_path: Path
) -> None:
    other = tmp_path / "other.pem"
    other.write_bytes(_pem(Ed25519PrivateKey.generate()))
    key, mkdocs = signer
    argv = ["offer", "--key-id", "ivan-2026", "--mkdocs", str(mkdocs), "--today", TODAY, *OFFER]
    code, _, err = run(*argv, "--key", str(other))
    assert (code, err) == (
        2,
        f"calculator: грешка: --key: ключът не съвпада с публичния ключ „ivan-2026“ в {mkdocs}: "
        "сайтът не би приел офертите, подписани с него\n",
    )
    argv = ["offer", "--key", str(key), "--mkdocs", str(mkdocs), "--today", TODAY, *OFFER]
    code, _, err = run(*argv, "--key-id", "maria")
    assert err == (
        f"calculator: грешка: --key-id: ключ „maria“ няма в {mkdocs} (extra.offers.keys); "
        "добавете реда, който offer-key отпечата\n"
    )


def test_a_key_that_is_not_ed25519_is_refused(run: Run, signer: tuple[Path, Path], tmp_path: Path) -> None:
    ec = tmp_path / "ec.pem"
    ec.write_bytes(
        generate_private_key(SECP256R1()).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    text = tmp_path / "notes.txt"
    text.write_text("не е ключ\n", encoding="utf-8")
    for path, words in (
        (ec, "не е ключ Ed25519 (направете такъв с offer-key)"),
        (text, "не е частен ключ във формат PEM без парола"),
    ):
        argv = ["offer", "--key-id", "ivan-2026", "--mkdocs", str(signer[1]), "--today", TODAY, *OFFER]
        code, _, err = run(*argv, "--key", str(path))
        assert (code, err) == (2, f"calculator: грешка: --key: {path} {words}\n")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl on this machine")
def test_a_key_made_by_openssl_signs(run: Run, tmp_path: Path) -> None:
    key = tmp_path / "openssl.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", str(key)], check=True)
    loaded = serialization.load_pem_private_key(key.read_bytes(), password=None)
    assert isinstance(loaded, Ed25519PrivateKey)
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text(f"extra:\n  offers:\n    keys:\n      ivan-2026: {_public(loaded)}\n", encoding="utf-8")
    code, out, _ = offer(run, (key, mkdocs), "--json")
    assert code == 0
    assert json.loads(out)["link"].startswith(UNSIGNED + "&s=")


def test_offer_key_writes_a_private_key_only_its_owner_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "ivan.pem"
    code, out, err = key_command(capsys, "--id", "ivan-2026", "--out", str(out_file))
    assert (code, err) == (0, "")
    assert stat.S_IMODE(os.stat(out_file).st_mode) == 0o600
    key = serialization.load_pem_private_key(out_file.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    assert out.splitlines() == [
        f"Частният ключ е в {out_file} (само вие имате достъп до файла). Пазете го на своя компютър "
        "и никога не го добавяйте в хранилището на сайта.",
        "Добавете този ред в mkdocs.yml, под extra.offers.keys "
        "(с шест интервала отпред, като другите ключове):",
        f"      ivan-2026: {_public(key)}",
    ]
    code, _, err = key_command(capsys, "--id", "ivan-2026", "--out", str(out_file))
    assert (code, err) == (
        2,
        f"calculator: грешка: --out: {out_file} вече съществува; не го презаписваме, изберете друго име\n",
    )
    code, _, err = key_command(capsys, "--id", "Иван", "--out", str(tmp_path / "x.pem"))
    assert err == "calculator: грешка: --id: малки латински букви, цифри и -, до 32 знака, напр. ivan-2026\n"


def _signed_link(run: Run, signer: tuple[Path, Path]) -> str:
    link: str = json.loads(offer(run, signer, "--json")[1])["link"]
    return link


def test_quote_opens_a_good_offer(run: Run, signer: tuple[Path, Path]) -> None:
    link = _signed_link(run, signer)
    argv = ["quote", "--mkdocs", str(signer[1]), "--at", "2026-12-23T17:00", "--json"]
    code, out, _ = run(*argv, "--today", "2027-01-02", "--link", link)
    assert code == 0
    data = json.loads(out)
    assert data["offer"] == {
        "signed": True,
        "key": "ivan-2026",
        "customer": "ТехКлиент ООД",
        "number": "2026-0042",
        "valid_until": "2027-01-02",
        "expired": False,
    }
    assert data["profile"]["workstations"] == 10
    code, out, _ = run(*argv, "--today", "2027-01-03", "--link", link)
    assert json.loads(out)["offer"]["expired"] is True


def test_quote_refuses_a_bad_offer_in_words(run: Run, signer: tuple[Path, Path]) -> None:
    link = _signed_link(run, signer)
    unsigned, _, signature = link.rpartition("&s=")
    s = int.from_bytes(bytes_of(signature)[32:], "little") + 2**252 + 27742317777372353535851937790883648493
    malleable = encode_key(bytes_of(signature)[:32] + s.to_bytes(32, "little"))
    cases = [
        (link.replace("ws=10", "ws=90"), "подписът не съвпада"),
        (link[:-3], "подписът е с грешна дължина"),
        (f"{unsigned}&s={malleable}", "подписът не съвпада"),
        (link.replace("k=ivan-2026", "k=maria"), "непознат или оттеглен ключ „maria“"),
    ]
    for bad, reason in cases:
        code, out, err = run("quote", "--mkdocs", str(signer[1]), "--today", TODAY, "--link", bad, "--json")
        assert (code, out, err) == (2, "", f"calculator: грешка: --link: офертата не е приета: {reason}\n")


# The CLI run in a Python where `cryptography` cannot be imported (None in sys.modules).
_WITHOUT_CRYPTOGRAPHY = """
import sys
sys.modules["cryptography"] = None
from backoffice.sales.cli import main
code = main(sys.argv[1:])
assert "cryptography" not in [name.split(".")[0] for name in sys.modules if sys.modules[name] is not None]
sys.exit(code)
"""


def test_quote_and_an_offer_s_check_need_no_cryptography(
    run: Run, signer: tuple[Path, Path], sample_root: Path
) -> None:
    link = _signed_link(run, signer)
    # Without --docs, in the tests' repository: its docs are the default.
    argv = ["quote", "--mkdocs", str(signer[1]), "--today", TODAY, "--json", "--link", link]
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_CRYPTOGRAPHY, *argv],
        capture_output=True,
        text=True,
        cwd=sample_root,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["offer"]["signed"] is True


def bytes_of(signature: str) -> bytes:
    return base64.urlsafe_b64decode(signature + "==")


def test_the_tests_options_stay_out_of_the_help(run: Run) -> None:
    code, out, _ = run("offer", "--help")
    assert code == 0
    assert "--today" not in out and "--mkdocs" not in out
    assert "--customer-kind" in out and "ОПИСАНИЕ;КОЛИЧЕСТВО;ЦЕНА" in out
