"""One build of the site, without MkDocs: what the hooks in ``hooks/site_hooks.py`` ask for.

:func:`prepare` does what the build needs before MkDocs reads a page: the
catalogue and the company read and checked, the menu given its plan pages,
the "edit this page" link and the site's own address decided, the Pyodide runtime cut for the engine,
the files the calculator downloads (wheels, catalogue, every published price
list) assembled, and what the templates read (``extra.company``,
``extra.price_lists``, ``extra.calculator``) computed. It returns a
:class:`SiteBuild`; :func:`write` puts its files into the built site and
checks the site's inline scripts against the Content-Security-Policy.

Every error that an editor or a missing install can cause is raised as
:class:`SiteBuildError`, whose message is the one the build prints.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from backoffice.browser_bundle import bundle, offline
from backoffice.browser_bundle import cut as runtime
from backoffice.website import csp, navigation, offer_keys, price_lists, repository, shortcodes
from backoffice.website.company import CompanyError, parse_company
from backoffice.website.sources import load_catalogue, load_withdrawn
from calculator.catalogue import Catalogue
from calculator.errors import CatalogueError
from calculator.money import format_eur, format_number
from calculator.page.form import ROWS
from calculator.page.offer_form import DEFAULT_DAYS, ITEM_ROWS
from calculator.page.offer_values import LONGEST, MAX_QUANTITY, MAX_VALID_DAYS, NUMBER_LONGEST
from calculator.page.web import default_answer
from calculator.pricing.offer import MAX_DISCOUNT
from calculator.profile.fields import FIELDS

#: What the offline copy holds besides the engine's files: the page, its
#: styles and scripts, the search index and the sitemap (about 0.6 MB today).
OFFLINE_PAGE_ALLOWANCE = 1_000_000

#: The plan pages live in docs/plans/ (one folder the loader reads), but the
#: visitor's URL is Bulgarian, transliterated: /planove/osnoven/.
PLANS_SOURCE, PLANS_URL = "plans/", "planove/"

#: The template that makes a page the calculator (its front matter says so).
CALCULATOR_TEMPLATE = "calculator.html"

#: Beside the calculator page, inside its offline copy's scope: a Worker is
#: served by the Service Worker whose scope holds the Worker's own URL.
WORKER = "kalkulator/calculator-worker.js"

#: Logged when the build knows no address of the site (:func:`site_address`).
NO_ADDRESS = (
    "Адресът на сайта не е известен (няма site_url в mkdocs.yml, нито URL от Netlify): "
    "страниците са без каноничен адрес, sitemap.xml е празен, а JSON-LD посочва пътища от корена на сайта."
)

#: Logged when the docs are outside git (see :mod:`backoffice.website.price_lists`).
NO_HISTORY = price_lists.NO_HISTORY


class SiteBuildError(Exception):
    """What stops the build; the message names the file and what is wrong."""


@dataclass(frozen=True)
class SiteBuild:
    """What one build learnt before MkDocs reads the pages."""

    catalogue: Catalogue
    #: ``extra.company``: the identity for the templates, and the working hours.
    company: dict[str, Any]
    #: The header's logo and the favicon (``theme.logo``, ``theme.favicon``).
    logo: str
    favicon: str
    #: The menu, with the plan pages in the catalogue's order.
    nav: list[Any]
    #: ``repo_url`` and ``edit_uri`` (or ``edit_uri_template``) for MkDocs's "edit this page" button.
    repo_url: str | None
    edit_uri: str | None
    edit_uri_template: str | None
    #: ``site_url`` for MkDocs: the site's own address, or None when no build knows it.
    site_url: str | None
    #: The cut runtime, written into :attr:`pyodide_dest`.
    cut_runtime: runtime.CutRuntime
    pyodide_dest: str
    #: Site-relative path -> content: the wheels, the catalogue, the price lists.
    files: dict[str, bytes]
    #: ``extra.price_lists``: the published price lists' index (with the withdrawn ids) and its URL.
    price_lists: dict[str, Any]
    #: ``extra.calculator``: the URLs of the engine's files, and the default answer.
    calculator: dict[str, Any]
    #: The most the calculator's offline copy takes in a visitor's browser.
    offline_bytes: int
    #: What the build tells at info level.
    notes: tuple[str, ...] = ()
    #: ``extra.offers.keys``, checked: the public keys that sign offers, by id.
    offer_keys: dict[str, bytes] = field(default_factory=dict)


def prepare(
    docs_dir: Path,
    root: Path,
    cache_dir: Path,
    *,
    company: object,
    site_name: str | None,
    nav: list[Any],
    repo_url: str | None,
    edit_uri: str | None,
    site_url: str | None,
    environ: Mapping[str, str],
    today: date,
    offers: object = None,
) -> SiteBuild:
    """Read and check the sources; cut the runtime; assemble the calculator's files.

    Args:
        docs_dir: The pages (``docs/``).
        root: The repository: ``calculator/`` and ``node_modules/pyodide`` are in it.
        cache_dir: Where the cut runtimes already made are kept.
        company: ``extra.company`` as mkdocs.yml has it.
        site_name: ``site_name`` of mkdocs.yml, which must be the brand.
        nav: ``nav`` of mkdocs.yml.
        repo_url: ``repo_url`` of mkdocs.yml.
        edit_uri: ``edit_uri`` of mkdocs.yml.
        site_url: ``site_url`` of mkdocs.yml (``mkdocs serve`` sets its own).
        environ: The build's environment (Netlify's ``REPOSITORY_URL``, ``BRANCH``, ``URL``).
        today: The day in Sofia, for the default answer.
        offers: ``extra.offers`` of mkdocs.yml: the offers' public keys.

    Raises:
        SiteBuildError: A page, mkdocs.yml or the install is wrong; the message says what.
    """
    try:
        catalogue = load_catalogue(docs_dir)
        withdrawn = load_withdrawn(docs_dir, catalogue.price_list)
        identity = parse_company(company, docs_dir, site_name)
        nav = navigation.with_plans(
            nav,
            [f"plans/{plan.id}.md" for plan in sorted(catalogue.plans, key=lambda p: p.order)],
        )
        stock = bundle.pyodide_dir(root)
        keys = offer_keys.parse_keys(offers)
        # A private key committed is a key anyone can sign offers with: no site from such a repository.
        offer_keys.check_repository(root)
    except (
        CatalogueError,
        CompanyError,
        navigation.NavigationError,
        bundle.BundleError,
        offer_keys.OfferKeyError,
    ) as error:
        raise SiteBuildError(str(error)) from error
    repo_url, edit_uri, edit_uri_template = edit_button(environ, repo_url, edit_uri)
    site_url = site_address(site_url, environ)

    catalogue_json = json.dumps(catalogue.to_dict(), ensure_ascii=False, sort_keys=True).encode()
    tzdata_wheel = bundle.tzdata_wheel()
    try:
        # The engine is served compiled, beside the standard library cut for it.
        cut = runtime.cut(
            stock, [bundle.calculator_wheel(root / "calculator"), tzdata_wheel], catalogue_json, cache_dir
        )
    except bundle.BundleError as error:
        raise SiteBuildError(str(error)) from error
    files = {
        f"assets/wheels/{wheel.digest}/{wheel.filename}": wheel.data for wheel in (cut.engine, tzdata_wheel)
    }
    # What the Worker fetches of the engine, where the browser can inflate it (cut.py).
    files[f"assets/wheels/{cut.engine.digest}/{cut.engine.filename}.gz"] = cut.engine_gz
    catalogue_path = f"assets/catalogue/{bundle.Wheel('', catalogue_json).digest}.json"
    files[catalogue_path] = catalogue_json
    # Named after its contents: a new engine or release is a new folder.
    pyodide_dest = f"assets/pyodide/{cut.digest}/"

    # Every published price list stays in the site, so old quote links open; a withdrawn one never does.
    try:
        lists, notes = price_lists.keep(docs_dir, catalogue, withdrawn)
    except price_lists.PriceListError as error:
        raise SiteBuildError(str(error)) from error
    if site_url is None:
        notes = (*notes, NO_ADDRESS)
    files.update(price_lists.site_files(lists, catalogue.price_list, withdrawn))

    return SiteBuild(
        catalogue=catalogue,
        # The identity is written once (extra.company); the header's logo and
        # the favicon are read from it, the working hours from the catalogue.
        company={**identity.as_template(), "hours": shortcodes.working_hours(catalogue)},
        logo=identity.logo,
        favicon=identity.favicon,
        nav=nav,
        repo_url=repo_url,
        edit_uri=edit_uri,
        edit_uri_template=edit_uri_template,
        site_url=site_url,
        cut_runtime=cut,
        pyodide_dest=pyodide_dest,
        files=files,
        price_lists={
            "index": price_lists.INDEX_URL,
            **price_lists.index(lists, catalogue.price_list, withdrawn),
        },
        calculator=calculator_settings(catalogue, pyodide_dest, files, catalogue_path, today)
        | {"offers": offers_json(keys, identity.name)},
        offline_bytes=offline_bytes(cut, files),
        notes=notes,
        offer_keys=keys,
    )


def edit_button(
    environ: Mapping[str, str], repo_url: str | None, edit_uri: str | None
) -> tuple[str | None, str | None, str | None]:
    """Point "edit this page" at the repository Netlify builds, or at `repo_url`, or hide it.

    Returns:
        ``(repo_url, edit_uri, edit_uri_template)`` for MkDocs; the template
        only for a host whose edit page takes a query after the page's path.
    """
    link = repository.edit_link(environ)
    if link is not None:
        return link
    # MkDocs makes a relative link of an edit_uri without a repository.
    return repo_url, (edit_uri if repo_url else None), None


def site_address(site_url: str | None, environ: Mapping[str, str]) -> str | None:
    """The site's own address, for its canonical links, its sitemap and its JSON-LD.

    ``site_url`` of mkdocs.yml when an editor sets one (and the preview's
    address under ``mkdocs serve``, which sets it); else Netlify's ``URL``,
    the site's main address (its custom domain once it has one), never the
    address of one deploy (``DEPLOY_URL``, ``DEPLOY_PRIME_URL``): a deploy
    preview names the main site as its canonical one. Else None: a local
    build, whose pages have no canonical link, whose sitemap lists no page
    (MkDocs lists a page only by a full address) and whose JSON-LD names
    paths from the site's root (:func:`page_address`).

    Raises:
        SiteBuildError: ``URL`` is not an http(s) address.
    """
    if site_url:
        return site_url
    url = environ.get("URL", "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SiteBuildError(
            f"URL (адресът на сайта от средата на сборката): „{url}“ не е адрес като "
            "https://example.bg; поправете го в Netlify или задайте site_url в mkdocs.yml"
        )
    return url if url.endswith("/") else url + "/"


def page_address(canonical_url: str | None, url: str) -> str:
    """A page's address for its JSON-LD: the full one, or its path from the site's root without one.

    Args:
        canonical_url: MkDocs's ``page.canonical_url`` (None when the site has no address).
        url: MkDocs's ``page.url``, relative to the site's root (``planove/osnoven/``).
    """
    return canonical_url or "/" + url


def as_fetched(path: str, files: Mapping[str, bytes]) -> str:
    """The file the page fetches for ``path``: its ``.gz`` when the site serves one (calculator-worker.js).

    What other pages download ahead and what the offline copy keeps (offline.py, for the built site).
    """
    return f"{path}.gz" if f"{path}.gz" in files else path


def calculator_settings(
    catalogue: Catalogue, pyodide_dest: str, files: Mapping[str, bytes], catalogue_path: str, today: date
) -> dict[str, Any]:
    """``extra.calculator``: where the page finds the engine's files, and its first answer."""
    wheels = [path for path in files if path.endswith(".whl")]
    return {
        "pyodide": pyodide_dest,
        "wheels": wheels,
        "catalogue": catalogue_path,
        "worker": WORKER,
        # What other pages download when a visitor heads for the calculator
        # (calculator-prefetch.js): the engine's files, from the site's root.
        "prefetch": [
            WORKER,
            *(pyodide_dest + name for name in runtime.PAGE_FILES),
            *(as_fetched(path, files) for path in wheels),
            catalogue_path,
        ],
        "current_list": catalogue.price_list,
        "bgn_per_eur": format_number(catalogue.bgn_per_eur),
        "fields": FIELDS,
        # The one-off part's inputs: a count for each of the catalogue's
        # services, with its price in words, and the rows of procurement.
        "services": [
            {
                "id": service.id,
                "name": service.name,
                "price": "по запитване"
                if service.price is None
                else f"{format_eur(service.price)} без ДДС / {service.unit}",
            }
            for service in catalogue.services
        ],
        "rows": ROWS,
        # The sales page's offer: the plans to choose from, and the rows of agreed items.
        "plans": [
            {"id": plan.id, "name": plan.name} for plan in sorted(catalogue.plans, key=lambda p: p.order)
        ],
        "item_rows": ITEM_ROWS,
        "days": {"default": DEFAULT_DAYS, "most": MAX_VALID_DAYS},
        # The offer's bounds as the engine checks them, for the inputs' limits and help.
        "offer_limits": {
            "customer": LONGEST["cu"],
            "salesperson": LONGEST["sp"],
            "note": LONGEST["nt"],
            "item": LONGEST["it"],
            "number": NUMBER_LONGEST,
            "quantity": MAX_QUANTITY,
            "discount": format_number(MAX_DISCOUNT),
        },
        # The answer for the default form, rendered by the same code the
        # browser runs, so the page shows real prices before Python starts.
        "default": default_answer(catalogue, today),
    }


