"""The cut runtime's safety net: a module missing from the cut standard library comes from the full one.

This file ships inside the cut `python_stdlib.zip` as `_stdlib_fallback`
(see `backoffice/browser_bundle/cut.py`); it runs in Pyodide, never in CPython. The
host installs it once Python has started; its finder comes last on
`sys.meta_path`, so it is asked only about a module no one else found. The
first time that is a module of the full standard library (the build lists
them in an index beside it), it fetches that library (the stock zip, served
beside the cut one), writes it to the in-memory file system and imports
from there; every later miss is served from that copy.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

#: Where the full standard library is written once fetched.
FULL_STDLIB = "/lib/python_stdlib_full.zip"

#: The standard library's zip in Pyodide, the cut one where this module runs.
STDLIB = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
#: Beside this module in the cut zip: the full standard library's modules,
#: one dotted name a line, written by the build.
INDEX = "_stdlib_fallback.txt"


def _read(url: str) -> bytes:
    """The file at `url`, read by the host's function `readSync` (in the Worker, a synchronous request)."""
    # Looked up by name each time, not kept: Python must hold no JavaScript
    # object when the Worker takes its memory snapshot (a global function
    # reached by name is one it can restore; an XMLHttpRequest is not).
    import js  # type: ignore[import-not-found]

    return bytes(js.readSync(url).to_bytes())


class StdlibFallback:
    """A `sys.meta_path` finder that looks for missing standard-library modules in the full zip."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._modules: frozenset[str] | None = None
        #: The modules found only in the full standard library, in order.
        self.fetched: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """Find `fullname` in the full standard library, fetching it on the first miss."""
        if fullname not in self.modules():
            # Not in the full one either: a third-party name, or an optional
            # module this build lacks (hashlib asks for _hashlib at every
            # start), fails as usual, with no download.
            return None
        if not os.path.exists(FULL_STDLIB):
            # A warm start restores Python's memory, not its files: fetch again.
            try:
                data = _read(self.url)
            except Exception as error:  # offline, say: the import fails as an import does
                raise ImportError(
                    f"{fullname}: the full standard library is out of reach", name=fullname
                ) from error
            with open(FULL_STDLIB, "wb") as file:
                file.write(data)
        # The package's folder inside the full zip (a submodule of a package
        # that the cut zip holds is looked for beside the package's full copy).
        folder = "/".join([FULL_STDLIB, *fullname.split(".")[:-1]])
        spec = PathFinder.find_spec(fullname, [folder])
        if spec is not None:
            self.fetched.append(fullname)
        return spec

    def modules(self) -> frozenset[str]:
        """The full standard library's modules, read from the index once."""
        if self._modules is None:
            import zipfile

            with zipfile.ZipFile(STDLIB) as archive:
                names = INDEX in archive.namelist() and archive.read(INDEX).decode().split()
            # No index: the stock standard library (the build's probe), where
            # nothing is missing and nothing is to be fetched.
            self._modules = frozenset(names or ())
        return self._modules


def install(url: str) -> StdlibFallback:
    """Put the fallback last on `sys.meta_path` (once); return it.

    Args:
        url: the full standard library's URL, for the host's `readSync`
            (under Node, the tests give a file's path).
    """
    for finder in sys.meta_path:
        if isinstance(finder, StdlibFallback):
            return finder
    finder = StdlibFallback(url)
    sys.meta_path.append(finder)
    return finder
