// Runs the engine's test suite (tests/engine) inside real Pyodide under Node.
//
// Usage: node run_engine_tests.mjs <pyodide dir> <project dir> <wheels dir> [pytest args...]
//
// The project dir (pyproject.toml, tests/, pyodide_plugin.py) is copied into
// Pyodide's in-memory file system, every wheel in the wheels dir is
// installed, and pytest runs there. The last line printed is
// "PYODIDE-RESULT <json>": the checks made before pytest and the outcome of
// every test. The exit status is pytest's (or 3 if Pyodide itself failed).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, projectDir, wheelsDir, ...pytestArgs] = process.argv.slice(2);
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
// runtime is Pyodide's, and every module of the engine imports nothing but
// the standard library, the engine and the time zones (tzdata).
const PRELUDE = `
import importlib, json, pkgutil, sys
before = set(sys.modules)
import calculator
for module in pkgutil.iter_modules(calculator.__path__):
    if module.name != "__main__":
        importlib.import_module(f"calculator.{module.name}")
prelude = {
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
json.dumps({**prelude, "exit_code": exit_code, **pyodide_plugin.RESULT})
`;

try {
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
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
