"""The files the live calculator needs, made or copied into the built site.

Pyodide comes from the pinned npm package; our `calculator` package and the
`tzdata` zones travel as pure-Python wheels that we write ourselves from
files already on disk, so a build needs no network.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: What `loadPyodide()` fetches from its index URL; nothing else of the
#: npm package is served.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)

# A fixed timestamp makes the wheels byte-identical from build to build, so
# their content hash (and the browser's cache) changes only with the code.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class BundleError(Exception):
    """A file the calculator needs is missing; the message says how to get it."""


@dataclass(frozen=True)
class Wheel:
    """A wheel held in memory until the site is written."""

    filename: str
    data: bytes

    @property
    def digest(self) -> str:
        """Short content hash, used as a cache-busting folder name."""
        return hashlib.sha256(self.data).hexdigest()[:12]


def pyodide_dir(root: Path) -> Path:
    """Return the npm Pyodide folder, or explain how to install it."""
    folder = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise BundleError(
            f"Pyodide не е инсталиран ({', '.join(missing)} липсва в {folder}); "
            "изпълнете `npm ci` или `make build`."
        )
    return folder


def pyodide_version(folder: Path) -> str:
    """Return the version of the npm Pyodide package in `folder`."""
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    return str(version)


def make_wheel(name: str, version: str, files: Iterable[tuple[str, bytes]], *, stored: bool = False) -> Wheel:
    """Write a pure-Python wheel holding `files` (archive name, content), each entry deflated or stored.

    Deflated inside, because Netlify is not known to compress zip files on
    the way (bench/README.md, "What Netlify compresses"); stored for a wheel
    the site also serves gzipped whole, which compresses across its files
    (a fifth smaller than each entry deflated: backoffice/browser_bundle/cut.py).
    """
    dist_info = f"{name}-{version}.dist-info"
    entries = sorted(files)
    entries.append(
        (f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode())
    )
    entries.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: site-build\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
    )
    record = [f"{arcname},sha256={_urlsafe_digest(data)},{len(data)}" for arcname, data in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16
            if stored:
                archive.writestr(info, data, compress_type=zipfile.ZIP_STORED)
            else:
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return Wheel(f"{name}-{version}-py3-none-any.whl", buffer.getvalue())


def package_files(package_dir: Path) -> list[tuple[str, bytes]]:
    """Return the `.py` files of a package, named as inside a wheel."""
    base = package_dir.parent
    return [
        (path.relative_to(base).as_posix(), path.read_bytes())
        for path in sorted(package_dir.rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


#: The package's door for `python -m calculator`, which hands over to the
#: sales CLI in `backoffice`: it runs only on our machines.
MAIN = "__main__.py"


def calculator_wheel(package_dir: Path) -> Wheel:
    """Wheel of our `calculator` package, as the browser loads it: every room, all of each.

    The folder is the boundary: what runs only on our machines (the plan
    pages' loader, the official calendar, the CLI) lives in `backoffice`;
    only the package's top-level `__main__.py`, the CLI's door, stays behind.
    """
    version = importlib.metadata.version("calculator")
    files = [(name, data) for name, data in package_files(package_dir) if name != f"calculator/{MAIN}"]
    return make_wheel("calculator", version, files)


#: The zones the engine uses (calculator/clock.py), and the packages that
#: `zoneinfo` imports to find them inside `tzdata`.
TZDATA_FILES = (
    "tzdata/__init__.py",
    "tzdata/zoneinfo/__init__.py",
    "tzdata/zoneinfo/UTC",
    "tzdata/zoneinfo/Europe/__init__.py",
    "tzdata/zoneinfo/Europe/Sofia",
)


def tzdata_wheel() -> Wheel:
    """Wheel of the installed `tzdata` (pinned by the lock file), Sofia's zone only.

    Pyodide has no time-zone database of its own; `zoneinfo` finds
    Europe/Sofia through this package. The wheel on PyPI does not match the
    checksum in Pyodide's lock, so we write our own from the same files, and
    only the files the engine needs: 3 KB instead of 340 KB for every visitor.
    """
    dist = importlib.metadata.distribution("tzdata")
    files = [
        (str(path), Path(path.locate()).read_bytes())
        for path in dist.files or []
        if str(path) in TZDATA_FILES
    ]
    return make_wheel("tzdata", dist.version, files)


def _urlsafe_digest(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
