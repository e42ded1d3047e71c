"""Signed offers for the sales CLI: the signing key, the offer and its summary in Bulgarian.

Signing happens here only, on the salesperson's computer, with
``cryptography``; checking is the engine's (:mod:`calculator.page.offer_link`),
the same in the browser and here. ``cryptography`` is imported only when a
key is read or made, so the CLI's other commands run without it. The CLI
(:mod:`backoffice.sales.offer_commands`) reads the options and hands them
over; every bad input is a :class:`SalesError` with one Bulgarian line.

A key is signed with only when its public half is listed, under the id
given, in ``mkdocs.yml`` (``extra.offers.keys``): an offer the site cannot
check would reach the customer as "not signed".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from backoffice.sales.quote_table import one_off_line, priced_line
from backoffice.website.offer_keys import FIELD, encode_key
from calculator.catalogue import Catalogue
from calculator.money import decimal_text, format_eur
from calculator.page.offer_link import encode_offer, sign_offer, signed_bytes
from calculator.page.offer_values import Offer
from calculator.pricing.offer import OfferPrice, price_offer
from calculator.profile.profile import Profile

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = ["IssuedOffer", "SalesError", "issue", "load_key", "new_key", "summary"]


class SalesError(Exception):
    """Bad input to an offer command: one Bulgarian line."""


def load_key(path: Path) -> Ed25519PrivateKey:
    """The private key in ``path``: PEM PKCS#8 Ed25519, as ``openssl genpkey -algorithm ed25519`` has it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        data = path.read_bytes()
    except OSError as err:
        raise SalesError(f"--key: файлът {path} не може да бъде прочетен ({err.strerror})") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise SalesError(f"--key: {path} не е частен ключ във формат PEM без парола") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SalesError(f"--key: {path} не е ключ Ed25519 (направете такъв с offer-key)")
    return key


def public_key(key: Ed25519PrivateKey) -> bytes:
    """The key's public half, the 32 raw bytes that mkdocs.yml lists."""
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def check_listed(key: Ed25519PrivateKey, key_id: str, keys: Mapping[str, bytes], mkdocs_yml: Path) -> None:
    """Refuse a key whose public half is not listed under ``key_id``: the site could not check its offers."""
    listed = keys.get(key_id)
    if listed is None:
        raise SalesError(
            f"--key-id: ключ „{key_id}“ няма в {mkdocs_yml} ({FIELD}); "
            "добавете реда, който offer-key отпечата"
        )
    if listed != public_key(key):
        raise SalesError(
            f"--key: ключът не съвпада с публичния ключ „{key_id}“ в {mkdocs_yml}: "
            "сайтът не би приел офертите, подписани с него"
        )


def new_key(out: Path) -> str:
    """Make a new Ed25519 key, write its private half to ``out`` (mode 600), return the public half.

    Raises:
        SalesError: ``out`` exists (never overwritten) or cannot be written.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        # O_EXCL: an existing key is never overwritten; 0o600 from the start, not after.
        handle = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SalesError(f"--out: {out} вече съществува; не го презаписваме, изберете друго име") from None
    except OSError as err:
        raise SalesError(f"--out: {out} не може да бъде записан ({err.strerror})") from None
    with os.fdopen(handle, "wb") as file:
        file.write(pem)
    os.chmod(out, 0o600)
    return encode_key(public_key(key))


@dataclass(frozen=True)
class IssuedOffer:
    """A signed offer: its link (the fragment, after the calculator's address when given) and its price."""

    offer: Offer
    link: str
    price: OfferPrice

    def to_dict(self) -> dict[str, object]:
        """The CLI's ``--json``: the link, the number, the validity and the totals."""
        return {
            "link": self.link,
            "number": self.offer.number,
            "valid_until": self.offer.valid_until.isoformat(),
            **self.price.totals(),
        }


def issue(
    catalogue: Catalogue, profile: Profile, offer: Offer, issued: date, key: Ed25519PrivateKey, page: str = ""
) -> IssuedOffer:
    """Price ``offer`` at ``catalogue`` and sign its link with ``key``; the link follows ``page``.

    The signature covers the fragment only, so the same offer checks on any
    address the site is served at.

    Raises:
        CatalogueError: the price list has no such plan.
        QuoteLinkError: the dates do not fit (checked again by the link).
    """
    price = price_offer(catalogue, profile, offer.plan, offer.discount, offer.items)
    unsigned = encode_offer(catalogue.price_list, profile, issued, offer)
    return IssuedOffer(offer, page + sign_offer(unsigned, key.sign(signed_bytes(unsigned))), price)


def summary(issued: IssuedOffer, issued_on: date) -> str:
    """The offer in a few Bulgarian lines, then its link."""
    offer, price = issued.offer, issued.price
    month = price.monthly
    lines = [f"Оферта № {offer.number} от {issued_on:%d.%m.%Y}, валидна до {offer.valid_until:%d.%m.%Y}"]
    lines.append(f"Клиент: {offer.customer}" + (f", ЕИК {offer.eik}" if offer.eik else ""))
    plan = month.plan.name + (f", отстъпка {decimal_text(offer.discount)}%" if offer.discount else "")
    lines.append(f"План: {plan}")
    lines.append(f"На месец: {format_eur(month.net)} без ДДС, {format_eur(month.gross)} с ДДС")
    for line in month.lines:
        lines.append(f"    {line.label}: {format_eur(line.amount)} ({line.explanation})")
    if price.services.lines or price.items:
        lines.append(
            f"Еднократно: {format_eur(price.one_off_net)} без ДДС, {format_eur(price.one_off_gross)} с ДДС"
            + (" (позициите по запитване не са в сумата)" if price.services.on_request else "")
        )
        lines += [f"    {one_off_line(line)}" for line in price.services.lines]
        lines += [
            f"    {priced_line(item.description, item.quantity, item.unit_price, item.net)}"
            for item in price.items
        ]
    if offer.salesperson:
        lines.append(f"Търговец: {offer.salesperson}")
    if offer.note:
        lines.append(f"Бележка: {offer.note}")
    lines.append(f"Връзка: {issued.link}")
    if issued.link.startswith("#"):
        lines.append(
            "Пред връзката сложете адреса на калкулатора на сайта, напр. https://example.bg/kalkulator/, "
            "или го дайте с --address: така клиентът я отваря направо."
        )
    return "\n".join(line.replace("\u00a0", " ") for line in lines) + "\n"
