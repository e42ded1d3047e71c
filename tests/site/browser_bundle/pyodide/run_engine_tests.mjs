// Runs the engine's test suite (tests/engine) inside real Pyodide under Node.
//
// Usage: node run_engine_tests.mjs <pyodide dir> <cut stdlib zip> <full stdlib zip> <project dir> <wheels dir> [pytest args...]
//
// Pyodide boots on the site's cut standard library, its fallback installed
// as the Worker installs it, reading the full one from disk. The project dir
// (pyproject.toml, tests/, pyodide_plugin.py, runtime_probe.py,
// catalogue.json) is copied into Pyodide's in-memory file system, every
// wheel in the wheels dir is installed, and pytest runs there. The last line printed is
// "PYODIDE-RESULT <json>": the checks made before pytest and the outcome of
// every test. The exit status is pytest's (or 3 if Pyodide itself failed).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlibZip, fullZip, projectDir, wheelsDir, ...pytestArgs] = process.argv.slice(2);
const HOME = "/home/pyodide/project";

function copyTree(pyodide, from, to) {
  pyodide.FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = `${to}/${entry.name}`;
    if (entry.isDirectory()) copyTree(pyodide, source, target);
    else pyodide.FS.writeFile(target, fs.readFileSync(source));
  }
}

// What the browser relies on, checked before pytest imports anything: the
// runtime is Pyodide's, every module of the engine imports nothing but
// the standard library, the engine and the time zones (tzdata), and the cut
// standard library holds all the engine uses when the page calls it (the
// build's own exercise of it), so its fallback fetched nothing.
const PRELUDE = `
import importlib, json, pkgutil, sys
import _stdlib_fallback
# Installed at the start, as in the Worker (loading the test tools needed it).
fallback = _stdlib_fallback.install(${JSON.stringify(fullZip)})
already = len(fallback.fetched)
before = set(sys.modules)
import calculator
for module in pkgutil.walk_packages(calculator.__path__, "calculator."):
    if not module.name.endswith(".__main__"):
        importlib.import_module(module.name)
sys.path.insert(0, ${JSON.stringify(HOME)})
import runtime_probe
with open(${JSON.stringify(`${HOME}/catalogue.json`)}, encoding="utf-8") as file:
    runtime_probe.exercise(file.read())
prelude = {
    "fetched_for_the_engine": fallback.fetched[already:],
    "python": list(sys.version_info[:2]),
    "platform": sys.platform,
    # Installed beside the engine, by where their file is: the runtime's
    # standard library is not in site-packages, every added wheel is.
    "foreign_imports": sorted(
        m for m in set(sys.modules) - before
        if m.split(".")[0] != "calculator"
        and "/site-packages/" in (getattr(sys.modules[m], "__file__", None) or "")
    ),
}
`;

const RUN = `
import os, sys
os.chdir(${JSON.stringify(HOME)})
sys.path.insert(0, ${JSON.stringify(HOME)})
import pytest
exit_code = int(pytest.main(${JSON.stringify(["-p", "pyodide_plugin", ...pytestArgs])}))
import pyodide_plugin
json.dumps({**prelude, "exit_code": exit_code, "fetched": list(fallback.fetched), **pyodide_plugin.RESULT})
`;

try {
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  // Time zones read by path from the tzdata wheel, as in the Worker.
  const env = { PYTHONTZPATH: "/lib/python3.14/site-packages/tzdata/zoneinfo" };
  const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: stdlibZip, env });
  // The Worker's reader for the fallback, here from disk.
  globalThis.readSync = (file) => new Uint8Array(fs.readFileSync(file));
  pyodide.pyimport("_stdlib_fallback").install(fullZip);
  const wheels = fs.readdirSync(wheelsDir).filter((name) => name.endsWith(".whl"));
  await pyodide.loadPackage(wheels.map((name) => path.join(wheelsDir, name)));
  copyTree(pyodide, projectDir, HOME);
  pyodide.runPython(PRELUDE);
  const result = JSON.parse(pyodide.runPython(RUN));
  console.log(`PYODIDE-RESULT ${JSON.stringify(result)}`);
  process.exitCode = result.exit_code;
} catch (error) {
  console.error(error);
  process.exitCode = 3;
}
