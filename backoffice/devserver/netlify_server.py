"""Serve a built site on 127.0.0.1 with the headers and redirects `netlify.toml` declares.

The rules are read from the file, not restated, so the browser tests run
under the real Content-Security-Policy and caching rules. The benchmark's
server is this one, with a handler that adds compression and a log of bytes
(`serve(..., handler=...)`).
"""

from __future__ import annotations

import re
import sys
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

from backoffice.website.csp import netlify_headers

ROOT = Path(__file__).resolve().parents[2]


HeaderRules = list[tuple[re.Pattern[str], dict[str, str]]]


def header_rules(netlify_toml: Path) -> HeaderRules:
    """The `[[headers]]` of `netlify.toml`, in file order: (path pattern, header values).

    Netlify's `*` matches any run of characters, slashes included.
    """
    return [
        (re.compile(".*".join(re.escape(part) for part in path.split("*"))), values)
        for path, values in netlify_headers(netlify_toml)
    ]


# A form Netlify registers at deploy: its tag carries `data-netlify` and a name.
_NETLIFY_FORM = re.compile(r"<form\b(?=[^>]*\sdata-netlify=)[^>]*\sname=\"([^\"]+)\"")


def netlify_forms(site_dir: Path) -> set[str]:
    """The names of the forms Netlify's form detection finds in the built HTML."""
    pages = (page.read_text(encoding="utf-8") for page in site_dir.rglob("*.html"))
    return {name for page in pages for name in _NETLIFY_FORM.findall(page)}


def netlify_redirects(netlify_toml: Path) -> dict[str, tuple[str, int]]:
    """The plain `[[redirects]]` of `netlify.toml`: path without trailing slash -> (target, status)."""
    data = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    return {
        rule["from"].rstrip("/") or "/": (rule["to"], rule.get("status", 301))
        for rule in data.get("redirects", [])
    }


class NetlifyHandler(SimpleHTTPRequestHandler):
    """Serves files with the headers and redirects of `netlify.toml`.

    `serve` makes a subclass per server holding that file's `rules` and
    `redirects`; a subclass of this one adds behaviour, as the benchmark's does.
    """

    rules: ClassVar[HeaderRules] = []
    redirects: ClassVar[dict[str, tuple[str, int]]] = {}
    #: The form submissions this server took, each its fields as sent (`do_POST`); one list a server.
    submissions: ClassVar[list[list[tuple[str, str]]]] = []
    extensions_map = {  # noqa: RUF012 - the stdlib class attribute this overrides
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
    }

    def declared_headers(self) -> list[dict[str, str]]:
        """The header values `netlify.toml` sets for this request's path, in file order."""
        path = urlsplit(self.path).path
        return [values for pattern, values in self.rules if pattern.fullmatch(path)]

    def guess_type(self, path: str | PathLike[str]) -> str:
        """A Content-Type from netlify.toml, else the one guessed from the name."""
        declared = [values["Content-Type"] for values in self.declared_headers() if "Content-Type" in values]
        return declared[-1] if declared else super().guess_type(path)

    def end_headers(self) -> None:
        """Add the headers netlify.toml sets for the path (its Content-Type went in through guess_type)."""
        for values in self.declared_headers():
            for name, value in values.items():
                if name.lower() != "content-type":
                    self.send_header(name, value)
        super().end_headers()

    def _redirected(self) -> bool:
        # As on Netlify: with or without the trailing slash, and not over an existing file.
        path = urlsplit(self.path).path
        rule = self.redirects.get(path.rstrip("/") or "/")
        if rule is None or Path(self.translate_path(path)).exists():
            return False
        self.send_response(rule[1])
        self.send_header("Location", rule[0])
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def do_GET(self) -> None:
        """Redirect as netlify.toml says, or serve the file."""
        if not self._redirected():
            super().do_GET()

    def do_HEAD(self) -> None:
        """Redirect as netlify.toml says, or answer for the file."""
        if not self._redirected():
            super().do_HEAD()

    def do_POST(self) -> None:
        """Take a form submission as Netlify Forms does, else refuse the POST.

        A urlencoded body whose `form-name` names a form of the built site is
        recorded in `submissions` (the form's fields, in the order sent) and
        answered with the page at the path, 200, as Netlify answers with the
        form's action. Anything else is 404, as Netlify answers a POST to a
        static site that is no form it knows. A test that needs a failure
        makes it in the browser (a route that aborts or answers 500).
        """
        length = int(self.headers.get("Content-Length") or 0)
        fields = parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
        name = dict(fields).get("form-name")
        if name is None or name not in netlify_forms(Path(self.directory)):
            self.send_error(404)
            return
        self.submissions.append(fields)
        self.command = "GET"  # the answer is the action's page
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing: a line per request would bury the tests' own output."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that drops a request it no longer needs (a page closed,
        # a prefetch cancelled) is no error of the site's: keep the output clean.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    site_dir: Path,
    netlify_toml: Path = ROOT / "netlify.toml",
    *,
    handler: type[NetlifyHandler] = NetlifyHandler,
    **attributes: Any,
) -> Iterator[str]:
    """Serve `site_dir` on a free port of 127.0.0.1 until the block ends; yield its base URL.

    Args:
        site_dir: the built site.
        netlify_toml: where the headers and redirects are read from.
        handler: `NetlifyHandler` or a subclass of it.
        **attributes: class attributes of this server's handler, beside the
            rules and redirects (e.g. what a subclass shares between requests).
    """
    rules = {
        "rules": header_rules(netlify_toml),
        "redirects": netlify_redirects(netlify_toml),
        "submissions": [],
    }
    served = type(handler.__name__, (handler,), rules | attributes)
    server = _Server(("127.0.0.1", 0), partial(served, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
