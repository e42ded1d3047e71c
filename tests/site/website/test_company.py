"""The company's identity in mkdocs.yml: the ЕИК's check digits, every field, and the build that stops."""

import copy
from pathlib import Path

import pytest
import site_hooks
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from stdnum.bg import vat as bg_vat

from backoffice.website.company import CompanyError, branch_check_digit, is_valid_eik, parse_company
from tests.site.strict_build import strict_build

IDENTITY = {
    "brand": "ТехОпора",
    "name": "ТехОпора ЕООД",
    "eik": "206813475",
    "vat": "BG206813475",
    "address": {"street": "ул. „Опълченска“ 46, ет. 3", "city": "София", "postal_code": "1303"},
    "phone": "+359 2 123 4567",
    "email": "office@tehopora.bg",
    "logo": "assets/images/logo.svg",
    "favicon": "assets/images/favicon.svg",
}


# --- the ЕИК's check digits (Registry Agency) --------------------------------


@pytest.mark.parametrize(
    "eik",
    [
        "206813475",  # ours: 2+0+18+32+5+18+28+56 = 159, 159 mod 11 = 5
        "206000077",  # first remainder 10, the second (weights 3..10) is 7
        "206000120",  # both remainders 10: the check digit is 0
        "121110127",  # from the older BULSTAT range
        "2068134750009",  # a branch: 2*5 mod 11 = 10, then 4*5 mod 11 = 9
        "2068134750014",  # a branch: 2*5 + 5*1 = 15, 15 mod 11 = 4
    ],
)
def test_a_valid_eik_passes(eik: str):
    assert is_valid_eik(eik)


@pytest.mark.parametrize(
    "eik",
    [
        "206813476",  # check digit off by one
        "206000127",  # both remainders 10 (check digit 0), but 7 written
        "206000070",  # first remainder 10 taken as 0 instead of the second remainder, 7
        "206813470",
        "20681347",  # 8 digits
        "2068134755",  # 10 digits: an ЕГН's length, not an ЕИК's
        "20681347A",
        " 206813475",
        "2068134750001",  # a branch whose 13th digit is the first remainder's, not the second's
        "2068134760009",  # a branch of an invalid 9-digit ЕИК
        "",
    ],
)
def test_a_wrong_eik_fails(eik: str):
    assert not is_valid_eik(eik)


def test_the_branch_check_digit_uses_the_second_weights_when_the_first_give_ten():
    assert branch_check_digit("206813475000") == 9  # 2*5 = 10, then 4*5 = 20, 20 mod 11 = 9
    assert branch_check_digit("206813475001") == 4  # 2*5 + 5*1 = 15, 15 mod 11 = 4


def test_the_engines_check_agrees_with_python_stdnum_on_every_tenth_thousand_code():
    # The engine's ЕИК check is written out (the browser has no stdnum): the
    # build used stdnum's, which must say the same of 9-digit codes.
    codes = [f"{n:09d}" for n in range(7, 1_000_000_000, 99_991)]
    assert len(codes) == 10_001
    assert [is_valid_eik(code) for code in codes] == [bg_vat.is_valid(code) for code in codes]
    assert sum(is_valid_eik(code) for code in codes) == 1001


# --- every field of extra.company ---------------------------------------------


def identity(**changes: object) -> dict:
    data = copy.deepcopy(IDENTITY)
    data.update(changes)
    return data


@pytest.fixture
def docs(sample_root: Path) -> Path:
    """The tests' pages, where IDENTITY's logo and favicon are."""
    return sample_root / "docs"


def test_the_sites_identity_is_valid(sample_root: Path, docs: Path):
    config = load_config(str(sample_root / "mkdocs.yml"), strict=True)
    company = parse_company(config.extra["company"], docs)
    assert company.as_template() == {
        "brand": "ТехОпора",
        "name": "ТехОпора ЕООД",
        "eik": "206813475",
        "vat": "BG206813475",
        "street": "ул. „Опълченска“ 46, ет. 3",
        "city": "София",
        "postal_code": "1303",
        "address": "ул. „Опълченска“ 46, ет. 3, 1303 София",
        "phone": "+359 2 123 4567",
        "phone_link": "tel:+35921234567",
        "email": "office@tehopora.bg",
        "logo": "assets/images/logo.svg",
        "logo_svg": (docs / "assets" / "images" / "logo.svg").read_text(encoding="utf-8").strip(),
        "favicon": "assets/images/favicon.svg",
    }


