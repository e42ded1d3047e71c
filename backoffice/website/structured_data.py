"""schema.org JSON-LD for the plans, made from the catalogue.

The home and contact pages describe the company itself, as a
``LocalBusiness`` (``extra.company`` in mkdocs.yml: name, ЕИК as ``taxID``,
VAT number, address, logo, working hours from the catalogue). Every plan
page gets a ``Service`` whose ``provider`` is the company and whose ``Offer`` prices come from the
plan's front matter; the plans index gets an ``ItemList`` of the plans and
the additional services. Prices are euro without VAT
(``valueAddedTaxIncluded: false``), written with a dot and two decimals.

Per kind: a subscription's offer is its monthly fee (``UnitPriceSpecification``
per month, ``MON``) plus the hour over the included ones (per hour, ``HUR``);
a package's is its monthly fee alone, named with the hours it includes, and
the offer's description says them (nothing is charged on top);
the hourly and per-job plans are priced per hour (per job with the minimum
hours of a visit as ``eligibleQuantity``); emergency has no fixed price, so
its offer carries the incident fee as ``minPrice`` ("from") and the hour of
regular work. A ``<script type="application/ld+json">`` is data: the CSP does
not apply to it and :mod:`backoffice.website.csp` skips it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculator.catalogue import Catalogue, Plan, Service
from calculator.money import format_hours, round_money

CONTEXT = "https://schema.org"


def _money(amount: Decimal) -> str:
    return str(round_money(amount))


def _price(amount: Decimal, **extra: Any) -> dict[str, Any]:
    return {
        "@type": "UnitPriceSpecification",
        "price": _money(amount),
        "priceCurrency": "EUR",
        "valueAddedTaxIncluded": False,
        **extra,
    }


def _hour(amount: Decimal, name: str) -> dict[str, Any]:
    return _price(amount, name=name, unitCode="HUR", unitText="час")


def organization(company: Mapping[str, Any], site_url: str) -> dict[str, Any]:
    """The company, as the provider of every service."""
    data = {
        "@type": "Organization",
        "@id": f"{site_url}#organization",
        "name": company["name"],
        "url": site_url,
    }
    if company.get("phone"):
        data["telephone"] = company["phone"]
    if company.get("email"):
        data["email"] = company["email"]
    return data


#: The templates of the pages that describe the company as a whole.
ORGANIZATION_TEMPLATES = ("home.html", "contact.html")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def local_business(company: Mapping[str, Any], catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    """The company as a ``LocalBusiness``: identification, address, contacts, working hours."""
    hours = catalogue.working_hours
    data: dict[str, Any] = {
        "@context": CONTEXT,
        **organization(company, site_url),
        "@type": "LocalBusiness",
        "legalName": company["name"],
        "alternateName": company["brand"],
        "logo": site_url + company["logo"],
        "image": site_url + company["logo"],
        "taxID": company["eik"],
    }
    if company.get("vat"):
        data["vatID"] = company["vat"]
    data["address"] = {
        "@type": "PostalAddress",
        "streetAddress": company["street"],
        "addressLocality": company["city"],
        "postalCode": company["postal_code"],
        "addressCountry": "BG",
    }
    data["openingHoursSpecification"] = {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": _WEEKDAYS,
        "opens": f"{hours.start:%H:%M}",
        "closes": f"{hours.end:%H:%M}",
    }
    return data


def offer(plan: Plan, catalogue: Catalogue, url: str) -> dict[str, Any]:
    """The plan's prices as one ``Offer``."""
    data: dict[str, Any] = {"@type": "Offer", "url": url, "priceCurrency": "EUR"}
    if plan.kind == "subscription":
        extra = f"Час над включените {format_hours(plan.included_hours)}"
        data["price"] = _money(plan.monthly_fee)
        data["priceSpecification"] = [
            _price(plan.monthly_fee, name="Месечна такса", unitCode="MON", unitText="месец"),
            _hour(plan.hourly_rate, extra),
        ]
    elif plan.kind == "package":
        hours = format_hours(plan.included_hours)
        data["price"] = _money(plan.monthly_fee)
        data["description"] = f"{hours} работа на месец, включени в таксата, без доплащане на час"
        data["priceSpecification"] = [
            _price(
                plan.monthly_fee, name=f"Месечна такса за {hours} работа", unitCode="MON", unitText="месец"
            )
        ]
    elif plan.kind in ("hourly", "per_job"):
        hour = _hour(plan.hourly_rate, "Час работа")
        if plan.minimum_hours_per_visit:
            hour["eligibleQuantity"] = {
                "@type": "QuantitativeValue",
                "minValue": str(plan.minimum_hours_per_visit),
                "unitCode": "HUR",
            }
        data["price"] = _money(plan.hourly_rate)
        data["priceSpecification"] = [hour]
    else:
        assert plan.incident_fee is not None
        data["priceSpecification"] = [
            {
                "@type": "PriceSpecification",
                "name": "Инцидент, договорена сума до решаване",
                "minPrice": _money(plan.incident_fee),
                "priceCurrency": "EUR",
                "valueAddedTaxIncluded": False,
            },
            _hour(plan.hourly_rate, "Час редовна работа"),
        ]
    data["validFrom"] = catalogue.effective.isoformat()
    return data


