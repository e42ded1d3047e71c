"""The calculator page in Chromium, under the site's real headers."""

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import close
from .waiting import READY_TIMEOUT_MS, expect, wait_until

pytestmark = pytest.mark.browser

ROOT_SELECTOR = "[data-calculator]"

# The default profile: 5 workstations and 1 server (4.5 h of regular work)
# and 1 incident (1.5 h), 1 visit in the city.
DEFAULT_GROSS = {
    "premium": "468.00",  # 390 fee, 6 h included
    "standard": "379.20",  # 240 + 2 h x 38 = 316
    "paket": "348.00",  # 290 fee: the 6 h fit in its 8 h
    "pochasov": "288.00",  # 6 h x 40 = 240
    "na-rabota": "324.00",  # 6 h x 45 = 270
    "avariyna": "423.00",  # 1 x 150 + 4.5 h x 45 = 352.50
}
# 10 workstations: 7 h regular + 1.5 h incident = 8.5 h.
TEN_WORKSTATIONS_GROSS = {
    "premium": "573.00",  # 390 + 2.5 h x 35 = 477.50
    "standard": "493.20",  # 240 + 4.5 h x 38 = 411
    "paket": "348.00",  # 290 fee, though the 8.5 h fill its 8 h and more
    "pochasov": "408.00",  # 8.5 h x 40 = 340
    "na-rabota": "459.00",  # 8.5 h x 45 = 382.50
    "avariyna": "558.00",  # 150 + 7 h x 45 = 465
}
# And 30 km out of town: one visit, 2 x 30 km x 0.40 = 24 more each.
TEN_WORKSTATIONS_30_KM_GROSS = {
    "premium": "601.80",
    "standard": "522.00",
    "paket": "376.80",
    "pochasov": "436.80",
    "na-rabota": "487.80",
    "avariyna": "586.80",
}
# The link of that quote, with a required reaction and a moment, issued today.
TEN_WORKSTATIONS_LINK = re.compile(
    r"http://127\.0\.0\.1:\d+/kalkulator/#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=b"
    r"&ws=10&sv=1&inc=1&vis=1&km=30&rt=4&at=2026-12-23T17:30"
)


def gross_by_plan(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('[data-plan]')]"
        ".map((card) => [card.dataset.plan, card.dataset.gross]))"
    )


def wait_for_gross(page: Page, expected: dict[str, str]) -> None:
    wait_until(page, "the plans' gross prices", lambda: gross_by_plan(page), expected)


def open_ready(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)


def answered(page: Page) -> None:
    """Wait until a live answer is on screen: the status says so as the answer arrives."""
    expect(page.locator("[data-calc-status-text]")).to_contain_text("Обновено.", timeout=READY_TIMEOUT_MS)


def open_answered(page: Page, url: str) -> None:
    page.goto(url)
    answered(page)


def test_the_default_quote_is_in_the_page_before_python_starts(browser: Browser, base_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kalkulator/")
    assert gross_by_plan(page) == DEFAULT_GROSS
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "loading")
    expect(page.locator("noscript p")).to_contain_text("Без JavaScript калкулаторът не може да смята")
    context.close()


def test_the_worker_downloads_the_webassembly_gzipped_and_never_the_plain_file(page: Page, base_url: str):
    runtime_files: list[str] = []
    page.on("response", lambda response: runtime_files.append(response.url.rsplit("/", 1)[-1]))
    open_answered(page, base_url + "kalkulator/")
    # Answered: Python runs, so the WebAssembly was inflated and compiled.
    assert [name for name in runtime_files if "pyodide.asm.wasm" in name] == ["pyodide.asm.wasm.gz"]


