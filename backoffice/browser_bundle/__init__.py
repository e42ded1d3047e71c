"""The browser runtime: the cut Pyodide, the wheels, and everything else that ships to the browser from here.

Built on our machines; :mod:`.stdlib_fallback`, ``service_worker.js`` and
the compiled engine run in the visitor's browser.
"""
