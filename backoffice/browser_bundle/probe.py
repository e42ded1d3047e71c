"""Inside Pyodide, at build time: run the engine, note the standard library it used, and compile that.

`backoffice/browser_bundle/cut_runtime.mjs` boots the stock Pyodide under Node as the
page's Worker does (our wheels unpacked beside it, the fallback
installed), then calls :func:`exercise` and :func:`write`. Everything found
in `sys.modules` whose file is in the standard library's zip by then, what
Pyodide's own start imported and what the engine did, is the cut standard
library. Compiling here, with Pyodide's own Python, gives byte code its
interpreter accepts (the same magic number).

Only :func:`write` imports what the writing needs, after the modules are
noted: the probe must not add to what it records.
"""

import json
import os
import sys

#: Where the standard library is in Pyodide, and so every module's file in it.
STDLIB_ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
#: The fallback's name inside the cut zip (the Worker imports it by name).
FALLBACK = "_stdlib_fallback"
#: A fixed timestamp: the same modules give the same bytes, and the same fingerprint.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
#: The standard library loses its docstrings and asserts, as under `python -OO`;
#: the engine keeps its asserts, and loses its docstrings but a "." for each
#: class's (a dataclass without one builds one with `inspect`; :func:`_without_docs`).
STDLIB_OPTIMIZE, ENGINE_OPTIMIZE = 2, 0


def exercise(catalogue_json: str) -> None:
    """Call the engine the way the page does: each module, the default form, varied forms, links."""
    import importlib
    import pkgutil

    import calculator

    # Every module of every room; not __main__, the CLI's door, left out of the wheel.
    for module in pkgutil.walk_packages(calculator.__path__, "calculator."):
        if not module.name.endswith(".__main__"):
            importlib.import_module(module.name)

    from calculator.page import web
    from calculator.page.form import DEFAULT_FORM

    current = web.load_catalogue(catalogue_json)
    forms = [
        DEFAULT_FORM,
        {**DEFAULT_FORM, "customer": "individual", "bgn": "on", "incident_at": "2026-12-23T17:30"},
        {**DEFAULT_FORM, "workstations": "много"},
        {**DEFAULT_FORM, "incident_at": "23.12.2026"},
    ]
    replies = [json.loads(web.answer(json.dumps({"form": form, "pin": None}))) for form in forms]
    link = replies[0]["link"]
    older = json.loads(catalogue_json) | {"price_list": "2000-01"}
    index = {"lists": [{"id": "2000-01", "url": "ceni/2000-01.json"}]}
    files = {"/ceni/index.json": json.dumps(index), "/ceni/2000-01.json": json.dumps(older)}
    for text, known in [
        (link, {}),
        (link.replace(f"pl={current}", "pl=2000-01"), files),
        (link.replace(f"pl={current}", "pl=1999-01"), files),
        ("#v=1&pl=@@&c=x&ws=-3&zz", {}),
    ]:
        request = {"link": text, "form": {}, "site": "/", "price_lists": "/ceni/index.json", "files": known}
        web.open_link(json.dumps(request))


def used_modules() -> list[str]:
    """The names of the loaded modules read from the standard library's zip.

    Not the frozen ones (os, site, codecs, importlib's bootstrap...): their
    `__file__` names the zip, but the interpreter has them built in and never
    reads the zip for them.
    """
    prefix = STDLIB_ZIP + "/"
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if (getattr(module, "__file__", None) or "").startswith(prefix)
        and getattr(getattr(module, "__spec__", None), "origin", None) != "frozen"
    )


def _without_docs(source: bytes) -> object:
    """The engine's syntax tree without the docstrings of its modules and functions.

    They are for the people who read the code, and a third of the bytes a
    visitor downloads for the engine. A class's becomes "." (see ENGINE_OPTIMIZE).
    """
    import ast

    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and ast.get_docstring(node, clean=False):
            # Any docstring at all: a dataclass without one builds one with inspect.
            node.body[0] = ast.Expr(ast.Constant("."))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = [
                item
                for item in node.body
                if not (
                    isinstance(item, ast.Expr)
                    and isinstance(item.value, ast.Constant)
                    and isinstance(item.value.value, str)
                )
            ]
            node.body = body or [ast.Pass()]
    return ast.fix_missing_locations(tree)


def _pyc(source: bytes, filename: str, optimize: int, *, docs: bool = True) -> bytes:
    import importlib.util
    import marshal

    tree = source if docs else _without_docs(source)
    code = compile(tree, filename, "exec", dont_inherit=True, optimize=optimize)  # type: ignore[call-overload]
    # A timestamp header of zeros: with no source beside it, nothing checks it.
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)


def _full_modules() -> list[str]:
    """Every module of the stock standard library, by dotted name (the fallback's index)."""
    import zipfile

    with zipfile.ZipFile(STDLIB_ZIP) as archive:
        paths = [name.removesuffix(".py") for name in archive.namelist() if name.endswith(".py")]
    return sorted({path.removesuffix("/__init__").replace("/", ".") for path in paths})


def _write_zip(path: str, entries: dict[str, bytes], compress_type: int) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compress_type=compress_type, compresslevel=9)


def write(modules: list[str], fallback: str, engine: str, out: str) -> None:
    """Write the cut standard library and the compiled engine into `out`.

    Args:
        modules: what :func:`used_modules` returned.
        fallback: the path of the fallback's source (`backoffice/browser_bundle/stdlib_fallback.py`).
        engine: the folder our wheels were unpacked into.
        out: the folder to write `python_stdlib.zip`, `engine.zip` and `modules.json` into.
    """
    import zipfile

    stdlib: dict[str, bytes] = {}
    with zipfile.ZipFile(STDLIB_ZIP) as archive:
        for name in modules:
            source = sys.modules[name].__file__ or ""
            member = source.removeprefix(STDLIB_ZIP + "/")
            # The legacy sourceless layout: `pkg/mod.pyc` where `pkg/mod.py` was.
            stdlib[member.removesuffix(".py") + ".pyc"] = _pyc(archive.read(member), source, STDLIB_OPTIMIZE)
    with open(fallback, "rb") as file:
        stdlib[FALLBACK + ".pyc"] = _pyc(file.read(), f"{STDLIB_ZIP}/{FALLBACK}.py", STDLIB_OPTIMIZE)
    stdlib[FALLBACK + ".txt"] = "\n".join(_full_modules()).encode()
    # Stored: the site serves it gzipped whole (backoffice/browser_bundle/cut.py), which
    # compresses across modules, and Python then imports without inflating.
    _write_zip(f"{out}/python_stdlib.zip", stdlib, zipfile.ZIP_STORED)

    compiled: dict[str, bytes] = {}
    for folder, _, names in os.walk(f"{engine}/calculator"):
        for name in names:
            if name.endswith(".py"):
                source = f"{folder}/{name}"
                with open(source, "rb") as file:
                    member = source.removeprefix(engine + "/").removesuffix(".py") + ".pyc"
                    compiled[member] = _pyc(file.read(), source, ENGINE_OPTIMIZE, docs=False)
    # Deflated: a wheel, fetched as it is (Netlify is not known to compress zip files).
    _write_zip(f"{out}/engine.zip", compiled, zipfile.ZIP_DEFLATED)
    with open(f"{out}/modules.json", "w", encoding="utf-8") as file:
        json.dump([*modules, FALLBACK], file, indent=0)