def test_the_logo_must_be_one_svg_element_to_go_inline(tmp_path: Path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_text('<?xml version="1.0"?>\n<svg></svg>\n', encoding="utf-8")
    (tmp_path / "assets" / "favicon.svg").write_text("<svg></svg>", encoding="utf-8")
    data = identity(logo="assets/logo.svg", favicon="assets/favicon.svg")
    with pytest.raises(CompanyError) as info:
        parse_company(data, tmp_path)
    assert str(info.value) == (
        "mkdocs.yml: extra.company.logo: docs/assets/logo.svg не е само един елемент <svg>: "
        "махнете XML заглавието"
    )


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        (
            identity(eik="206813476"),
            "extra.company.eik",
            "„206813476“ не минава проверката на контролната цифра",
        ),
        (
            identity(eik=206813475),
            "extra.company.vat",
            None,
        ),  # an unquoted ЕИК is read as a number: still fine
        (identity(eik="20681347"), "extra.company.eik", "„20681347“ не е ЕИК: пишат се 9 цифри (13 за клон)"),
        (identity(vat="BG206813476"), "extra.company.vat", "„BG206813476“ трябва да е BG206813475"),
        (identity(vat="206813475"), "extra.company.vat", "трябва да е BG206813475 (BG и ЕИК)"),
        (identity(name=""), "extra.company.name", "липсва или е празно"),
        (identity(brand=None), "extra.company.brand", "липсва или е празно"),
        (
            identity(phone="02 123 4567"),
            "extra.company.phone",
            'пишете номера с +359, напр. "+359 2 000 0000"',
        ),
        (identity(email="office"), "extra.company.email", "не е имейл адрес"),
        (identity(logo="assets/images/logo.png"), "extra.company.logo", "не е SVG"),
        (
            identity(favicon="assets/images/none.svg"),
            "extra.company.favicon",
            "няма файл docs/assets/images/none.svg",
        ),
        (identity(fax="+359 2 000 0000"), "extra.company.fax", "непознато поле"),
        (identity(address="София"), "extra.company.address", "трябва да има street, city и postal_code"),
        (
            identity(address={"street": "ул. „Опълченска“ 46", "city": "София", "postal_code": "13030"}),
            "extra.company.address.postal_code",
            "не е пощенски код: пишат се 4 цифри",
        ),
        (
            identity(address={"street": "ул. „Опълченска“ 46", "postal_code": "1303"}),
            "extra.company.address.city",
            "липсва или е празно",
        ),
        ("ТехОпора", "extra.company", "липсват данните на фирмата"),
    ],
)
def test_a_wrong_or_missing_field_is_named(data: object, field: str, reason: str | None, docs: Path):
    if reason is None:
        assert parse_company(data, docs).eik == "206813475"
        return
    with pytest.raises(CompanyError) as info:
        parse_company(data, docs)
    assert (info.value.file, info.value.field) == ("mkdocs.yml", field)
    assert str(info.value).startswith(f"mkdocs.yml: {field}: ")
    assert reason in str(info.value)


def test_the_phone_messages_example_names_no_company_and_passes_itself(docs: Path):
    with pytest.raises(CompanyError) as info:
        parse_company(identity(phone="02 123 4567"), docs)
    assert str(info.value) == (
        'mkdocs.yml: extra.company.phone: „02 123 4567“: пишете номера с +359, напр. "+359 2 000 0000"'
    )
    assert parse_company(identity(phone="+359 2 000 0000"), docs).phone == "+359 2 000 0000"


def test_every_field_is_required(docs: Path):
    for key in IDENTITY:
        data = identity()
        del data[key]
        with pytest.raises(CompanyError) as info:
            parse_company(data, docs)
        assert str(info.value) == (
            f"mkdocs.yml: extra.company.{key}: липсва: добавете го (вижте docs/REDAKTORI.md)"
        )


def test_a_company_not_registered_for_vat_writes_null(docs: Path):
    assert parse_company(identity(vat=None), docs).vat is None


# --- the build stops -----------------------------------------------------------


def test_the_hook_stops_on_a_wrong_eik(sample_root: Path):
    config = load_config(str(sample_root / "mkdocs.yml"), strict=True)
    config.extra["company"]["eik"] = "206813474"
    with pytest.raises(PluginError) as info:
        site_hooks.on_config(config)
    assert str(info.value) == (
        "mkdocs.yml: extra.company.eik: „206813474“ не минава проверката на контролната цифра: "
        "препишете ЕИК от Търговския регистър"
    )


def test_the_hook_stops_when_the_site_name_is_not_the_brand(sample_root: Path):
    config = load_config(str(sample_root / "mkdocs.yml"), strict=True)
    config.site_name = "Друга фирма"
    with pytest.raises(PluginError) as info:
        site_hooks.on_config(config)
    assert str(info.value) == (
        "mkdocs.yml: site_name: трябва да е името на фирмата от extra.company.brand, „ТехОпора“"
    )


def test_the_strict_build_stops_naming_the_file_and_the_field(sample_root: Path, tmp_path: Path):
    config = (sample_root / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count('eik: "206813475"') == 1
    config = config.replace('eik: "206813475"', 'eik: "206813457"')
    config += f"\nsite_dir: {tmp_path / 'site'}\n"
    result = strict_build(sample_root, config)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  mkdocs.yml: extra.company.eik: „206813457“ не минава проверката на контролната "
        "цифра: препишете ЕИК от Търговския регистър"
    ]
    assert not (tmp_path / "site" / "index.html").exists()
