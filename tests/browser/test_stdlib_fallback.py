"""The cut standard library's fallback, in Chromium under the site's Content-Security-Policy.

A module missing from the cut standard library still imports: the fallback
fetches the full one through the calculator Worker's own reader. The
calculator itself never needs it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from backoffice.devserver.netlify_server import serve

from .test_calculator_page import TEN_WORKSTATIONS_GROSS, open_answered, wait_for_gross
from .waiting import expect

pytestmark = pytest.mark.browser

FULL_STDLIB = "python_stdlib_full.zip"

# A page and a Worker written into a copy of the built site. The Worker
# takes the calculator Worker's script for its `readSync`, boots the cut
# runtime as the calculator does, and imports a module the cut leaves out.
PAGE = '<!doctype html><title>fallback</title><script src="page.js"></script>'
PAGE_JS = """
const worker = new Worker("worker.js");
worker.onmessage = ({ data }) => (document.documentElement.dataset.result = JSON.stringify(data));
"""
WORKER_JS = """
importScripts("/kalkulator/calculator-worker.js");
(async () => {
  const indexURL = new URL(RUNTIME, location.href).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL });
  const fallback = pyodide.pyimport("_stdlib_fallback").install(`${indexURL}python_stdlib_full.zip`);
  const before = fallback.fetched.toJs();
  const document = pyodide.pyimport("xml.dom.minidom").parseString("<quote>468.00</quote>");
  const text = document.documentElement.firstChild.data;
  postMessage({ before, text, fetched: fallback.fetched.toJs() });
})().catch((error) => postMessage({ error: String(error.message || error) }));
"""


@pytest.fixture(scope="module")
def probe_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("fallback") / "site"
    shutil.copytree(site_dir, site)
    [runtime] = (site / "assets" / "pyodide").iterdir()
    (site / "fallback").mkdir()
    (site / "fallback" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "fallback" / "page.js").write_text(PAGE_JS, encoding="utf-8")
    script = f"const RUNTIME = {json.dumps(f'/assets/pyodide/{runtime.name}/')};\n{WORKER_JS}"
    (site / "fallback" / "worker.js").write_text(script, encoding="utf-8")
    with serve(site) as url:
        yield url + "fallback/"


def test_a_module_missing_from_the_cut_imports_through_the_fallback(page: Page, probe_url: str, watch):
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    response = page.goto(probe_url)
    assert response is not None
    assert "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    expect(page.locator("html")).to_have_attribute("data-result", re.compile(".+"), timeout=60_000)
    result = json.loads(page.locator("html").get_attribute("data-result") or "{}")
    # Nothing came from the full library before the import; then the xml
    # package did, and its modules from the same copy.
    assert result == {"before": [], "text": "468.00", "fetched": ["xml"]}
    assert [url for url in requested if url.endswith(FULL_STDLIB)] != []
    assert watch.console_errors == []


def test_the_calculator_never_fetches_the_full_standard_library(page: Page, base_url: str, watch):
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    open_answered(page, base_url + "kalkulator/")
    page.get_by_label("Работни станции").fill("10")
    wait_for_gross(page, TEN_WORKSTATIONS_GROSS)
    assert [url for url in requested if url.endswith(FULL_STDLIB)] == []
    assert [url for url in requested if url.endswith("/python_stdlib.zip.gz")] != []
    assert watch.console_errors == []
