"""What runs only on our own machines, never in the browser.

The site's build helpers (the wheel and runtime, the Content-Security-Policy
check, the offline copy, the published price lists, the plan tables, the
JSON-LD), the plan pages' loader and the official calendar, both read at
build time, the local server that serves the built site like Netlify and
Debian's Chromium as the tests and the benchmark start it, and the sales
command line. It needs CPython and the packages in pyproject.toml;
the engine it feeds, :mod:`calculator`, needs neither.
"""
