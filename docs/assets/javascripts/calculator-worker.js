// The Python engine, in a module Web Worker so that booting Pyodide never
// blocks the page. Messages in: {type: "init", pyodide, wheels, catalogue}
// then {type: "quote", id, form}. Messages out: {type: "ready"} or
// {type: "failed", reason}, then {type: "result" | "error", id, ...}.

let web = null;
let booting = null;

async function boot({ pyodide: indexURL, wheels, catalogue }) {
  const [{ loadPyodide }, catalogueText] = await Promise.all([
    import(`${indexURL}pyodide.mjs`),
    fetch(catalogue).then((response) => {
      if (!response.ok) throw new Error(`каталогът не се зареди (${response.status})`);
      return response.text();
    }),
  ]);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  await pyodide.loadPackage(wheels, { messageCallback: () => {}, errorCallback: () => {} });
  web = pyodide.pyimport("calculator.web");
  web.load_catalogue(catalogueText);
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    booting ??= boot(data).then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", reason: String(error.message || error) }),
    );
    return;
  }
  if (data.type === "quote") {
    try {
      const result = JSON.parse(web.quote_rows_json(JSON.stringify(data.form)));
      self.postMessage({ type: "result", id: data.id, result });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, reason: String(error.message || error) });
    }
  }
});