def offline_bytes(cut: runtime.CutRuntime, files: Mapping[str, bytes]) -> int:
    """The most the offline copy takes: the runtime's files the page fetches, wheels, data.

    Of the runtime, what ``backoffice/browser_bundle/offline.py`` keeps: the gzipped
    files, not the plain ones beside them nor the full standard library.
    """
    engine = sum(
        len(data) if isinstance(data, bytes) else data.stat().st_size
        for name, data in cut.files().items()
        if name in runtime.PAGE_FILES
    )
    kept = sum(len(files[name]) for name in {as_fetched(name, files) for name in files})
    return engine + kept + OFFLINE_PAGE_ALLOWANCE


def published_uri(src_uri: str, dest_uri: str) -> str:
    """Where a page is written: a plan page under its Bulgarian URL, any other where MkDocs puts it."""
    if src_uri.startswith(PLANS_SOURCE):
        return PLANS_URL + dest_uri.removeprefix(PLANS_SOURCE)
    return dest_uri


def offers_json(keys: Mapping[str, bytes], company: str) -> str:
    """What the page's engine checks offers with: the public keys by id, and who issues them."""
    listed = {key_id: offer_keys.encode_key(raw) for key_id, raw in keys.items()}
    return json.dumps({"company": company, "keys": listed}, ensure_ascii=False, sort_keys=True)