def test_a_deploy_without_the_gzipped_webassembly_answers_from_the_plain_file(
    browser: Browser, base_url: str
):
    context = browser.new_context()
    context.route("**/pyodide.asm.wasm.gz", lambda route: route.fulfill(status=404, body=""))
    page = context.new_page()
    runtime_files: list[tuple[int, str]] = []
    page.on(
        "response", lambda response: runtime_files.append((response.status, response.url.rsplit("/", 1)[-1]))
    )
    open_answered(page, base_url + "kalkulator/")
    assert [found for found in runtime_files if "pyodide.asm.wasm" in found[1]] == [
        (404, "pyodide.asm.wasm.gz"),
        (200, "pyodide.asm.wasm"),
    ]
    close(context)


def test_typing_recomputes_in_python_and_the_address_bar_follows(page: Page, base_url: str, watch):
    open_ready(page, base_url + "kalkulator/")
    wait_for_gross(page, DEFAULT_GROSS)
    page.get_by_label("Работни станции").fill("10")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)

    premium = page.locator('[data-plan="premium"]')
    expect(premium.locator(".plan-card__amount")).to_have_text("477,50\u00a0€")
    premium.get_by_text("Покажи изчислението").click()
    expect(premium.locator(".plan-card__calc")).to_contain_text(
        "Часове над включените: 87,50 € (6 ч включени, 2,5 ч над тях × 35,00 €)"
    )
    # The link field, the address bar and the request link are the answer's.
    link_field = page.locator("[data-quote-link]")
    expect(link_field).to_have_value(
        re.compile(r"#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=b&ws=10&sv=1&inc=1&vis=1&km=0$")
    )
    link = link_field.input_value()
    assert page.url == link
    request = page.locator("[data-calc-request]").get_attribute("href")
    # In the fragment, which no request carries: nothing of the quote reaches the host's logs.
    assert urlsplit(request).query == ""
    assert parse_qs(urlsplit(request).fragment)["oferta"] == [link]
    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_keyboard_only_changes_the_quote(page: Page, base_url: str, watch):
    open_ready(page, base_url + "kalkulator/")
    page.get_by_label("Работни станции").focus()
    page.keyboard.press("Tab")  # to the servers
    page.keyboard.press("ArrowUp")
    # 2 servers: 2.5 + 4 = 6.5 h regular + 1.5 h = 8 h; Premium 390 + 2 h x 35 = 460.
    expect(page.locator('[data-plan="premium"]')).to_have_attribute("data-gross", "552.00")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back to "физическо лице / фирма"
    page.keyboard.press("ArrowDown")
    # An individual sees prices with VAT first.
    expect(page.locator('[data-plan="premium"] .plan-card__amount')).to_have_text("552,00\u00a0€")
    assert watch.console_errors == []


def test_a_quote_link_reopens_the_same_quote_in_a_fresh_browser(browser: Browser, page: Page, base_url: str):
    open_ready(page, base_url + "kalkulator/")
    page.get_by_label("Работни станции").fill("10")
    page.get_by_label("Разстояние извън града").fill("30")
    page.get_by_label("Нужна реакция до").fill("4")
    page.get_by_label("Момент на инцидента").fill("2026-12-23T17:30")
    # The link of the last change: the gross does not depend on the moment.
    link_field = page.locator("[data-quote-link]")
    expect(link_field).to_have_value(TEN_WORKSTATIONS_LINK)
    link = link_field.input_value()

    fresh = browser.new_context()
    other = fresh.new_page()
    open_ready(other, link)
    expect(other.get_by_label("Момент на инцидента")).to_have_value("2026-12-23T17:30")
    expect(other.get_by_label("Работни станции")).to_have_value("10")
    wait_for_gross(other, TEN_WORKSTATIONS_30_KM_GROSS)
    # 24/7: two hours after Wednesday 17:30; working hours skip Christmas
    # and the substitute day off on Monday 28.12.
    expect(other.locator('[data-plan="premium"] .plan-card__deadline')).to_have_text(
        "При инцидент в сряда, 23.12.2026, 17:30 реагираме до сряда, 23.12.2026, 19:30"
    )
    expect(other.locator('[data-plan="pochasov"] .plan-card__deadline')).to_have_text(
        "При инцидент в сряда, 23.12.2026, 17:30 реагираме до вторник, 29.12.2026, 12:30"
    )
    expect(other.locator('[data-plan="pochasov"]')).to_contain_text("Не покрива срока")
    expect(other).to_have_url(link)
    fresh.close()


