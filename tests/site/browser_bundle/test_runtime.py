"""The cut Pyodide runtime in the built site (backoffice/browser_bundle/cut.py)."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from backoffice.browser_bundle import bundle
from backoffice.browser_bundle import cut as runtime

ROOT = Path(__file__).resolve().parents[3]
#: Python 3.14's byte-code magic number (Pyodide's interpreter), not CPython 3.11's.
PYTHON_314_MAGIC = (3627).to_bytes(2, "little") + b"\r\n"


@pytest.fixture(scope="module")
def runtime_dir(site_dir: Path) -> Path:
    [folder] = (site_dir / "assets" / "pyodide").iterdir()
    return folder


def entries(data: bytes) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: info for info in archive.infolist()}


def test_the_runtime_folder_is_named_after_its_contents(runtime_dir: Path):
    stock = bundle.pyodide_dir(ROOT)
    engine = bundle.make_wheel("calculator", "0.1.0", [("calculator/__init__.pyc", b"")])
    lock = runtime.lock_without_packages(stock)
    made = runtime.CutRuntime(stock, b"cut", lock, engine, ("os",), b"wasm gz", b"cut gz", b"engine gz")
    assert (
        made.digest
        == runtime.CutRuntime(stock, b"cut", lock, engine, (), b"wasm gz", b"cut gz", b"engine gz").digest
    )
    assert (
        made.digest
        != runtime.CutRuntime(stock, b"cut 2", lock, engine, (), b"wasm gz", b"cut gz", b"engine gz").digest
    )
    assert (
        made.digest
        != runtime.CutRuntime(stock, b"cut", lock, engine, (), b"wasm gz 2", b"cut gz", b"engine gz").digest
    )
    assert (
        made.digest
        != runtime.CutRuntime(stock, b"cut", lock, engine, (), b"wasm gz", b"cut gz 2", b"engine gz").digest
    )
    assert re.fullmatch(r"[0-9a-f]{12}", runtime_dir.name)


def test_the_stock_files_are_served_unchanged(runtime_dir: Path):
    # The runtime's files only: nothing else of the npm package (README, console.html).
    assert sorted(path.name for path in runtime_dir.iterdir()) == [
        "pyodide-lock.json",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "pyodide.asm.wasm.gz",
        "pyodide.mjs",
        "python_stdlib.zip",
        "python_stdlib.zip.gz",
        "python_stdlib_full.zip",
    ]
    stock = bundle.pyodide_dir(ROOT)
    for name in runtime.UNCHANGED:
        assert (runtime_dir / name).read_bytes() == (stock / name).read_bytes(), name
    assert (runtime_dir / "python_stdlib_full.zip").read_bytes() == (stock / "python_stdlib.zip").read_bytes()
    # The WebAssembly gzipped too (the Worker inflates it): the same bytes, a third of the size.
    gzipped = (runtime_dir / "pyodide.asm.wasm.gz").read_bytes()
    assert gzip.decompress(gzipped) == (stock / "pyodide.asm.wasm").read_bytes()
    assert len(gzipped) < 0.36 * (stock / "pyodide.asm.wasm").stat().st_size
    # And the cut standard library, gzipped whole: under 40 % of its stored entries.
    cut = (runtime_dir / "python_stdlib.zip").read_bytes()
    assert gzip.decompress((runtime_dir / "python_stdlib.zip.gz").read_bytes()) == cut
    assert (runtime_dir / "python_stdlib.zip.gz").stat().st_size < 0.4 * len(cut)


def test_the_cut_standard_library_is_sourceless_byte_code_in_stored_entries(runtime_dir: Path):
    data = (runtime_dir / "python_stdlib.zip").read_bytes()
    found = entries(data)
    # Every module compiled, none left as source; the fallback's index is data.
    assert [name for name in found if not name.endswith(".pyc")] == ["_stdlib_fallback.txt"]
    assert {info.compress_type for info in found.values()} == {zipfile.ZIP_STORED}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {archive.read(name)[:4] for name in found if name.endswith(".pyc")} == {PYTHON_314_MAGIC}
        index = archive.read("_stdlib_fallback.txt").decode().split()
    # What Pyodide's start and the engine import, and the fallback; not what they never do.
    for name in ("_stdlib_fallback", "decimal", "zoneinfo/__init__", "json/__init__", "_pyodide/_base"):
        assert name + ".pyc" in found, name
    for name in ("argparse", "xml/dom/minidom", "tarfile", "unittest/__init__"):
        assert name + ".pyc" not in found, name
    # Nor what the interpreter has frozen in: it never reads the zip for these.
    for name in ("os", "site", "codecs", "importlib/_bootstrap", "importlib/util", "zipimport"):
        assert name + ".pyc" not in found, name
    assert {"argparse", "xml.dom.minidom", "json", "pyodide.http"} <= set(index)
    assert len(found) < len(index) / 3


def test_the_lock_file_keeps_its_info_and_no_packages(runtime_dir: Path):
    lock = json.loads((runtime_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"] == {}
    assert lock["info"]["python"].startswith("3.14.")


def test_the_engine_wheel_is_compiled_stored_and_served_gzipped_too(site_dir: Path):
    [wheel] = (site_dir / "assets" / "wheels").glob("*/calculator-*.whl")
    found = entries(wheel.read_bytes())
    modules = sorted(name for name in found if not name.startswith("calculator-"))
    assert "calculator/page/web.pyc" in modules
    assert [name for name in modules if not name.endswith(".pyc")] == []
    # Stored, and gzipped whole beside it: compressed across its modules, not each alone.
    assert {info.compress_type for info in found.values()} == {zipfile.ZIP_STORED}
    gzipped = wheel.with_name(wheel.name + ".gz").read_bytes()
    assert gzip.decompress(gzipped) == wheel.read_bytes()
    deflated = io.BytesIO()
    with zipfile.ZipFile(deflated, "w") as archive:
        for name in found:
            archive.writestr(name, zipfile.ZipFile(wheel).read(name), compress_type=zipfile.ZIP_DEFLATED)
    assert len(gzipped) < 0.9 * len(deflated.getvalue())


def test_the_offline_copy_and_the_prefetch_leave_out_the_full_standard_library(site_dir: Path):
    worker = (site_dir / "kalkulator" / "sw.js").read_text(encoding="utf-8")
    assert "/python_stdlib.zip.gz" in worker
    assert "python_stdlib_full.zip" not in worker
    assert "python_stdlib_full.zip" not in (site_dir / "vaprosi" / "index.html").read_text(encoding="utf-8")


def test_a_build_without_node_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(runtime.shutil, "which", lambda name: None)
    wheels = [bundle.calculator_wheel(ROOT / "calculator"), bundle.tzdata_wheel()]
    with pytest.raises(bundle.BundleError, match=r"Node не е намерен.*Node 20"):
        runtime.cut(bundle.pyodide_dir(ROOT), wheels, b"{}", tmp_path)


def test_an_engine_that_fails_inside_pyodide_fails_the_build_with_pythons_message(tmp_path: Path):
    wheels = [bundle.calculator_wheel(ROOT / "calculator"), bundle.tzdata_wheel()]
    with pytest.raises(bundle.BundleError, match=r"(?s)cut_runtime\.mjs: .*JSONDecodeError"):
        runtime.cut(bundle.pyodide_dir(ROOT), wheels, b"not a catalogue", tmp_path)
