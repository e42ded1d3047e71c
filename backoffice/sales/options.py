"""What the options of quote and offer say: the catalogue, the day, the offers' keys and the profile.

A link's profile (``--link``) with the options on top, checked once by
:class:`~calculator.profile.profile.Profile`; every bad value is a
:class:`~backoffice.sales.usage.UsageError` naming its option.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from backoffice.sales.usage import UsageError
from backoffice.website.offer_keys import OfferKeyError, read_keys
from backoffice.website.sources import load_catalogue
from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.errors import ProfileError, QuoteLinkError
from calculator.page.links import QuoteLink, decode_link
from calculator.page.offer_link import OfferCheck, decode_offer, is_offer_link
from calculator.profile.fields import BY_NAME, FIELDS
from calculator.profile.lists import Counts, Lines, check_counts
from calculator.profile.profile import Profile, read_value

__all__ = ["read_catalogue", "read_offer_keys", "read_profile", "read_today"]


def read_catalogue(args: argparse.Namespace) -> Catalogue:
    """The catalogue of the plan pages under ``--docs`` (default ``docs``)."""
    docs = args.docs or args.docs_main or Path("docs")
    return load_catalogue(docs, with_holidays=False)


def _services(args: argparse.Namespace, catalogue: Catalogue, given: Counts) -> dict[str, object]:
    """The link's service counts with the ``--service ID=N`` options on top, each count checked."""
    field = BY_NAME["services"]
    known = [service.id for service in catalogue.services]
    # The example is the catalogue's own first service, whatever the content.
    example = f", напр. {known[0]}=2" if known else ""
    counts: dict[str, object] = dict(given)
    for item in args.services or []:
        if "=" not in item:
            raise UsageError(f"{field.option}: очаква се УСЛУГА=БРОЙ{example}, а е {item!r}")
    for key, text in (item.partition("=")[::2] for item in args.services or []):
        if not known:
            raise UsageError(f"{field.option}: в ценоразписа няма допълнителни услуги (поискана е {key!r})")
        if key not in known:
            raise UsageError(f"{field.option}: в ценоразписа няма услуга {key!r} (има: {', '.join(known)})")
        try:
            check_counts(field.name, [(key, text)], int(field.highest), field.most)
        except ProfileError:
            raise UsageError(
                f"{field.option}: трябва да е цяло число от 0 до {field.limits[1]}, а е {text!r}"
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


def read_today(args: argparse.Namespace) -> date:
    """Today in Sofia, or the tests' ``--today``."""
    if args.today is not None:
        return date.fromisoformat(args.today)
    return datetime.now(SOFIA).date()


def read_offer_keys(args: argparse.Namespace) -> tuple[dict[str, bytes], Path]:
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
        check = decode_offer(args.link, read_offer_keys(args)[0], read_today(args))
        if not check.signed or check.link is None:
            raise UsageError(f"--link: офертата не е приета: {check.reason}")
        return check.link, check
    try:
        return decode_link(args.link), None
    except QuoteLinkError as err:
        raise UsageError(f"--link: {err}") from None


def read_profile(
    args: argparse.Namespace, catalogue: Catalogue
) -> tuple[Profile, str | None, OfferCheck | None]:
    """The profile, the link's price list (when a link is given), and an offer link's check."""
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
