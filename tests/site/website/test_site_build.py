"""One build of the site without MkDocs: what the hooks get, and what stops the build."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from backoffice.browser_bundle import bundle
from backoffice.browser_bundle.cut import CutRuntime
from backoffice.website import csp
from backoffice.website.site_build import (
    NO_ADDRESS,
    NO_HISTORY,
    OFFLINE_PAGE_ALLOWANCE,
    SiteBuild,
    SiteBuildError,
    calculator_page,
    calculator_settings,
    edit_button,
    offline_bytes,
    page_address,
    prepare,
    published_uri,
    site_address,
    write,
)
from calculator import Catalogue
from calculator.page.form import FIELDS
from calculator.page.web import default_answer

ROOT = Path(__file__).resolve().parents[3]
RUNTIME_CACHE = ROOT / ".cache" / "runtime"
TODAY = date(2026, 12, 3)


def mkdocs_yml(root: Path) -> dict[str, object]:
    """The mkdocs.yml of the repository `root`, its Python tags (`!!python/name:...`) left unread."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    data: dict[str, object] = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    return data


def copy_pages(sample_root: Path, target: Path) -> Path:
    """The tests' pages and mkdocs.yml copied into `target`, outside git and without the archive.

    Neither history nor archive: only the current price list is published.
    Returns the pages' folder (`target / "docs"`).
    """
    shutil.copytree(sample_root / "docs", target / "docs")
    shutil.copyfile(sample_root / "mkdocs.yml", target / "mkdocs.yml")
    return target / "docs"


@pytest.fixture
def docs(sample_root: Path, tmp_path: Path) -> Path:
    """A copy of the tests' pages outside git: only the current price list is published."""
    return copy_pages(sample_root, tmp_path)


def run_prepare(docs: Path, **changes: object) -> SiteBuild:
    """`prepare` on `docs` with the mkdocs.yml beside it (as `copy_pages` leaves it), changed by `changes`."""
    config = mkdocs_yml(docs.parent)
    extra = config["extra"]
    assert isinstance(extra, dict)
    arguments: dict[str, object] = {
        "company": extra["company"],
        "site_name": config["site_name"],
        "nav": config["nav"],
        "repo_url": None,
        "edit_uri": "edit/main/docs/",
        "site_url": None,
        "environ": {},
        "today": TODAY,
    }
    return prepare(docs, ROOT, RUNTIME_CACHE, **(arguments | changes))  # type: ignore[arg-type]


# --- prepare ---------------------------------------------------------------------


def test_prepare_gives_the_templates_the_company_the_price_lists_and_the_calculator(docs: Path):
    site = run_prepare(docs)

    assert [plan.id for plan in site.catalogue.plans] == [
        "premium",
        "standard",
        "paket",
        "pochasov",
        "na-rabota",
        "avariyna",
    ]
    assert site.company["brand"] == "ТехОпора"
    assert site.company["eik"] == "206813475"
    assert site.company["hours"] == "понеделник – петък, 09:00 – 18:00 ч., без официалните празници"
    assert (site.logo, site.favicon) == (site.company["logo"], site.company["favicon"])
    assert site.price_lists == {
        "index": "assets/price-lists/index.json",
        "current": "2026-12",
        "lists": [{"id": "2026-12", "effective": "2026-12-01", "url": "assets/price-lists/2026-12.json"}],
        "withdrawn": [],
    }
    # No address known (a local build): MkDocs gets none, and the build says so.
    assert site.notes == (NO_HISTORY, NO_ADDRESS)
    assert site.site_url is None
    # No repository known and none configured: MkDocs gets no edit link.
    assert (site.repo_url, site.edit_uri, site.edit_uri_template) == (None, None, None)

    assert site.pyodide_dest == f"assets/pyodide/{site.cut_runtime.digest}/"
    engine, tzdata = site.cut_runtime.engine, bundle.tzdata_wheel()
    catalogue_path = next(path for path in site.files if path.startswith("assets/catalogue/"))
    assert sorted(site.files) == sorted(
        [
            f"assets/wheels/{engine.digest}/calculator-0.1.0-py3-none-any.whl",
            f"assets/wheels/{engine.digest}/calculator-0.1.0-py3-none-any.whl.gz",
            f"assets/wheels/{tzdata.digest}/tzdata-2026.6-py3-none-any.whl",
            catalogue_path,
            "assets/price-lists/2026-12.json",
            "assets/price-lists/index.json",
        ]
    )
    # With the offers' keys (none listed here) and who issues them, for the page's engine.
    assert site.calculator == calculator_settings(
        site.catalogue, site.pyodide_dest, site.files, catalogue_path, TODAY
    ) | {"offers": '{"company": "ТехОпора ЕООД", "keys": {}}'}
    assert site.offline_bytes == offline_bytes(site.cut_runtime, site.files)


