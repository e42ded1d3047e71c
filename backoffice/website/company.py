"""The company's identity, written once in ``mkdocs.yml`` (``extra.company``) and validated.

The law wants it on every page (Закон за електронната търговия, чл. 4): the
firm, its registered office, phone, e-mail, ЕИК and VAT number. The header,
the footer, the contact page, the printed offer, the legal pages and the
JSON-LD all read it from here. A wrong ЕИК or a missing field stops the build
with the file, the field and what to do, in Bulgarian (editors read it).

The ЕИК's check digits follow the Registry Agency's algorithm, written once
in the engine (:mod:`calculator.eik`), since an offer's customer is checked
there too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from calculator.eik import branch_check_digit, is_valid_eik

__all__ = ["Company", "CompanyError", "branch_check_digit", "is_valid_eik", "parse_company"]

FILE = "mkdocs.yml"
FIELD = "extra.company"
_REQUIRED = ("brand", "name", "eik", "vat", "address", "phone", "email", "logo", "favicon")
_ADDRESS = ("street", "city", "postal_code")
_PHONE = re.compile(r"\+359(?: ?\d){8,9}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_POSTAL_CODE = re.compile(r"\d{4}")


class CompanyError(ValueError):
    """A missing or wrong identity value: the file, the field and what to do."""

    def __init__(self, field: str, reason: str, file: str = FILE) -> None:
        self.file, self.field, self.reason = file, field, reason
        super().__init__(f"{file}: {field}: {reason}")


@dataclass(frozen=True)
class Company:
    """The validated identity; `as_template()` gives what the templates read."""

    brand: str
    name: str
    eik: str
    vat: str | None
    street: str
    city: str
    postal_code: str
    phone: str
    email: str
    logo: str
    favicon: str
    #: The logo's own markup, for the header: inline, it costs no request and
    #: needs no place in the calculator's offline copy.
    logo_svg: str = ""

    @property
    def address(self) -> str:
        """The registered office on one line, as on a letterhead."""
        return f"{self.street}, {self.postal_code} {self.city}"

    def as_template(self) -> dict[str, Any]:
        """The identity as ``config.extra.company``: the fields, and the phone as a ``tel:`` target."""
        return {
            "brand": self.brand,
            "name": self.name,
            "eik": self.eik,
            "vat": self.vat,
            "street": self.street,
            "city": self.city,
            "postal_code": self.postal_code,
            "address": self.address,
            "phone": self.phone,
            "phone_link": "tel:" + self.phone.replace(" ", ""),
            "email": self.email,
            "logo": self.logo,
            "logo_svg": self.logo_svg,
            "favicon": self.favicon,
        }


def _text(data: Mapping[str, Any], key: str, field: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CompanyError(f"{field}.{key}", "липсва или е празно: попълнете го като текст")
    return " ".join(value.split())


def _image(data: Mapping[str, Any], key: str, docs_dir: Path) -> str:
    path = _text(data, key, FIELD)
    if not path.endswith(".svg"):
        raise CompanyError(f"{FIELD}.{key}", f"„{path}“ не е SVG: посочете файл .svg в папка docs/")
    if not (docs_dir / path).is_file():
        raise CompanyError(f"{FIELD}.{key}", f"няма файл docs/{path}: поставете го там или поправете пътя")
    return path


def parse_company(value: object, docs_dir: Path, site_name: str | None = None) -> Company:
    """Validate ``extra.company`` of mkdocs.yml.

    Args:
        value: The mapping under ``extra.company``.
        docs_dir: The docs folder, where the logo and the favicon must be.
        site_name: ``site_name`` of mkdocs.yml, if it is to be checked: the
            header shows it, so it must be the company's ``brand``.

    Raises:
        CompanyError: the first missing or wrong field.
    """
    if not isinstance(value, Mapping):
        raise CompanyError(FIELD, "липсват данните на фирмата: попълнете ги (вижте docs/REDAKTORI.md)")
    for key in value:
        if key not in _REQUIRED:
            allowed = ", ".join(_REQUIRED)
            raise CompanyError(
                f"{FIELD}.{key}", f"непознато поле: махнете го или поправете името ({allowed})"
            )
    for key in _REQUIRED:
        if key not in value:
            raise CompanyError(f"{FIELD}.{key}", "липсва: добавете го (вижте docs/REDAKTORI.md)")

    brand = _text(value, "brand", FIELD)
    if site_name is not None and site_name != brand:
        raise CompanyError("site_name", f"трябва да е името на фирмата от extra.company.brand, „{brand}“")

    eik = str(value["eik"]).strip()
    if not re.fullmatch(r"\d{9}|\d{13}", eik):
        raise CompanyError(f"{FIELD}.eik", f"„{eik}“ не е ЕИК: пишат се 9 цифри (13 за клон), в кавички")
    if not is_valid_eik(eik):
        raise CompanyError(
            f"{FIELD}.eik",
            f"„{eik}“ не минава проверката на контролната цифра: препишете ЕИК от Търговския регистър",
        )

    vat = value["vat"]
    if vat is not None:
        vat = str(vat).replace(" ", "")
        if vat != "BG" + eik[:9]:
            raise CompanyError(
                f"{FIELD}.vat",
                f"„{vat}“ трябва да е BG{eik[:9]} (BG и ЕИК); "
                "ако фирмата не е регистрирана по ДДС, пишете null",
            )

    address = value["address"]
    field = f"{FIELD}.address"
    if not isinstance(address, Mapping):
        raise CompanyError(field, "трябва да има street, city и postal_code на отделни редове")
    postal_code = str(address.get("postal_code", "")).strip()
    for key in _ADDRESS[:2]:
        _text(address, key, field)
    if not _POSTAL_CODE.fullmatch(postal_code):
        raise CompanyError(f"{field}.postal_code", f"„{postal_code}“ не е пощенски код: пишат се 4 цифри")

    phone = _text(value, "phone", FIELD)
    if not _PHONE.fullmatch(phone):
        raise CompanyError(f"{FIELD}.phone", f'„{phone}“: пишете номера с +359, напр. "+359 2 000 0000"')
    email = _text(value, "email", FIELD)
    if not _EMAIL.fullmatch(email):
        raise CompanyError(f"{FIELD}.email", f"„{email}“ не е имейл адрес: пишете го като office@firma.bg")

    logo = _image(value, "logo", docs_dir)
    svg = (docs_dir / logo).read_text(encoding="utf-8").strip()
    if not svg.startswith("<svg") or not svg.endswith("</svg>"):
        raise CompanyError(
            f"{FIELD}.logo", f"docs/{logo} не е само един елемент <svg>: махнете XML заглавието"
        )
    return Company(
        brand=brand,
        name=_text(value, "name", FIELD),
        eik=eik,
        vat=vat,
        street=_text(address, "street", field),
        city=_text(address, "city", field),
        postal_code=postal_code,
        phone=phone,
        email=email,
        logo=logo,
        favicon=_image(value, "favicon", docs_dir),
        logo_svg=svg,
    )