# The visitor's edit and the click in one task of the page, as a quick hand
# does them: the click comes before the answer to the edit can have arrived.
EDIT_AND_CLICK = """([id, value, target]) => {
  const field = document.getElementById(id);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  const pending = document.querySelector("[data-calc-share]").getAttribute("aria-busy");
  document.querySelector(target).click();
  return pending;
}"""


# The quote's own link, as the page hands it out, for 5 workstations and `servers` servers.
def own_link(servers: int) -> re.Pattern[str]:
    return re.compile(
        rf"http://127\.0\.0\.1:\d+/kalkulator/#v=1&pl=2026-12&d=\d{{4}}-\d\d-\d\d&c=b&ws=5&sv={servers}&inc=1&vis=1&km=0"
    )


def test_a_link_copied_straight_after_an_edit_is_the_link_of_that_edit(page: Page, base_url: str, watch):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_answered(page, base_url + "kalkulator/")
    pending = page.evaluate(EDIT_AND_CLICK, ["calc-servers", "2", "[data-calc-copy]"])
    # While the answer was on its way, the link was marked as not yet the quote's.
    assert pending == "true"
    expect(page.locator("[data-calc-status-text]")).to_have_text("Връзката е копирана.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert own_link(2).fullmatch(copied)
    assert page.locator("[data-quote-link]").input_value() == copied
    expect(page.locator("[data-calc-share]")).not_to_have_attribute("aria-busy", "true")
    assert watch.console_errors == []


def test_a_quote_requested_straight_after_an_edit_carries_the_link_of_that_edit(
    page: Page, base_url: str, watch
):
    open_answered(page, base_url + "kalkulator/")
    page.evaluate(EDIT_AND_CLICK, ["calc-servers", "3", "[data-calc-request]"])
    expect(page).to_have_url(re.compile(r"/kontakti/#oferta="))
    [link] = parse_qs(urlsplit(page.url).fragment)["oferta"]
    assert own_link(3).fullmatch(link)
    assert watch.console_errors == []


def test_a_malformed_link_names_what_it_could_not_read_and_keeps_the_rest(page: Page, base_url: str, watch):
    open_ready(page, base_url + "kalkulator/#v=1&pl=2026-12&ws=abc&sv=3&zz=1&at=2026-03-29T03:30")
    notice = page.locator("[data-calc-notice]")
    expect(notice).to_contain_text("работни станции (трябва да е число с точка, например 7.5)")
    expect(notice).to_contain_text("параметър (непознат параметър)")
    expect(notice).to_contain_text("момент на инцидента (няма такъв момент")
    expect(page.get_by_label("Сървъри")).to_have_value("3")
    expect(page.get_by_label("Работни станции")).to_have_value("5")
    # 5 ws + 3 servers = 8.5 h + 1.5 h = 10 h: Premium 390 + 4 h x 35 = 530.
    expect(page.locator('[data-plan="premium"]')).to_have_attribute("data-gross", "636.00")
    assert watch.console_errors == []


def test_a_link_of_an_older_price_list_shows_the_quote_as_issued_and_today_beside_it(
    page: Page, base_url: str, site_dir: Path, watch
):
    # Publish an older list in the served site, as the build does from git
    # history: the same plans, Premium's fee at 350 instead of 390.
    lists = site_dir / "assets" / "price-lists"
    index = json.loads((lists / "index.json").read_text(encoding="utf-8"))
    current = json.loads((site_dir / index["lists"][0]["url"]).read_text(encoding="utf-8"))
    older = json.loads(json.dumps(current))
    older["price_list"], older["effective"] = "2026-01", "2026-01-01"
    next(plan for plan in older["plans"] if plan["id"] == "premium")["monthly_fee"] = "350"
    (lists / "2026-01.json").write_text(json.dumps(older), encoding="utf-8")
    index["lists"].append(
        {"id": "2026-01", "effective": "2026-01-01", "url": "assets/price-lists/2026-01.json"}
    )
    backup = lists / "index.json.orig"
    shutil.copyfile(lists / "index.json", backup)
    (lists / "index.json").write_text(json.dumps(index), encoding="utf-8")
    try:
        open_ready(page, base_url + "kalkulator/#v=1&pl=2026-01&d=2026-01-10&c=b&ws=5&sv=1&inc=1&vis=1&km=0")
        notice = page.locator("[data-calc-notice]")
        expect(notice).to_contain_text(
            "изчислена по ценоразпис 2026-01 от 01.01.2026, който вече не е в сила"
        )
        expect(notice).to_contain_text("Срокът на оценката изтече на 09.02.2026")
        # As issued: 350 net, 420 with VAT; today's prices beside it.
        expect(page.locator('[data-plan="premium"]')).to_have_attribute("data-gross", "420.00")
        expect(page.locator('[data-today-plan="premium"]')).to_have_attribute("data-today-plan", "premium")
        expect(page.locator('[data-today-plan="premium"] .plan-card__amount')).to_have_text("390,00\u00a0€")
        expect(page.locator("[data-calc-issued]")).to_have_text("10.01.2026")
        expect(page.locator("[data-calc-valid]")).to_have_text("09.02.2026")
        expect(page).to_have_url(re.compile(r"#v=1&pl=2026-01&d=2026-01-10&c=b&ws=5&"))
        # A change makes it a new quote at today's prices.
        page.get_by_label("Работни станции").fill("6")
        expect(page.locator("[data-calc-today]")).to_be_hidden()
        # 6 workstations and 1 server: 5 h + 1.5 h; 390 + 0.5 h x 35 = 407.50 net.
        expect(page.locator('[data-plan="premium"]')).to_have_attribute("data-gross", "489.00")
        expect(page).to_have_url(re.compile(r"#v=1&pl=2026-12&d=\d{4}-\d\d-\d\d&c=b&ws=6&"))
        expect(page.locator("[data-calc-notice]")).to_be_hidden()
        assert watch.console_errors == []
    finally:
        shutil.move(backup, lists / "index.json")
        (lists / "2026-01.json").unlink()


def test_an_unknown_price_list_falls_back_to_today_with_a_message(page: Page, base_url: str):
    open_ready(page, base_url + "kalkulator/#v=1&pl=1999-01&c=b&ws=10")
    expect(page.locator("[data-calc-notice]")).to_contain_text(
        "Ценоразпис 1999-01 от връзката не е намерен, затова показваме днешните цени."
    )
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)


