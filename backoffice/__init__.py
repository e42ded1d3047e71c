"""What runs only on our own machines, never in the browser, one room per concern.

- :mod:`backoffice.website`: the site's build (the plan pages' loader, the
  official calendar, the company's identity, the published price lists, the
  plan tables and cards, the menu, the edit link, JSON-LD, the CSP check,
  and one build's steps in order, as the MkDocs hooks run them);
- :mod:`backoffice.browser_bundle`: the cut Pyodide runtime, the wheels and the
  offline copy, with everything that ships to the browser from here;
- :mod:`backoffice.sales`: the sales command line;
- :mod:`backoffice.devserver`: the local Netlify-like server and Debian's
  Chromium as the tests and the benchmark start it.

It needs CPython and the packages in pyproject.toml; the engine it feeds,
:mod:`calculator`, needs neither.
"""
