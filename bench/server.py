"""The built site on 127.0.0.1, compressed as Netlify would serve it, with a log of every response.

Headers, the Content-Security-Policy and redirects come from `netlify.toml`
through the server the tests use (backoffice/devserver/netlify_server.py), with a
handler of its own that adds:

- a file whose Content-Type is one Netlify is known to compress
  (`NETLIFY_COMPRESSES`, see bench/README.md for the sources) and that
  compresses by 5 % or more is served pre-compressed with brotli (quality 11)
  or gzip (level 6), whichever the request's Accept-Encoding allows, brotli
  first (Debian's Chromium 156 offers `gzip, deflate, br, zstd` even over
  http://127.0.0.1, so it gets brotli); every other file is served as it is,
  and the log notes what brotli would have saved on it;
- as on Netlify: an ETag on every file, a 304 for a matching If-None-Match,
  and `Cache-Control: public, max-age=0, must-revalidate` where netlify.toml
  sets no Cache-Control;
- every response is logged: path, status, encoding, bytes written to the
  socket (headers and body), and the wall-clock times of the request line and
  of the last byte written.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import mimetypes
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

import brotli

from backoffice.devserver import netlify_server

CACHE = Path(tempfile.gettempdir()) / "site-bench-compressed"
# Formats that are compressed already: not worth a try.
_STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".gz", ".br", ".whl"}
DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate"
# The Content-Types served compressed. Netlify's documentation lists none:
# only the text types every report of Netlify's responses shows compressed
# count; WebAssembly and zip archives go as they are (see bench/README.md).
NETLIFY_COMPRESSES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
        "application/xml",
        "text/xml",
        "text/plain",
    }
)
# The stock runtime served as if Netlify compressed every type, WebAssembly
# and zip too: the stock baseline at its fastest, for a conservative ratio.
ALL_COMPRESSED_UNDER = "/bench-stock-br/"


@dataclass(frozen=True)
class Variant:
    """One file, raw and compressed."""

    raw: bytes
    etag: str
    gzip: bytes | None
    br: bytes | None
    content_type: str
    compressed: bool  # Netlify compresses its Content-Type: the compressed forms are served


@dataclass
class Hit:
    """One response as it went over the socket."""

    path: str
    status: int
    encoding: str
    bytes: int
    start: float
    end: float
    # What brotli would have saved on a body sent raw because Netlify does not
    # compress its type: the figure if it did.
    uncompressed_saving: int = 0


def _cached(kind: str, digest: str, make: Callable[[], bytes]) -> bytes:
    path = CACHE / f"{digest}.{kind}"
    if path.exists():
        return path.read_bytes()
    data = make()
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{kind}.tmp{threading.get_ident()}")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


def content_type(url_path: str, rules: netlify_server.HeaderRules) -> str:
    """The Content-Type a file is served with: netlify.toml's, else the one its name implies."""
    declared = [
        values["Content-Type"]
        for pattern, values in rules
        if "Content-Type" in values and pattern.fullmatch(url_path)
    ]
    if declared:
        return declared[-1]
    suffix = Path(url_path).suffix.lower()
    guessed = netlify_server.NetlifyHandler.extensions_map.get(suffix) or mimetypes.guess_type(url_path)[0]
    return guessed or "application/octet-stream"


def compress_site(site_dir: Path, rules: netlify_server.HeaderRules) -> dict[str, Variant]:
    """Every file of the site by URL path, with its gzip and brotli forms when they pay."""
    files: dict[str, Variant] = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        url_path = "/" + path.relative_to(site_dir).as_posix()
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        gz = br = None
        if path.suffix not in _STORED and len(raw) > 256:
            gz = _cached("gz", digest, partial(gzip.compress, raw, 6, mtime=0))
            br = _cached("br", digest, partial(brotli.compress, raw, quality=11))
            gz = gz if len(gz) <= 0.95 * len(raw) else None
            br = br if len(br) <= 0.95 * len(raw) else None
        kind = content_type(url_path, rules)
        netlify_compresses = kind.split(";")[0].strip().lower() in NETLIFY_COMPRESSES
        compressed = netlify_compresses or url_path.startswith(ALL_COMPRESSED_UNDER)
        files[url_path] = Variant(raw, f'"{digest[:20]}"', gz, br, kind, compressed)
    return files


