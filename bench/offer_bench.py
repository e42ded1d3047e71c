"""An offer link's check inside Pyodide on the desktop profile: Ed25519's verify, and the whole decode_offer.

The link is a realistic offer (a customer, ЕИК, discount, an agreed item, a
salesperson and a note: about 500 signed bytes) on the built site's price list,
issued today and signed at bench time with a fresh key by ``cryptography``.
bench/offer/ is copied into the built site as ``bench-offer/``: it boots the
site's own Pyodide in a module Web Worker as the calculator's Worker does,
with the wheels the calculator page names (the engine's wheel the site
serves, and tzdata), and runs bench/offer_timing.py there: `RUNS` checks of
the signature (`calculator.ed25519.verify`), then `RUNS` reads of the whole
link (`decode_offer`), each timed inside Python. The same job runs in
CPython too, for comparison.
"""

from __future__ import annotations

import json
import shutil
import statistics
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import offer_timing
from browser_bench import profile_context
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from playwright.sync_api import Error, sync_playwright

from calculator import Profile
from calculator.catalogue import Catalogue
from calculator.clock import SOFIA
from calculator.page.offer_link import decode_offer, encode_offer, sign_offer, signed_bytes
from calculator.page.offer_values import Offer
from calculator.pricing.offer import OfferItem

BENCH = Path(__file__).resolve().parent
PAGE = "bench-offer/"
RUNS = 30
KEY_ID = "bench"


def add_offer_page(site: Path, pyodide: str, wheels: list[str]) -> None:
    """Copy the offer page into the built site, pointed at the Pyodide and the wheels the calculator uses."""
    target = site / PAGE
    shutil.copytree(BENCH / "offer", target)
    shutil.copy2(BENCH / "offer_timing.py", target / "offer_timing.py")
    page = target / "index.html"
    html = page.read_text(encoding="utf-8").replace("{pyodide}", pyodide)
    page.write_text(html.replace("{wheels}", " ".join(wheels)), encoding="utf-8")


def job(catalogue_json: str, runs: int = RUNS) -> dict[str, Any]:
    """What the page is asked to time: an offer on the site's current price list, signed with a fresh key."""
    catalogue = Catalogue.from_dict(json.loads(catalogue_json))
    plan = min(catalogue.plans, key=lambda p: p.order).id
    today = datetime.now(SOFIA).date()
    offer = Offer(
        "2026-0042",
        "Клиент ООД",
        plan,
        today + timedelta(days=30),
        KEY_ID,
        eik="123456708",
        discount=Decimal(10),
        items=(OfferItem("Лаптоп Lenovo", 2, Decimal("1234.50")),),
        salesperson="Иван Петров",
        note="Цена при подписване до Коледа",
    )
    unsigned = encode_offer(catalogue.price_list, Profile(workstations=12, servers=2), today, offer)
    key = Ed25519PrivateKey.generate()
    link = sign_offer(unsigned, key.sign(signed_bytes(unsigned)))
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    check = decode_offer(link, {KEY_ID: public}, today)
    if not check.signed:
        raise RuntimeError(f"the benchmark's own offer does not check in CPython: {check.reason}")
    return {
        "link": link,
        "key_id": KEY_ID,
        "public_key": public.hex(),
        "today": today.isoformat(),
        "runs": runs,
    }


def _figures(timing: dict[str, Any]) -> dict[str, Any]:
    verify_ms, decode_ms = timing["verify_ms"], timing["decode_ms"]
    return {
        "verify_median_ms": round(statistics.median(verify_ms), 2),
        "verify_first_ms": round(verify_ms[0], 2),
        "verify_max_ms": round(max(verify_ms), 2),
        "decode_median_ms": round(statistics.median(decode_ms), 2),
        "samples_ms": {
            "verify": [round(x, 2) for x in verify_ms],
            "decode": [round(x, 2) for x in decode_ms],
        },
    }


def measure(url: str, work: dict[str, Any]) -> dict[str, Any]:
    """Time `work` in Pyodide (a fresh desktop profile, page at `url` + `PAGE`) and in CPython.

    Raises:
        RuntimeError: the page did not boot, or a check refused the offer.
    """
    with sync_playwright() as playwright, profile_context(playwright) as context:
        page = context.pages[0]
        page.goto(url + PAGE, wait_until="load")
        try:
            pyodide = page.evaluate("(job) => window.benchOffer(job)", work)
        except Error as error:
            raise RuntimeError(f"offer check at {url + PAGE}: {error.message.splitlines()[0]}") from None
    cpython = json.loads(offer_timing.measure(json.dumps(work)))
    for where, timing in (("Pyodide", pyodide), ("CPython", cpython)):
        if timing["error"]:
            raise RuntimeError(f"offer check in {where}: {timing['error']}")
    return {
        "runs": work["runs"],
        "link_chars": len(work["link"]),
        "message_bytes": pyodide["message_bytes"],
        "pyodide": _figures(pyodide),
        "cpython": _figures(cpython),
    }