def calculator_page(templates: Mapping[str, object]) -> str | None:
    """The URL of the page whose front matter names the calculator's template, if any.

    Args:
        templates: Page URL -> the ``template`` of its front matter (None without one).

    Raises:
        SiteBuildError: More than one page has the template.
    """
    try:
        return offline.page_with_template(templates, CALCULATOR_TEMPLATE)
    except ValueError as error:
        raise SiteBuildError(str(error)) from error


def write(build: SiteBuild, site_dir: Path, calculator_url: str | None, netlify_toml: Path) -> None:
    """Write the calculator's files into the built site, then check every inline script is allowed.

    Args:
        build: What :func:`prepare` made.
        site_dir: The built site, every page written.
        calculator_url: The calculator page's URL (its offline copy's scope), or None.
        netlify_toml: Where the site's Content-Security-Policy is.

    Raises:
        SiteBuildError: The offline copy lacks a file, or the policy does not
            allow an inline script of the site.
    """
    build.cut_runtime.write(site_dir / build.pyodide_dest)
    for relative, data in build.files.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    if calculator_url is not None:
        try:
            offline.write_service_worker(site_dir, calculator_url)
        except FileNotFoundError as error:
            raise SiteBuildError(str(error)) from error

    missing = csp.unallowed_scripts(site_dir, netlify_toml)
    if missing:
        lines = [f"{digest} (напр. в {pages[0]})" for digest, pages in missing.items()]
        raise SiteBuildError(
            "netlify.toml: Content-Security-Policy script-src не разрешава вградени скриптове "
            "на сайта; добавете: " + "; ".join(lines)
        )