def _accepts(header: str) -> set[str]:
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name and params.replace(" ", "") not in ("q=0", "q=0.0"):
            accepted.add(name.strip().lower())
    return accepted


class _Counter:
    """The socket's writer, counting what goes through it."""

    def __init__(self, inner: io.BufferedIOBase) -> None:
        self.inner = inner
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        self.inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class _BenchHandler(netlify_server.NetlifyHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a browser gets from a CDN
    # Shared by the server's requests: given to netlify_server.serve.
    files: dict[str, Variant]
    log: list[Hit]
    lock: threading.Lock
    accept_encodings: set[str]

    def setup(self) -> None:
        super().setup()
        self._counter = _Counter(self.wfile)
        self.wfile = self._counter  # type: ignore[assignment]

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        if not any("Cache-Control" in values for values in self.declared_headers()):
            self.send_header("Cache-Control", DEFAULT_CACHE_CONTROL)
        super().end_headers()

    def do_GET(self) -> None:
        start, before = time.time(), self._counter.count
        self._status, self._encoding, self._saving = 0, "", 0
        super().do_GET()
        self.wfile.flush()
        hit = Hit(
            urlsplit(self.path).path,
            self._status,
            self._encoding,
            self._counter.count - before,
            start,
            time.time(),
            self._saving,
        )
        with self.lock:
            self.log.append(hit)
            self.accept_encodings.add(self.headers.get("Accept-Encoding", ""))

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = unquote(urlsplit(self.path).path)
        if path.endswith("/"):
            path += "index.html"
        variant = self.files.get(path)
        if variant is None:
            return super().send_head()
        if self.headers.get("If-None-Match") == variant.etag:
            self.send_response(304)
            self.send_header("ETag", variant.etag)
            self.end_headers()
            return None
        accepted = _accepts(self.headers.get("Accept-Encoding", ""))
        body, encoding = variant.raw, ""
        if not variant.compressed:
            if variant.br is not None and "br" in accepted:
                self._saving = len(variant.raw) - len(variant.br)
        elif variant.br is not None and "br" in accepted:
            body, encoding = variant.br, "br"
        elif variant.gzip is not None and "gzip" in accepted:
            body, encoding = variant.gzip, "gzip"
        self._encoding = encoding
        self.send_response(200)
        self.send_header("Content-Type", variant.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", variant.etag)
        if variant.compressed and (variant.gzip is not None or variant.br is not None):
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        return io.BytesIO(body)


class BenchServer:
    """A running server: its base URL, its files and its log."""

    def __init__(self, url: str, files: dict[str, Variant], log: list[Hit], encodings: set[str]) -> None:
        self.url = url
        self.files = files
        self._log = log
        self.accept_encodings = encodings

    def mark(self) -> int:
        """Position in the log, to read what came after."""
        return len(self._log)

    def since(self, mark: int) -> list[Hit]:
        return list(self._log[mark:])


@contextmanager
def serve(site_dir: Path, netlify_toml: Path) -> Iterator[BenchServer]:
    """Serve `site_dir` on a free port of 127.0.0.1, compressed, with netlify.toml's headers."""
    files = compress_site(site_dir, netlify_server.header_rules(netlify_toml))
    log: list[Hit] = []
    encodings: set[str] = set()
    shared = {"files": files, "log": log, "lock": threading.Lock(), "accept_encodings": encodings}
    with netlify_server.serve(site_dir, netlify_toml, handler=_BenchHandler, **shared) as url:
        yield BenchServer(url, files, log, encodings)