def test_prepare_puts_the_plan_pages_into_the_menu_in_the_catalogues_order(docs: Path):
    nav = run_prepare(docs).nav
    plans = next(item["Планове"] for item in nav if isinstance(item, dict) and "Планове" in item)
    assert plans == [
        "plans/index.md",
        "plans/premium.md",
        "plans/standard.md",
        "plans/paket.md",
        "plans/pochasov.md",
        "plans/na-rabota.md",
        "plans/avariyna.md",
    ]


def test_prepare_names_the_repository_netlify_builds():
    # The environment is read before anything is cut: the edit button alone.
    environ = {"REPOSITORY_URL": "git@github.com:acme/support-site.git", "BRANCH": "main"}
    assert edit_button(environ, None, "edit/master/docs/") == (
        "https://github.com/acme/support-site",
        "edit/main/docs/",
        None,
    )


def test_a_wrong_eik_stops_prepare_with_the_editors_message(docs: Path):
    company = dict(mkdocs_yml(docs.parent)["extra"]["company"])  # type: ignore[index]
    company["eik"] = "206813474"
    with pytest.raises(SiteBuildError) as info:
        run_prepare(docs, company=company)
    assert str(info.value) == (
        "mkdocs.yml: extra.company.eik: „206813474“ не минава проверката на контролната цифра: "
        "препишете ЕИК от Търговския регистър"
    )


def test_a_catalogue_error_comes_before_a_company_error(docs: Path):
    page = docs / "plans" / "standard.md"
    page.write_text(page.read_text(encoding="utf-8").replace("monthly_fee: 240", "monthly_fee: двеста"))
    with pytest.raises(SiteBuildError) as info:
        run_prepare(docs, site_name="Друга фирма")
    assert "docs/plans/standard.md" in str(info.value)
    assert "plan.monthly_fee" in str(info.value)


def test_without_pyodide_installed_prepare_says_how_to_get_it(docs: Path, tmp_path: Path):
    config = mkdocs_yml(docs.parent)
    with pytest.raises(SiteBuildError) as info:
        prepare(
            docs,
            tmp_path,
            tmp_path / "cache",
            company=config["extra"]["company"],  # type: ignore[index]
            site_name=str(config["site_name"]),
            nav=config["nav"],  # type: ignore[arg-type]
            repo_url=None,
            edit_uri=None,
            site_url=None,
            environ={},
            today=TODAY,
        )
    assert str(info.value).startswith("Pyodide не е инсталиран (")
    assert str(info.value).endswith(
        f"липсва в {tmp_path / 'node_modules' / 'pyodide'}); изпълнете `npm ci` или `make build`."
    )


def test_a_menu_without_the_plans_index_stops_prepare(docs: Path):
    with pytest.raises(SiteBuildError) as info:
        run_prepare(docs, nav=[{"Начало": "index.md"}])
    assert str(info.value) == (
        "mkdocs.yml: nav: липсва plans/index.md: добавете го в менюто, плановете се подреждат след него"
    )


# --- the parts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "repo_url", "edit_uri", "expected"),
    [
        (
            {"REPOSITORY_URL": "https://gitlab.com/acme/site", "BRANCH": "prices"},
            "https://github.com/other/site",
            "edit/master/docs/",
            ("https://gitlab.com/acme/site", "-/edit/prices/docs/", None),
        ),
        (
            {"REPOSITORY_URL": "https://bitbucket.org/acme/site", "BRANCH": "prices"},
            "https://github.com/other/site",
            "edit/master/docs/",
            ("https://bitbucket.org/acme/site", None, "src/prices/docs/{path}?mode=edit"),
        ),
        (
            {},
            "https://github.com/other/site",
            "edit/master/docs/",
            ("https://github.com/other/site", "edit/master/docs/", None),
        ),
        ({}, None, "edit/master/docs/", (None, None, None)),
        ({}, "", "edit/master/docs/", ("", None, None)),
        (
            {"REPOSITORY_URL": "https://git.example.org/acme/site"},
            None,
            "edit/master/docs/",
            (None, None, None),
        ),
    ],
)
def test_the_edit_button_follows_netlify_then_the_config_else_is_hidden(
    environ, repo_url, edit_uri, expected
):
    assert edit_button(environ, repo_url, edit_uri) == expected