def plan_service(
    plan: Plan, catalogue: Catalogue, url: str, description: str, provider: dict[str, Any]
) -> dict[str, Any]:
    """One plan as a ``Service`` with its offer."""
    data: dict[str, Any] = {"@type": "Service", "@id": f"{url}#service", "name": plan.name, "url": url}
    if description:
        data["description"] = description
    data["serviceType"] = "Техническа поддръжка"
    data["provider"] = provider
    data["offers"] = offer(plan, catalogue, url)
    return data


def extra_service(service: Service, catalogue: Catalogue, provider: dict[str, Any]) -> dict[str, Any]:
    """An additional service; one priced "on request" has no offer."""
    data: dict[str, Any] = {"@type": "Service", "name": service.name, "provider": provider}
    if service.price is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": _money(service.price),
            "priceCurrency": "EUR",
            "priceSpecification": [_price(service.price, unitText=service.unit)],
            "validFrom": catalogue.effective.isoformat(),
        }
    return data


def plans_list(
    catalogue: Catalogue,
    pages: Mapping[str, tuple[str, str]],
    name: str,
    url: str,
    provider: dict[str, Any],
) -> dict[str, Any]:
    """The plans (in display order) and the additional services as an ``ItemList``.

    ``pages`` maps a plan id to the URL and description of its page; a plan
    without a page is left out.
    """
    items = [
        plan_service(plan, catalogue, *pages[plan.id], provider)
        for plan in sorted(catalogue.plans, key=lambda plan: plan.order)
        if plan.id in pages
    ]
    items += [extra_service(service, catalogue, provider) for service in catalogue.services]
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "name": name,
        "url": url,
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "item": item}
            for position, item in enumerate(items, start=1)
        ],
    }


def script(data: Mapping[str, Any]) -> str:
    """A JSON-LD script element; ``<`` is escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def inject(html: str, data: Mapping[str, Any]) -> str:
    """Put the JSON-LD of `data` just before ``</head>``."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return html[:head_end] + script(data) + html[head_end:]


def plan_id(meta: Mapping[str, Any]) -> str | None:
    """The plan id in a page's front matter, if the page is a plan's."""
    plan = meta.get("plan")
    return str(plan["id"]) if isinstance(plan, Mapping) and plan.get("id") else None


def for_page(
    catalogue: Catalogue,
    meta: Mapping[str, Any],
    url: str,
    title: str,
    pages: Mapping[str, tuple[str, str]],
    company: Mapping[str, Any],
    site_url: str | None,
) -> dict[str, Any] | None:
    """The JSON-LD of one page: the company, a plan's ``Service``, the index's ``ItemList``, or None.

    ``url`` is the page's address; ``site_url`` the site's (with its final
    ``/``), or None when the build knows no address: the company's URLs are
    then paths from the site's root (``/``, ``/assets/images/logo.svg``).
    """
    site_url = site_url or "/"
    if meta.get("template") in ORGANIZATION_TEMPLATES:
        return local_business(company, catalogue, site_url)
    provider = organization(company, site_url)
    plan = plan_id(meta)
    if plan is not None:
        description = str(meta.get("description") or "")
        return {
            "@context": CONTEXT,
            **plan_service(catalogue.plan(plan), catalogue, url, description, provider),
        }
    if "catalogue" in meta:
        return plans_list(catalogue, pages, title, url, provider)
    return None
