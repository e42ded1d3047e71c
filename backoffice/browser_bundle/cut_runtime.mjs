// Build time, under Node: boot the stock Pyodide as the calculator's Worker
// does, run the engine, and let backoffice/browser_bundle/probe.py write the cut
// standard library and the compiled engine. Python decides; this only moves
// bytes in and out of Pyodide's in-memory file system.
//
// Usage: node cut_runtime.mjs <pyodide dir> <work dir>
// The work dir holds runtime_probe.py (probe.py, copied under that name by
// cut.py), _stdlib_fallback.py, catalogue.json and wheels/*.whl; the results
// go to <work dir>/out/.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, work] = process.argv.slice(2);
// As in docs/kalkulator/calculator-worker.js: the wheels' folder on Python's path.
const ENGINE = "/engine";
const PROBE = "/probe";
const OUT = "/out";

try {
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: `${pyodideDir}/`,
    env: { PYTHONPATH: `${ENGINE}:${PROBE}`, PYTHONTZPATH: `${ENGINE}/tzdata/zoneinfo` },
    // Both folders exist before Python starts, or its import system notes them as missing.
    fsInit: async (fs) => [ENGINE, PROBE, OUT].forEach((folder) => fs.mkdirTree(folder)),
    stdout: () => {},
  });
  for (const name of fs.readdirSync(path.join(work, "wheels")).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(work, "wheels", name)));
    pyodide.unpackArchive(bytes, "wheel", { extractDir: ENGINE });
  }
  for (const name of ["runtime_probe.py", "_stdlib_fallback.py"]) {
    pyodide.FS.writeFile(`${PROBE}/${name}`, fs.readFileSync(path.join(work, name)));
  }
  // Installed as the Worker installs it, so that its own imports are noted.
  pyodide.pyimport("_stdlib_fallback").install("python_stdlib_full.zip");
  const probe = pyodide.pyimport("runtime_probe");
  probe.exercise(fs.readFileSync(path.join(work, "catalogue.json"), "utf-8"));
  probe.write(probe.used_modules(), `${PROBE}/_stdlib_fallback.py`, ENGINE, OUT);

  fs.mkdirSync(path.join(work, "out"), { recursive: true });
  for (const name of pyodide.FS.readdir(OUT).filter((entry) => !entry.startsWith("."))) {
    fs.writeFileSync(path.join(work, "out", name), pyodide.FS.readFile(`${OUT}/${name}`));
  }
} catch (error) {
  // The message only: Pyodide's own stack names lines of its minified code.
  console.error(String(error.message || error));
  process.exitCode = 1;
}
