"""The hostile-link corpus in Chromium: each link pasted into the open calculator page, a few opened fresh."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hostile_links import UNKNOWN, UNPUBLISHED, WHOLE, Hostile, read_corpus
from playwright.sync_api import Browser, Page

from calculator.page.links import PARAM_NAMES

from .conftest import Watch
from .test_calculator_page import DEFAULT_GROSS, TEN_WORKSTATIONS_GROSS, gross_by_plan, wait_for_gross
from .waiting import READY_TIMEOUT_MS, expect, wait_until

pytestmark = pytest.mark.browser

ENTRIES = read_corpus()
# The link parameters' names in the page's notices (the words themselves are
# checked in tests/engine/page/test_web.py and below).
NAMES = PARAM_NAMES | {UNKNOWN: "параметър", WHOLE: PARAM_NAMES[""]}
PROBLEMS = "Не успяхме да прочетем всичко от връзката: "

# What the checks need, gathered in the page in one round trip.
COLLECT = """() => {
  const notice = document.querySelector("[data-calc-notice]");
  const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
    element
      .getAttributeNames()
      .filter((name) => name.startsWith("on"))
      .map((name) => `${element.localName}@${name}`),
  );
  return {
    hash: location.hash,
    state: document.querySelector("[data-calculator]").dataset.state,
    notice: notice.hidden ? null : notice.textContent,
    pwnedElement: document.querySelector("#pwned") !== null,
    pwnedFlag: typeof window.__pwned,
    handlers,
    scripts: document.scripts.length,
    frames: document.querySelectorAll("iframe, object, embed").length,
  };
}"""
# Sets the fragment as a visitor pasting a link would; the fragment as the page has it.
SET_HASH = """(fragment) => {
  location.hash = fragment;
  return location.hash;
}"""


def paste(page: Page, fragment: str) -> dict[str, Any]:
    """Paste `fragment`, wait until the page has answered it, and collect what the checks need.

    Once it has answered, the page puts the quote's own link into the address bar.
    """
    pasted = page.evaluate(SET_HASH, fragment)
    wait_until(
        page,
        f"the page answers the pasted link {pasted!r} with its own link",
        lambda: page.evaluate("() => location.hash"),
        lambda now: now != pasted,
    )
    return {**page.evaluate(COLLECT), "pasted": pasted}


# The page's own link: the current list, today's date, then numbers only.
CLEAN_LINK = re.compile(
    r"#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=[bi](&(ws|sv|inc|h|vis|km|rt)=\d+(\.\d+)?)*"
    r"(&at=\d{4}-\d\d-\d\dT\d\d:\d\d(%2B02:00)?)?(&dc=\d+(\.\d+)?)?(&op=24/7)?"
    # The one-off lists: service ids and counts; descriptions escaped but for letters, digits and ._-
    r"(&us=[a-z0-9-]+\*\d+(~[a-z0-9-]+\*\d+)*)?(&dp=[A-Za-z0-9._%-]+\*\d+(~[A-Za-z0-9._%-]+\*\d+)*)?"
)


def expected_notice(entry: Hostile) -> str:
    if entry.expect == UNPUBLISHED:
        price_list = entry.fragment.split("pl=")[1].split("&")[0]
        return f"Ценоразпис {price_list} от връзката не е намерен, затова показваме днешните цени."
    return f"{NAMES.get(entry.expect, NAMES[UNKNOWN])} ("


@dataclass
class OpenPage:
    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    scripts: int = 0


# Under the site's policy, as visitors get it; and without it, so that the
# page's own escaping is tested too: there an injected handler would run,
# set window.__pwned or open a dialog.
@pytest.fixture(scope="module", params=["policy", "no-policy"])
def open_page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[OpenPage]:
    """One calculator page for the whole corpus: Pyodide boots once."""
    context = browser.new_context(
        locale="bg-BG", timezone_id="Europe/Sofia", bypass_csp=request.param == "no-policy"
    )
    page = context.new_page()
    opened = OpenPage(page)

    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(base_url + "kalkulator/")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    # Material's instant navigation answers the first change of the fragment
    # by rendering the page afresh (its location stream has no first value to
    # compare the path with); later changes reach only the page's own
    # listener. Take that first change here, so that each entry below is
    # answered by the listener alone.
    page.evaluate("""() => {
      document.querySelector("[data-calculator]").dataset.before = "";
      location.hash = "#v=1&pl=2026-12&c=b&ws=5&sv=1&inc=1&vis=1&km=0";
    }""")
    expect(page.locator("[data-calculator][data-before]")).to_have_count(0)
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready")
    expect(page.locator("[data-calc-status-text]")).to_contain_text("Обновено.")
    opened.scripts = page.evaluate("() => document.scripts.length")
    yield opened
    context.close()


def check(entry: Hostile, seen: dict[str, Any], opened: OpenPage, *, pasted: bool) -> None:
    assert opened.dialogs == []
    assert opened.errors == []
    assert seen["pwnedElement"] is False
    assert seen["pwnedFlag"] == "undefined"
    assert seen["handlers"] == []
    assert seen["frames"] == 0
    assert seen["scripts"] == opened.scripts
    assert seen["state"] == "ready"
    assert seen["notice"] is not None, "no notice"
    if entry.expect != UNPUBLISHED:
        assert seen["notice"].startswith(PROBLEMS)
    assert expected_notice(entry) in seen["notice"]
    if pasted:
        # The page answered: the address bar holds the quote's own, clean link.
        assert seen["hash"] != seen["pasted"]
    assert CLEAN_LINK.fullmatch(seen["hash"]), seen["hash"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.id for entry in ENTRIES])
def test_a_hostile_link_pasted_into_the_open_page_is_named_and_harmless(open_page: OpenPage, entry: Hostile):
    # Each entry answers for what happens after it is pasted.
    open_page.dialogs.clear()
    open_page.errors.clear()
    seen = paste(open_page.page, "#" + entry.fragment)
    check(entry, seen, open_page, pasted=True)


def test_a_valid_link_pasted_after_a_hostile_one_is_applied_and_clears_the_notice(open_page: OpenPage):
    page = open_page.page
    seen = paste(page, "#v=1&pl=2026-12&ws=" + "<img id=pwned src=x onerror=window.__pwned=1>")
    assert (
        seen["notice"]
        == PROBLEMS + "работни станции (трябва да е число с точка, например 7.5). Останалото е приложено."
    )
    wait_for_gross(page, DEFAULT_GROSS)
    seen = paste(page, "#v=1&pl=2026-12&c=b&ws=10&sv=1&inc=1&vis=1&km=0")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    assert seen["notice"] is None
    assert page.get_by_label("Работни станции").input_value() == "10"
    assert open_page.errors == []


# Goes to a heading, as its link in the table of contents does, and notes at
# the hashchange whether the page then asked Python for an answer: its
# hashchange listener, added before this one, would have marked the link as
# on its way. The note is read by `wait_until`: null until the event came.
TO_HEADING = """(fragment) => {
  window.__askedPython = null;
  window.addEventListener(
    "hashchange",
    () => (window.__askedPython = document.querySelector("[data-calc-share]").hasAttribute("aria-busy")),
    { once: true },
  );
  location.hash = fragment;
}"""


def test_a_heading_anchor_is_not_read_as_a_quote_link(open_page: OpenPage):
    page = open_page.page
    paste(page, "#v=1&pl=2026-12&c=b&ws=10&sv=1&inc=1&vis=1&km=0")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    page.evaluate(TO_HEADING, "#calc-answer-heading")
    asked = wait_until(
        page,
        "the heading's hashchange",
        lambda: page.evaluate("() => window.__askedPython"),
        lambda seen: seen is not None,
    )
    assert asked is False
    assert page.evaluate("() => location.hash") == "#calc-answer-heading"
    expect(page.locator("[data-calc-notice]")).to_be_hidden()
    assert gross_by_plan(page) == TEN_WORKSTATIONS_GROSS
    assert open_page.errors == []


def first_of(category: str) -> Hostile:
    return next(entry for entry in ENTRIES if entry.category == category)


# The mount path: a hostile link opened in a fresh page, before Python is there.
FRESH = [first_of("html"), first_of("url"), first_of("unknown"), first_of("truncated"), first_of("pricelist")]


@pytest.mark.parametrize("entry", FRESH, ids=[entry.id for entry in FRESH])
def test_a_hostile_link_opened_in_a_fresh_page_is_named_and_harmless(
    page: Page, base_url: str, watch: Watch, entry: Hostile
):
    opened = OpenPage(page)
    page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "kalkulator/#" + entry.fragment)
    opened.scripts = page.evaluate("() => document.scripts.length")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT_MS
    )
    # The first answer puts the quote's own link in the address bar.
    expect(page).to_have_url(re.compile(re.escape(base_url) + "kalkulator/" + CLEAN_LINK.pattern + "$"))
    seen = page.evaluate(COLLECT)
    opened.errors = watch.console_errors
    check(entry, seen, opened, pasted=False)
    assert watch.foreign_requests == []