@pytest.mark.parametrize(
    ("site_url", "environ", "expected"),
    [
        # Netlify's main address, with the final slash MkDocs wants.
        (None, {"URL": "https://example-support.bg"}, "https://example-support.bg/"),
        (None, {"URL": " https://example-support.bg/ "}, "https://example-support.bg/"),
        (None, {"URL": "http://localhost:8888"}, "http://localhost:8888/"),
        # Never the address of one deploy.
        (
            None,
            {
                "URL": "https://example-support.bg",
                "DEPLOY_URL": "https://5f1c--tehopora.netlify.app",
                "DEPLOY_PRIME_URL": "https://deploy-preview-7--tehopora.netlify.app",
            },
            "https://example-support.bg/",
        ),
        # The site_url an editor sets wins (and the preview's, under mkdocs serve).
        ("https://www.example.bg/", {"URL": "https://example-support.bg"}, "https://www.example.bg/"),
        ("http://127.0.0.1:8000/", {}, "http://127.0.0.1:8000/"),
        # Neither: a local build.
        (None, {}, None),
        ("", {"URL": ""}, None),
        (None, {"DEPLOY_PRIME_URL": "https://deploy-preview-7--tehopora.netlify.app"}, None),
    ],
)
def test_the_sites_address_is_site_url_else_netlifys_url_else_none(site_url, environ, expected):
    assert site_address(site_url, environ) == expected


@pytest.mark.parametrize(
    "url", ["example-support.bg", "ftp://example-support.bg", "https://", "https://a.bg/?x=1"]
)
def test_an_address_netlify_could_not_mean_stops_the_build(url: str):
    with pytest.raises(SiteBuildError) as info:
        site_address(None, {"URL": url})
    assert str(info.value) == (
        f"URL (адресът на сайта от средата на сборката): „{url}“ не е адрес като https://example.bg; "
        "поправете го в Netlify или задайте site_url в mkdocs.yml"
    )


def test_prepare_takes_the_address_from_netlify(docs: Path):
    site = run_prepare(docs, environ={"URL": "https://example-support.bg"})
    assert site.site_url == "https://example-support.bg/"
    assert site.notes == (NO_HISTORY,)


