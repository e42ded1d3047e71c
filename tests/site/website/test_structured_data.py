"""schema.org JSON-LD: made from the catalogue, on the plan pages and the plans index."""

import json
import re
from pathlib import Path

from samples import with_package

from backoffice.website import csp, structured_data
from calculator import Catalogue

COMPANY = {"name": "Фирма ООД", "phone": "+359 2 000 0000", "email": "a@example.org"}
SITE = "https://example.org/"
PROVIDER = {
    "@type": "Organization",
    "@id": "https://example.org/#organization",
    "name": "Фирма ООД",
    "url": "https://example.org/",
    "telephone": "+359 2 000 0000",
    "email": "a@example.org",
}


def offer(catalogue: Catalogue, plan: str) -> dict:
    return structured_data.offer(catalogue.plan(plan), catalogue, f"{SITE}{plan}/")


def test_a_subscription_offers_its_monthly_fee_and_the_extra_hour(small_catalogue: Catalogue):
    assert offer(small_catalogue, "sub") == {
        "@type": "Offer",
        "url": "https://example.org/sub/",
        "priceCurrency": "EUR",
        "price": "300.00",
        "priceSpecification": [
            {
                "@type": "UnitPriceSpecification",
                "price": "300.00",
                "priceCurrency": "EUR",
                "valueAddedTaxIncluded": False,
                "name": "Месечна такса",
                "unitCode": "MON",
                "unitText": "месец",
            },
            {
                "@type": "UnitPriceSpecification",
                "price": "30.00",
                "priceCurrency": "EUR",
                "valueAddedTaxIncluded": False,
                "name": "Час над включените 5\u00a0ч",
                "unitCode": "HUR",
                "unitText": "час",
            },
        ],
        "validFrom": "2026-11-01",
    }


def test_hourly_and_per_job_plans_are_priced_per_hour(small_catalogue: Catalogue):
    hourly = offer(small_catalogue, "hourly")
    assert (hourly["price"], hourly["priceSpecification"][0]["unitCode"]) == ("50.00", "HUR")
    assert "eligibleQuantity" not in hourly["priceSpecification"][0]
    job = offer(small_catalogue, "job")["priceSpecification"]
    assert [(spec["price"], spec["unitCode"]) for spec in job] == [("60.00", "HUR")]
    assert job[0]["eligibleQuantity"] == {"@type": "QuantitativeValue", "minValue": "2", "unitCode": "HUR"}


def test_emergency_has_no_fixed_price_only_a_minimum_per_incident(small_catalogue: Catalogue):
    sos = offer(small_catalogue, "sos")
    assert "price" not in sos
    assert sos["priceSpecification"][0] == {
        "@type": "PriceSpecification",
        "name": "Инцидент, договорена сума до решаване",
        "minPrice": "200.00",
        "priceCurrency": "EUR",
        "valueAddedTaxIncluded": False,
    }
    assert sos["priceSpecification"][1]["price"] == "55.00"


def test_the_index_lists_the_plans_with_pages_then_the_services(small_catalogue: Catalogue):
    pages = {"hourly": (f"{SITE}hourly/", "Почасов план"), "sub": (f"{SITE}sub/", "")}
    data = structured_data.for_page(
        small_catalogue, {"catalogue": {}}, f"{SITE}plans/", "Планове", pages, COMPANY, SITE
    )
    assert data is not None
    assert (data["@type"], data["name"], data["numberOfItems"]) == ("ItemList", "Планове", 3)
    items = [element["item"] for element in data["itemListElement"]]
    assert [(item["name"], item.get("url")) for item in items] == [
        ("Абонамент", "https://example.org/sub/"),
        ("Почасов", "https://example.org/hourly/"),
        ("Обучение", None),
    ]
    assert items[1]["description"] == "Почасов план"
    assert "description" not in items[0]
    assert items[2]["offers"]["priceSpecification"][0]["unitText"] == "занятие"
    assert all(item["provider"] == PROVIDER for item in items)


def test_without_the_sites_address_the_company_is_named_by_paths_from_the_root(small_catalogue: Catalogue):
    company = {**COMPANY, "brand": "Фирма", "eik": "206813475", "vat": None, "logo": "assets/images/logo.svg"}
    company |= {"street": "ул. „Първа“ 1", "city": "Пловдив", "postal_code": "4000"}
    data = structured_data.for_page(small_catalogue, {"template": "home.html"}, "/", "", {}, company, None)
    assert data is not None
    assert (data["@id"], data["url"], data["logo"]) == ("/#organization", "/", "/assets/images/logo.svg")
    plan = structured_data.for_page(small_catalogue, {"plan": {"id": "sub"}}, "/sub/", "", {}, COMPANY, None)
    assert plan is not None
    assert (plan["url"], plan["provider"]["url"]) == ("/sub/", "/")


