"""``quote --link`` naming a withdrawn price list: today's prices, saying so; a signed offer refused."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backoffice.sales.cli import main
from backoffice.website.offer_keys import encode_key
from calculator.page.offer_link import encode_offer, sign_offer, signed_bytes
from calculator.page.offer_values import Offer
from calculator.profile.profile import Profile

LINK = "#v=1&pl=2026-11&c=b&ws=10&sv=1&inc=1&vis=1&km=0&at=2026-12-21T00:00"
NOTICE = "Ценоразпис 2026-11 от връзката е оттеглен, затова цените са днешните."
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def docs(sample_repo: Path) -> str:
    """The tests' content (today's list 2026-12; 2026-11 in the archive) with 2026-11 withdrawn."""
    index = sample_repo / "docs" / "plans" / "index.md"
    text = index.read_text(encoding="utf-8")
    effective = "  effective: 2026-12-01\n"
    assert effective in text
    index.write_text(text.replace(effective, f'{effective}  withdrawn: ["2026-11"]\n'), encoding="utf-8")
    return str(sample_repo / "docs")


def test_before_the_withdrawal_the_link_opens_at_its_own_list(
    capsys: pytest.CaptureFixture[str], sample_repo: Path
) -> None:
    _, out, _ = run(capsys, "quote", "--link", LINK, "--json", "--docs", str(sample_repo / "docs"))
    data = json.loads(out)
    assert (data["link_price_list"], data["as_issued"]["price_list"], data["today"]["price_list"]) == (
        "2026-11",
        "2026-11",
        "2026-12",
    )


def test_a_link_of_a_withdrawn_list_is_quoted_at_todays_prices_saying_so(
    capsys: pytest.CaptureFixture[str], docs: str
) -> None:
    code, out, err = run(capsys, "quote", "--link", LINK, "--docs", docs)
    assert (code, err) == (0, "")
    assert out.startswith(f"Оценка по ценоразпис 2026-12, в евро на месец\n{NOTICE}\n")
    # One quote, at today's list: 390 + 2.5 h x 35 (7 h of work and 1.5 of the incident, 6 included).
    assert "Абонамент Премиум           477,50 €        573,00 €\n" in out
    assert "днешните цени:" not in out
    assert out.endswith("Връзка: #v=1&pl=2026-12&c=b&ws=10&sv=1&inc=1&vis=1&km=0&at=2026-12-21T00:00\n")

    code, out, err = run(capsys, "quote", "--link", LINK, "--json", "--docs", docs)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["price_list"], data["link_price_list"], data["notice"]) == ("2026-12", "2026-11", NOTICE)
    assert (data["plans"][0]["id"], data["plans"][0]["net"]) == ("premium", "477.50")
    assert "as_issued" not in data


def offer_link(price_list: str) -> str:
    """An offer for ТехКлиент ООД signed under `price_list`, issued 03.12.2026, valid to 02.01.2027."""
    offer = Offer("2026-0042", "ТехКлиент ООД", "standard", date(2027, 1, 2), "t1", discount=Decimal(10))
    unsigned = encode_offer(price_list, Profile(workstations=10), date(2026, 12, 3), offer)
    return sign_offer(unsigned, KEY.sign(signed_bytes(unsigned)))


def test_a_signed_offer_of_a_withdrawn_list_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], docs: str, tmp_path: Path
) -> None:
    public = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    mkdocs = tmp_path / "keys.yml"
    mkdocs.write_text(f"extra:\n  offers:\n    keys:\n      t1: {encode_key(public)}\n", encoding="utf-8")
    argv = ["quote", "--docs", docs, "--mkdocs", str(mkdocs), "--today", "2026-12-10", "--json", "--link"]

    code, out, err = run(capsys, *argv, offer_link("2026-11"))
    assert (code, out, err) == (
        2,
        "",
        "calculator: грешка: --link: офертата не е приета: ценоразпис 2026-11 на офертата е оттеглен\n",
    )
    # The same offer under today's list is confirmed: the list is the reason.
    code, out, _ = run(capsys, *argv, offer_link("2026-12"))
    assert code == 0
    assert json.loads(out)["offer"]["signed"] is True