def test_mkdocs_yml_names_no_sample_address(sample_root: Path):
    # Netlify's URL gives the address: a site_url written in would win over it.
    assert not mkdocs_yml(sample_root).get("site_url")
    assert "tehopora.netlify.app" not in (sample_root / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_pages_address_is_its_full_one_else_its_path_from_the_root():
    assert (
        page_address("https://example-support.bg/planove/", "planove/")
        == "https://example-support.bg/planove/"
    )
    assert page_address(None, "planove/premium/") == "/planove/premium/"
    assert page_address(None, "") == "/"


def test_calculator_settings_name_the_engines_files_from_the_sites_root(small_catalogue: Catalogue):
    files = {
        "assets/wheels/aaa/calculator-0.1.0-py3-none-any.whl": b"engine",
        "assets/wheels/bbb/tzdata-2026.6-py3-none-any.whl": b"tz",
        "assets/catalogue/ccc.json": b"{}",
        "assets/price-lists/index.json": b"{}",
    }
    settings = calculator_settings(
        small_catalogue, "assets/pyodide/ddd/", files, "assets/catalogue/ccc.json", TODAY
    )
    assert settings == {
        "pyodide": "assets/pyodide/ddd/",
        "wheels": [
            "assets/wheels/aaa/calculator-0.1.0-py3-none-any.whl",
            "assets/wheels/bbb/tzdata-2026.6-py3-none-any.whl",
        ],
        "catalogue": "assets/catalogue/ccc.json",
        "worker": "kalkulator/calculator-worker.js",
        "prefetch": [
            "kalkulator/calculator-worker.js",
            "assets/pyodide/ddd/pyodide.mjs",
            "assets/pyodide/ddd/pyodide.asm.mjs",
            "assets/pyodide/ddd/pyodide.asm.wasm.gz",
            "assets/pyodide/ddd/python_stdlib.zip.gz",
            "assets/pyodide/ddd/pyodide-lock.json",
            "assets/wheels/aaa/calculator-0.1.0-py3-none-any.whl",
            "assets/wheels/bbb/tzdata-2026.6-py3-none-any.whl",
            "assets/catalogue/ccc.json",
        ],
        "current_list": "test-1",
        "bgn_per_eur": "1,95583",
        "fields": FIELDS,
        "services": [{"id": "training", "name": "Обучение", "price": "100,00\xa0€ без ДДС / занятие"}],
        "rows": 10,
        "plans": [
            {"id": "sub", "name": "Абонамент"},
            {"id": "hourly", "name": "Почасов"},
            {"id": "job", "name": "На работа"},
            {"id": "sos", "name": "Аварийна"},
        ],
        "item_rows": 12,
        "days": {"default": 30, "most": 90},
        "offer_limits": {
            "customer": 120,
            "salesperson": 80,
            "note": 200,
            "item": 120,
            "number": 20,
            "quantity": 1000,
            "discount": "50",
        },
        "default": default_answer(small_catalogue, TODAY),
    }


def test_the_offline_bound_counts_the_files_the_page_fetches_and_the_allowance(tmp_path: Path):
    for name, size in [
        ("pyodide.mjs", 10),
        ("pyodide.asm.mjs", 20),
        ("pyodide.asm.wasm", 5000),
        ("python_stdlib.zip", 7000),
    ]:
        (tmp_path / name).write_bytes(b"x" * size)
    cut = CutRuntime(
        tmp_path,
        stdlib=b"s" * 300,  # served plain beside its .gz: not counted
        lock=b"l" * 4,
        engine=bundle.Wheel("calculator-0.1.0-py3-none-any.whl", b""),
        modules=(),
        wasm_gz=b"w" * 100,
        stdlib_gz=b"g" * 50,
        engine_gz=b"z" * 40,
    )
    files = {
        "assets/wheels/a/calculator.whl": b"e" * 80,  # served plain beside its .gz: not counted
        "assets/wheels/a/calculator.whl.gz": b"z" * 40,
        "assets/wheels/b/tzdata.whl": b"t" * 20,
        "assets/catalogue/b.json": b"c" * 6,
    }
    # pyodide.mjs 10 + pyodide.asm.mjs 20 + wasm.gz 100 + stdlib.gz 50 + lock 4, and the site's 66.
    assert OFFLINE_PAGE_ALLOWANCE == 1_000_000
    assert offline_bytes(cut, files) == 1_000_250


@pytest.mark.parametrize(
    ("src_uri", "dest_uri", "expected"),
    [
        ("plans/premium.md", "plans/premium/index.html", "planove/premium/index.html"),
        ("plans/index.md", "plans/index.html", "planove/index.html"),
        ("kalkulator.md", "kalkulator/index.html", "kalkulator/index.html"),
        ("index.md", "index.html", "index.html"),
    ],
)
def test_the_plan_pages_are_published_under_their_bulgarian_url(src_uri: str, dest_uri: str, expected: str):
    assert published_uri(src_uri, dest_uri) == expected


def test_the_calculator_page_is_the_one_with_its_template():
    assert (
        calculator_page({"": None, "kalkulator/": "calculator.html", "vaprosi/": "main.html"})
        == "kalkulator/"
    )
    assert calculator_page({"": None, "vaprosi/": None}) is None
    with pytest.raises(SiteBuildError) as info:
        calculator_page({"kalkulator/": "calculator.html", "b/": "calculator.html"})
    assert str(info.value) == "template: calculator.html is on more than one page: b/, kalkulator/"


def test_write_stops_on_an_inline_script_the_policy_does_not_allow(docs: Path, tmp_path: Path):
    site = run_prepare(docs)
    site_dir = tmp_path / "site"
    (site_dir / "vaprosi").mkdir(parents=True)
    (site_dir / "vaprosi" / "index.html").write_text(
        "<html><script>alert(1)</script></html>", encoding="utf-8"
    )
    with pytest.raises(SiteBuildError) as info:
        write(site, site_dir, None, ROOT / "netlify.toml")
    assert str(info.value) == (
        "netlify.toml: Content-Security-Policy script-src не разрешава вградени скриптове на сайта; "
        f"добавете: {csp.script_hash('alert(1)')} (напр. в vaprosi/index.html)"
    )
    # The calculator's files were written before the check.
    written = sorted(path.relative_to(site_dir).as_posix() for path in (site_dir / "assets").rglob("*.json"))
    assert written == sorted(
        [*(path for path in site.files if path.endswith(".json")), site.pyodide_dest + "pyodide-lock.json"]
    )