def test_the_print_view_is_one_a4_page_with_number_date_and_link(page: Page, base_url: str):
    open_answered(page, base_url + "kalkulator/")
    page.emulate_media(media="print")
    expect(page.locator(".calc-print-head")).to_be_visible()
    # The provider, as the identity in mkdocs.yml gives it.
    expect(page.locator(".calc-print-head__company")).to_have_text(
        "ТехОпора ЕООД, ЕИК 206813475, ДДС № BG206813475 · ул. „Опълченска“ 46, ет. 3, 1303 София"
        " · +359 2 123 4567 · office@tehopora.bg"
    )
    expect(page.locator(".calc-print-link")).to_contain_text(page.url)
    expect(page.locator(".calc__form")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_the_page_fits_a_360_px_phone(browser: Browser, base_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    open_ready(page, base_url + "kalkulator/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    # The title's hidden permalink takes no room (it wrapped onto an empty line).
    assert page.locator("article h1 .headerlink").evaluate("(link) => link.getClientRects().length") == 0
    context.close()


def test_on_a_phone_the_advice_stays_in_view_while_the_form_is_edited(browser: Browser, base_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_answered(page, base_url + "kalkulator/")
    page.get_by_label("Разстояние извън града").fill("30")
    summary = page.locator("[data-calc-summary]")
    # 240 + one visit of 2 x 30 km x 0.40.
    expect(summary).to_have_text(
        re.compile(r"^Препоръка: Абонамент Почасов, 264,00\s€ на месец без ДДС\s*Към цените$")
    )
    expect(summary).to_be_in_viewport()
    expect(page.locator('[data-plan="pochasov"]')).not_to_be_in_viewport()
    summary.get_by_role("link", name="Към цените").click()
    # The prices, the focus on their heading; the form and the quote link kept.
    expect(page.locator("#calc-answer-heading")).to_be_focused()
    expect(page.locator('[data-plan="premium"]')).to_be_in_viewport()
    expect(page.get_by_label("Разстояние извън града")).to_have_value("30")
    expect(page).to_have_url(re.compile(r"&km=30$"))
    context.close()


def test_on_a_desktop_the_cards_need_no_advice_line(page: Page, base_url: str):
    open_answered(page, base_url + "kalkulator/")
    expect(page.locator("[data-calc-summary]")).to_be_hidden()


def test_calculator_works_after_instant_navigation_and_back(page: Page, base_url: str, watch):
    page.goto(base_url)
    # Material's instant navigation swaps the content without a page load.
    # The sections are the header's tabs (the home page hides the sidebar).
    page.locator(".md-tabs__link", has_text="Калкулатор").click()
    expect(page).to_have_url(base_url + "kalkulator/")
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    page.locator(".md-tabs__link", has_text="Въпроси и отговори").click()
    expect(page).to_have_url(base_url + "vaprosi/")
    page.locator(".md-tabs__link", has_text="Калкулатор").click()
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    page.get_by_label("Работни станции").fill("10")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    # One calculator Worker runs (Material's search has one of its own).
    workers = [worker.url.rsplit("/", 1)[-1] for worker in page.workers]
    assert [name for name in workers if not name.startswith("search.")] == ["calculator-worker.js"]
    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_without_webassembly_the_page_says_so_and_keeps_prices_and_contacts(browser: Browser, base_url: str):
    context = browser.new_context()
    # The WebAssembly, plain or gzipped.
    context.route("**/*.wasm*", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + "kalkulator/")
    root = page.locator(ROOT_SELECTOR)
    expect(root).to_have_attribute("data-state", "error", timeout=READY_TIMEOUT_MS)
    # A blocked wasm leaves loadPyodide() pending for ever, but the worker sees
    # the failed download and says so at once (test_failure_modes.py has the rest).
    expect(page.locator("[data-calc-status-text]")).to_contain_text(
        "Калкулаторът не успя да се зареди: не успяхме да изтеглим Python за браузъра."
    )
    expect(page.locator("[data-calc-fallback]")).to_be_visible()
    expect(page.locator("[data-calc-fallback] a[href^='tel:']")).to_be_visible()
    assert gross_by_plan(page) == DEFAULT_GROSS
    close(context)


def test_an_out_of_range_value_is_named_inline_and_the_last_answer_stays(page: Page, base_url: str, watch):
    open_ready(page, base_url + "kalkulator/")
    servers = page.get_by_label("Сървъри")
    servers.fill("5000")
    expect(page.locator("#calc-servers-error")).to_be_visible()
    expect(page.locator("#calc-servers-error")).to_have_text("трябва да е между 0 и 1000")
    expect(servers).to_have_attribute("aria-invalid", "true")
    assert gross_by_plan(page) == DEFAULT_GROSS
    servers.fill("1")
    expect(page.locator("#calc-servers-error")).to_be_hidden()
    expect(servers).not_to_have_attribute("aria-invalid", "true")
    assert watch.console_errors == []


def test_the_lev_equivalent_is_shown_on_request(page: Page, base_url: str):
    open_ready(page, base_url + "kalkulator/")
    premium = page.locator('[data-plan="premium"]')
    expect(premium).not_to_contain_text("лв.")
    page.get_by_label("Покажи и равностойността в лева").check()
    # 390.00 EUR x 1.95583 = 762.7737 -> 762.77 BGN.
    expect(premium).to_contain_text("762,77\u00a0лв. на месец")


def test_the_chart_draws_every_plan_and_marks_where_the_cheapest_changes(browser: Browser, base_url: str):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        open_ready(page, base_url + "kalkulator/")
        chart = page.locator(".calc-chart svg")
        expect(chart).to_have_attribute("role", "img")
        expect(chart.locator("#chart-title")).to_have_text(
            "Месечна цена (без ДДС) според часовете редовна работа"
        )
        expect(chart.locator("polyline")).to_have_count(6)
        # With the default profile the cheapest plan changes three times on the chart: the
        # package's 290 undercuts Почасов from 5.75 h ((h + 1.5) x 40 = 290) until its 8 h run
        # out at 6.5 h, and Premium undercuts Почасов above 34.5 h
        # (390 + (h + 1.5 - 6) x 35 = (h + 1.5) x 40).
        changes = [
            "От 5,75 до 6,5\u00a0ч редовна работа на месец Абонамент Пакет излиза по-евтино от "
            "Абонамент Почасов",
            "Над 6,5\u00a0ч редовна работа на месец Абонамент Почасов излиза по-изгодно от "
            "Абонамент Пакет, защото включените в него часове вече не стигат",
            "Над 34,5\u00a0ч редовна работа на месец Абонамент Премиум излиза по-евтино от Абонамент Почасов",
        ]
        points = chart.locator("circle.chart__point")
        expect(points.locator("title")).to_have_text(changes)
        expect(page.locator(".calc-breakeven li")).to_have_text([f"{change}." for change in changes])
        # The package's line ends where its 8 h do, marked and named in the legend.
        expect(chart.locator("line.chart__end title")).to_have_text(
            "Линията на Абонамент Пакет свършва при 6,5\u00a0ч редовна работа на месец: над тях, "
            "заедно с инцидентите, работата надхвърля 8\u00a0ч, включени в плана."
        )
        expect(page.locator(".calc-chart .chart__legend")).to_contain_text(
            "Абонамент Пакет (покрива до 6,5\u00a0ч)"
        )
        colours[scheme] = page.evaluate(
            "() => getComputedStyle(document.querySelector('.chart__line--0')).stroke"
        )
        context.close()
    # Each palette has its own line colours, readable on its background.
    assert colours == {"light": "rgb(57, 73, 171)", "dark": "rgb(159, 168, 218)"}


def test_the_page_shows_its_progress_while_python_loads(page: Page, base_url: str):
    page.goto(base_url + "kalkulator/")
    root = page.locator(ROOT_SELECTOR)
    # Until Python answers, the page says the prices are the defaults.
    if root.get_attribute("data-state") == "loading":
        expect(page.locator("[data-calc-progress]")).to_be_visible()
    expect(root).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT_MS)
    expect(page.locator("[data-calc-progress]")).to_be_hidden()
    expect(page.locator("[data-calc-status-text]")).to_contain_text("Обновено. Препоръка:")


def test_the_cost_of_downtime_weighs_the_wait_into_the_recommendation(page: Page, base_url: str, watch):
    # Monday 21.12.2026, 10:00: the 28 days to 17.01.2027 cross Christmas and New Year.
    open_ready(
        page, base_url + "kalkulator/#v=1&pl=2026-12&c=b&ws=5&sv=1&inc=1&vis=1&km=0&at=2026-12-21T10:00"
    )
    answered(page)
    premium = page.locator('[data-plan="premium"]')
    expect(premium.locator(".plan-card__wait")).to_have_text(
        "Очаквано чакане до реакция: 1,81\u00a0ч от работното ви време."
    )
    expect(page.locator(".calc-reco")).to_contain_text(
        "Абонамент Почасов е най-изгодният план за вашите нужди"
    )
    expect(page.locator(".calc-wait__points li").first).to_have_text(
        "Ако час престой ви струва над 68,49\u00a0€, "
        "Абонамент Премиум излиза по-изгодно от Абонамент Почасов."
    )

    # The chart's name speaks of the cost per hour too: the field is the spin button.
    cost = page.get_by_role("spinbutton", name="Цена на час престой")
    cost.fill("80")
    expect(page.locator(".calc-reco")).to_contain_text(
        "Абонамент Премиум е най-изгодният план, като се брои и очакваната загуба от престой: "
        "цена на плана 390,00\u00a0€ без ДДС + загуба от престой 144,80\u00a0€ = 534,80\u00a0€ на месец."
    )
    expect(premium.locator(".plan-card__downtime")).to_have_text(
        "Загуба от престой: 1 инцидент × 1,81\u00a0ч × 80,00\u00a0€ = 144,80\u00a0€ на месец; "
        "заедно с цената на плана: 534,80\u00a0€ на месец без ДДС."
    )

    page.get_by_label("Кога работите").select_option("24/7")
    pochasov = page.locator('[data-plan="pochasov"]')
    expect(pochasov.locator(".plan-card__wait")).to_have_text("Очаквано чакане до реакция: 34,15\u00a0ч.")
    expect(page.locator("[data-quote-link]")).to_have_value(
        re.compile(r"&at=2026-12-21T10:00&dc=80&op=24/7$")
    )
    chart = page.locator(".calc-wait svg")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("polyline")).to_have_count(6)
    expect(chart.locator("circle.chart__point")).to_have_count(2)

    # The link brings both answers back into the form.
    page.goto(page.url.replace("dc=80", "dc=12.5"))
    page.reload()
    answered(page)
    expect(cost).to_have_value("12.5")
    expect(page.get_by_label("Кога работите")).to_have_value("24/7")
    assert watch.console_errors == []


def test_a_package_too_small_for_the_profile_says_so_and_is_not_recommended(page: Page, base_url: str, watch):
    # 10 workstations and 1 server: 7 h of regular work; 2 incidents x 1.5 h = 3 h; 10 h in all.
    open_answered(page, base_url + "kalkulator/#v=1&pl=2026-12&c=b&ws=10&sv=1&inc=2&vis=1&km=0")
    package = page.locator('[data-plan="paket"]')
    expect(package.locator(".plan-card__badge")).to_have_text("Не покрива обема")
    expect(package.locator(".plan-card__price")).to_have_text(
        "290,00\u00a0€ на месец без ДДС (не покрива вашия обем)"
    )
    expect(package.locator(".plan-card__shortfall")).to_have_text(
        "Планът включва 8\u00a0ч работа на месец, а по вашите данни са нужни 10\u00a0ч - с 2\u00a0ч повече."
    )
    expect(page.locator(".calc-reco")).to_have_attribute("data-recommended", "pochasov")
    expect(page.locator(".calc-reco")).to_contain_text(
        "Абонамент Пакет струва по-малко, но включва само 8\u00a0ч работа на месец, а са ви нужни 10\u00a0ч."
    )
    # Its line stops at 5 h of regular work (8 h less the incidents' 3 h): x = 64 + 5 x 560 / 40.
    line = page.locator('.calc-chart polyline[data-plan-line="paket"]')
    expect(line).to_have_attribute("points", re.compile(r"^64\.0,[\d.]+ 134\.0,[\d.]+$"))
    expect(page.locator(".calc-chart line.chart__end")).to_have_attribute("x1", "134.0")
    # Not weighed on the chart of waiting: it buys less work than the profile needs.
    expect(page.locator('.calc-wait polyline[data-wait-line="paket"]')).to_have_count(0)
    assert watch.console_errors == []
