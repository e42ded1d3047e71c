"""The offers' public keys in mkdocs.yml, checked at build time, and no private key in the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_site_build import copy_pages, run_prepare

from backoffice.website.offer_keys import (
    OfferKeyError,
    check_repository,
    encode_key,
    parse_keys,
    private_key_files,
    read_keys,
)
from backoffice.website.site_build import SiteBuildError

ROOT = Path(__file__).resolve().parents[3]
# Put together here, so that this file does not hold a private key's marker itself.
BEGIN, END = "-" * 5 + "BEGIN ", " KEY" + "-" * 5


def test_the_sites_key_is_read_from_mkdocs_yml(sample_root: Path):
    keys = read_keys(sample_root / "mkdocs.yml")
    assert list(keys) == ["k1"]
    assert encode_key(keys["k1"]) == "VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23of2c"


def test_no_section_is_no_keys():
    assert parse_keys(None) == {}


def test_a_key_pasted_with_too_little_indent_is_told_how_to_indent_it():
    # "keys:" left empty and the line four spaces in: YAML reads it beside "keys", not under it.
    pasted = yaml.safe_load("offers:\n  keys:\n    ivan-2026: VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23of2c\n")
    assert list(parse_keys(pasted["offers"])) == ["ivan-2026"]
    astray = yaml.safe_load("offers:\n  keys:\n  ivan-2026: VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23of2c\n")
    with pytest.raises(OfferKeyError) as caught:
        parse_keys(astray["offers"])
    assert str(caught.value) == (
        "mkdocs.yml: extra.offers.keys: очаква се списък „id: ключ“, по един на ред, с отстъп под keys: "
        "(шест интервала, както ги отпечатва python -m calculator offer-key)"
    )


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (
            {"K1": "VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23of2c"},
            "mkdocs.yml: extra.offers.keys: „K1“ не е име на ключ: "
            "малки латински букви, цифри и -, до 32 знака",
        ),
        (
            {"k2": "VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23of2"},
            "mkdocs.yml: extra.offers.keys.k2: ключът не се чете като base64url, а трябва да е публичен ключ "
            "Ed25519 от 32 байта (43 знака base64url без =), както го пише python -m calculator offer-key",
        ),
        (
            {"k3": "VWJFe_-SZ3wzJpu5xLz3m7J5PqM2zOQ7M79BG23o"},
            "mkdocs.yml: extra.offers.keys.k3: ключът е 30 байта, а трябва да е публичен ключ "
            "Ed25519 от 32 байта (43 знака base64url без =), както го пише python -m calculator offer-key",
        ),
    ],
)
def test_a_wrong_id_or_key_names_mkdocs_yml_and_the_key(keys: dict[str, str], message: str):
    with pytest.raises(OfferKeyError) as caught:
        parse_keys({"keys": keys})
    assert str(caught.value) == message


def test_a_key_that_is_not_32_bytes_stops_the_build(sample_root: Path, tmp_path: Path):
    docs = copy_pages(sample_root, tmp_path)
    with pytest.raises(SiteBuildError) as caught:
        run_prepare(docs, offers={"keys": {"k1": "AAAA"}})
    assert str(caught.value).startswith("mkdocs.yml: extra.offers.keys.k1: ключът е 3 байта")


def _pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize("kind", ["PRIVATE", "OPENSSH PRIVATE", "EC PRIVATE", "RSA PRIVATE"])
def test_a_private_key_in_the_repository_stops_the_build_naming_the_file(tmp_path: Path, kind: str):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Начало\n", encoding="utf-8")
    (tmp_path / "docs" / "sales.txt").write_text(f"бележка\n{BEGIN}{kind}{END}\nMC4CAQ\n", encoding="utf-8")
    with pytest.raises(OfferKeyError) as caught:
        check_repository(tmp_path)
    assert str(caught.value) == (
        "docs/sales.txt: във файла има частен ключ (PRIVATE KEY), а той не бива да е в хранилището: "
        "махнете файла оттук и го пазете само на компютъра на търговеца"
    )


def test_a_real_pem_key_is_found_in_git_and_outside_it_but_not_in_ignored_folders(tmp_path: Path):
    (tmp_path / "offer.pem").write_bytes(_pem())
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "test.pem").write_bytes(_pem())
    assert private_key_files(tmp_path) == ["offer.pem"]  # not in git: every file but the skipped folders
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("secret/\n", encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "mine.pem").write_bytes(_pem())
    assert private_key_files(tmp_path) == ["offer.pem"]


def test_the_repository_itself_holds_no_private_key():
    assert private_key_files(ROOT) == []
