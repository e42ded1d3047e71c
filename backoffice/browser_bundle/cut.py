"""The calculator's own Pyodide: the stock runtime, its standard library cut to what the engine uses.

Stock Pyodide ships 614 standard-library entries as `.py` sources: every
boot downloads 2.5 MB and compiles what it imports. The build instead runs
the engine inside the stock Pyodide under Node (`cut_runtime.mjs`,
`probe.py`), keeps the modules that Pyodide's start and the engine
imported, compiled by Pyodide's own Python into sourceless `.pyc`, and
compiles the engine's wheel the same way. Deriving the list on every build
means no hand-kept list can fall behind the engine; the result is cached by
its inputs, so rebuilds cost nothing.

A module the cut misses still imports: `stdlib_fallback.py`, inside the
cut zip, fetches the stock standard library (served beside it as
`python_stdlib_full.zip`) on the first miss.

Netlify is not known to compress WebAssembly or zip files, and a browser
cannot be told to inflate a file by a header Netlify might rewrite. So the
two large files are also served gzipped, by zopfli: the stock WebAssembly
as `pyodide.asm.wasm.gz` (3.4 MB for 9.6 MB) and the cut standard library,
a zip of stored entries, as `python_stdlib.zip.gz` (1.0 MB for 2.7 MB;
gzipped whole, it compresses across modules, and Python imports from it
without inflating). Our engine's wheel is served the same way, its entries
stored and the whole gzipped (150 KB, where each entry deflated made 183
KB). The Worker asks for the `.gz` files and inflates them
with the browser's own DecompressionStream on their way in; a browser
without DecompressionStream gets the plain files.

`pyodide-build` is not used: its commands download a cross-build
environment from the Internet (the build runs offline), its current release
needs Python 3.12+ (Netlify builds with 3.11), and it builds packages from
source, while what we need is the stock runtime's own modules run and
compiled by the stock interpreter.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import zopfli.gzip

from backoffice.browser_bundle import bundle

HERE = Path(__file__).resolve().parent
#: What runs at build time: Node boots Pyodide, Python inside it decides.
SCRIPT, PROBE, FALLBACK = HERE / "cut_runtime.mjs", HERE / "probe.py", HERE / "stdlib_fallback.py"
#: The stock files served unchanged.
UNCHANGED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
#: The stock standard library, for the fallback only: fetched on a miss, not
#: prefetched, not in the offline copy.
FULL_STDLIB = "python_stdlib_full.zip"
#: The files also served gzipped: what the Worker fetches instead of the plain ones.
WASM_GZ, STDLIB_GZ = "pyodide.asm.wasm.gz", "python_stdlib.zip.gz"
#: What the calculator page fetches of the runtime, in a browser with
#: DecompressionStream: what other pages prefetch and the offline copy keeps.
PAGE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", WASM_GZ, STDLIB_GZ, "pyodide-lock.json")
_NODE_TIMEOUT_S = 300


@dataclass(frozen=True)
class CutRuntime:
    """The cut runtime of one build: what it serves, and what it was cut to."""

    source: Path  # the npm Pyodide folder
    stdlib: bytes  # the cut python_stdlib.zip, entries stored
    lock: bytes  # pyodide-lock.json without packages
    engine: bundle.Wheel  # our calculator wheel, compiled, entries stored
    modules: tuple[str, ...]  # the standard library's modules kept
    wasm_gz: bytes  # the stock pyodide.asm.wasm, gzipped
    stdlib_gz: bytes  # the cut standard library, gzipped
    engine_gz: bytes  # our wheel, gzipped (served beside the runtime's folder, with the wheel)

    @cached_property
    def digest(self) -> str:
        """Short hash of every file served: the runtime's folder name."""
        digest = hashlib.sha256()
        for name, data in sorted(self.files().items()):
            content = data if isinstance(data, bytes) else data.read_bytes()
            digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
        return digest.hexdigest()[:12]

    def files(self) -> dict[str, bytes | Path]:
        """The runtime folder's files: name -> content, or the npm file it is a copy of."""
        return {
            **{name: self.source / name for name in UNCHANGED},
            FULL_STDLIB: self.source / "python_stdlib.zip",
            "python_stdlib.zip": self.stdlib,
            "pyodide-lock.json": self.lock,
            WASM_GZ: self.wasm_gz,
            STDLIB_GZ: self.stdlib_gz,
        }

    def write(self, dest: Path) -> None:
        """Write the runtime folder into `dest`."""
        dest.mkdir(parents=True, exist_ok=True)
        for name, data in self.files().items():
            if isinstance(data, bytes):
                (dest / name).write_bytes(data)
            else:
                shutil.copyfile(data, dest / name)


