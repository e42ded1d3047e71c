// Boot Pyodide exactly as the calculator's worker does, then one expression.
self.addEventListener("message", async ({ data: { indexURL } }) => {
  try {
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    self.postMessage({ result: pyodide.runPython("1+1") });
  } catch (error) {
    self.postMessage({ error: String(error.message || error) });
  }
});