def test_pages_that_are_not_about_plans_get_nothing(small_catalogue: Catalogue):
    assert structured_data.for_page(small_catalogue, {"title": "За нас"}, SITE, "", {}, COMPANY, SITE) is None


def test_the_script_is_data_that_no_text_can_close_and_csp_ignores():
    element = structured_data.script({"name": "</script><script>alert(1)</script>"})
    assert element == (
        '<script type="application/ld+json">'
        '{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}</script>'
    )
    assert csp.inline_script_hashes(element) == set()
    assert structured_data.inject("<head><title>x</title></head><body>", {"a": 1}) == (
        '<head><title>x</title><script type="application/ld+json">{"a":1}</script></head><body>'
    )


def json_ld(page: Path) -> list[dict]:
    html = page.read_text(encoding="utf-8")
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_the_built_plan_pages_carry_their_prices(site_dir: Path):
    # The tests' site, built as Netlify builds it: the site's address is its URL.
    [premium] = json_ld(site_dir / "planove" / "premium" / "index.html")
    assert premium["@type"] == "Service"
    assert premium["provider"]["name"] == "ТехОпора ЕООД"
    assert premium["offers"]["price"] == "390.00"
    assert [spec["price"] for spec in premium["offers"]["priceSpecification"]] == ["390.00", "35.00"]
    [package] = json_ld(site_dir / "planove" / "paket" / "index.html")
    assert (package["name"], package["offers"]["price"], package["offers"]["description"]) == (
        "Абонамент Пакет",
        "290.00",
        "8\u00a0ч работа на месец, включени в таксата, без доплащане на час",
    )
    [emergency] = json_ld(site_dir / "planove" / "avariyna" / "index.html")
    assert emergency["offers"]["priceSpecification"][0]["minPrice"] == "150.00"
    [plans] = json_ld(site_dir / "planove" / "index.html")
    assert [element["item"].get("offers", {}).get("price") for element in plans["itemListElement"]] == [
        "390.00",
        "240.00",
        "290.00",  # the package: its monthly fee
        "40.00",
        "45.00",
        None,  # emergency: only a minimum per incident
        "120.00",  # training, per session
        None,  # integration: on request
    ]
    # The home and contact pages describe the company itself, from extra.company.
    [home] = json_ld(site_dir / "index.html")
    assert home == {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "@id": "https://example-support.bg/#organization",
        "name": "ТехОпора ЕООД",
        "url": "https://example-support.bg/",
        "telephone": "+359 2 123 4567",
        "email": "office@tehopora.bg",
        "legalName": "ТехОпора ЕООД",
        "alternateName": "ТехОпора",
        "logo": "https://example-support.bg/assets/images/logo.svg",
        "image": "https://example-support.bg/assets/images/logo.svg",
        "taxID": "206813475",
        "vatID": "BG206813475",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "ул. „Опълченска“ 46, ет. 3",
            "addressLocality": "София",
            "postalCode": "1303",
            "addressCountry": "BG",
        },
        "openingHoursSpecification": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            "opens": "09:00",
            "closes": "18:00",
        },
    }
    assert json_ld(site_dir / "kontakti" / "index.html") == [home]
    assert json_ld(site_dir / "vaprosi" / "index.html") == []


def test_a_company_without_vat_registration_has_no_vat_id(small_catalogue: Catalogue):
    company = {
        **COMPANY,
        "brand": "Фирма",
        "eik": "206813475",
        "vat": None,
        "street": "ул. „Първа“ 1",
        "city": "Пловдив",
        "postal_code": "4000",
        "logo": "assets/images/logo.svg",
    }
    data = structured_data.local_business(company, small_catalogue, SITE)
    assert "vatID" not in data
    assert (data["taxID"], data["address"]["addressLocality"], data["logo"]) == (
        "206813475",
        "Пловдив",
        "https://example.org/assets/images/logo.svg",
    )


def test_a_package_offers_its_monthly_fee_for_the_hours_it_includes():
    catalogue = Catalogue.from_dict(with_package())
    assert offer(catalogue, "pack") == {
        "@type": "Offer",
        "url": "https://example.org/pack/",
        "priceCurrency": "EUR",
        "price": "250.00",
        "description": "8\u00a0ч работа на месец, включени в таксата, без доплащане на час",
        "priceSpecification": [
            {
                "@type": "UnitPriceSpecification",
                "price": "250.00",
                "priceCurrency": "EUR",
                "valueAddedTaxIncluded": False,
                "name": "Месечна такса за 8\u00a0ч работа",
                "unitCode": "MON",
                "unitText": "месец",
            },
        ],
        "validFrom": "2026-11-01",
    }