def lock_without_packages(source: Path) -> bytes:
    """Pyodide's lock file, its `info` kept and no packages: the Worker loads none through it."""
    info = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True).encode()


def cache_key(source: Path, wheels: Sequence[bundle.Wheel], catalogue_json: bytes) -> str:
    """A hash of everything the cut depends on: the runtime, the engine, what exercises it, this code."""
    digest = hashlib.sha256(bundle.pyodide_version(source).encode())
    for part in (*(wheel.data for wheel in wheels), catalogue_json):
        digest.update(hashlib.sha256(part).digest())
    for path in (SCRIPT, PROBE, FALLBACK, Path(__file__)):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _run_probe(source: Path, wheels: Sequence[bundle.Wheel], catalogue_json: bytes, out: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise bundle.BundleError(
            "Node не е намерен: сайтът се изгражда с Node 20, който изрязва Pyodide за калкулатора; "
            "инсталирайте Node 20 (https://nodejs.org/) или изпълнете `make build`."
        )
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        (work / "wheels").mkdir()
        for wheel in wheels:
            (work / "wheels" / wheel.filename).write_bytes(wheel.data)
        shutil.copyfile(PROBE, work / "runtime_probe.py")
        shutil.copyfile(FALLBACK, work / "_stdlib_fallback.py")
        (work / "catalogue.json").write_bytes(catalogue_json)
        completed = subprocess.run(
            [node, str(SCRIPT), str(source), str(work)],
            capture_output=True,
            text=True,
            timeout=_NODE_TIMEOUT_S,
            check=False,
        )
        if completed.returncode != 0:
            last = "\n".join(completed.stderr.strip().splitlines()[-15:])
            raise bundle.BundleError(
                f"{SCRIPT.name}: Pyodide не успя да изреже стандартната библиотека:\n{last}"
            )
        out.mkdir(parents=True, exist_ok=True)
        for name in ("python_stdlib.zip", "engine.zip", "modules.json"):
            shutil.copyfile(work / "out" / name, out / name)


def gzipped(data: bytes, cache: Path) -> bytes:
    """`data` gzipped by zopfli (4 to 8 % smaller than gzip -9), cached by its hash.

    Zopfli takes about 11 s for the 9.6 MB of WebAssembly: once per Pyodide release.
    """
    path = cache / f"{hashlib.sha256(data).hexdigest()[:16]}.gz"
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".tmp").write_bytes(zopfli.gzip.compress(data, numiterations=1))
        path.with_suffix(".tmp").rename(path)
    return path.read_bytes()


def cut(source: Path, wheels: Sequence[bundle.Wheel], catalogue_json: bytes, cache: Path) -> CutRuntime:
    """The cut runtime for the engine in `wheels` (ours first, then tzdata), cached in `cache`.

    Raises:
        bundle.BundleError: Node is missing, or the engine failed inside Pyodide.
    """
    folder = cache / cache_key(source, wheels, catalogue_json)
    if not (folder / "modules.json").is_file():
        _run_probe(source, wheels, catalogue_json, folder.with_suffix(".tmp"))
        shutil.rmtree(folder, ignore_errors=True)
        folder.with_suffix(".tmp").rename(folder)
    name, version = wheels[0].filename.split("-")[:2]
    with zipfile.ZipFile(io.BytesIO((folder / "engine.zip").read_bytes())) as archive:
        compiled = [(entry, archive.read(entry)) for entry in archive.namelist()]
    stdlib = (folder / "python_stdlib.zip").read_bytes()
    engine = bundle.make_wheel(name, version, compiled, stored=True)
    return CutRuntime(
        source=source,
        stdlib=stdlib,
        lock=lock_without_packages(source),
        engine=engine,
        engine_gz=gzipped(engine.data, cache / "gzipped"),
        modules=tuple(json.loads((folder / "modules.json").read_text(encoding="utf-8"))),
        wasm_gz=gzipped((source / "pyodide.asm.wasm").read_bytes(), cache / "gzipped"),
        stdlib_gz=gzipped(stdlib, cache / "gzipped"),
    )
