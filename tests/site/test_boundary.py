"""The shipping boundary: everything in `calculator/` goes to the browser, so it needs nothing else.

The wheel is the package (backoffice.bundle), so no list says what ships;
these tests hold the package to what Pyodide has: the standard library.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from backoffice import bundle

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calculator"

# Every module of the package except `__main__`, the CLI's thin entry
# point, which runs the CLI when imported.
ENGINE_MODULES = sorted(
    f"calculator.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem not in ("__init__", "__main__")
)


# Prints the modules that importing the whole engine loaded from outside the
# standard library (by where their file is, so that its private helpers,
# such as _sysconfigdata, count as standard library too).
_FOREIGN = f"""
import importlib, json, sys, sysconfig
before = set(sys.modules)
for name in {ENGINE_MODULES!r}:
    importlib.import_module(name)
stdlib = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])
def foreign(module):
    where = getattr(module, "__file__", None)
    return where is not None and not where.startswith(stdlib)
print(json.dumps(sorted(name for name in set(sys.modules) - before if foreign(sys.modules[name]))))
"""


def test_the_engine_imports_only_the_standard_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FOREIGN], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == sorted(["calculator", *ENGINE_MODULES])


def test_the_wheel_is_the_package() -> None:
    wheel = bundle.calculator_wheel(PACKAGE)
    with zipfile.ZipFile(BytesIO(wheel.data)) as archive:
        shipped = sorted(name for name in archive.namelist() if not name.startswith("calculator-"))
    assert shipped == sorted(f"calculator/{path.name}" for path in PACKAGE.glob("*.py"))
    assert {"calculator/__init__.py", "calculator/web.py", "calculator/quote.py"} <= set(shipped)


def test_the_browser_javascript_is_transport_and_stays_within_500_lines():
    # Behaviour goes into the Python that renders the markup, or into CSS:
    # what the browser runs of ours (the page's scripts, the engine's Worker,
    # the offline copy's Service Worker) is kept to 500 non-blank lines.
    scripts = [*sorted((ROOT / "docs").rglob("*.js")), ROOT / "backoffice" / "service_worker.js"]
    assert [path.name for path in scripts] == [
        "calculator-boot.js",
        "calculator-prefetch.js",
        "calculator.js",
        "contact.js",
        "calculator-worker.js",
        "service_worker.js",
    ]
    lines = sum(
        1 for path in scripts for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert lines <= 500
