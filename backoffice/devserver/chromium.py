"""Debian's Chromium, as the browser tests and the benchmark launch it."""

from __future__ import annotations

# Playwright cannot download its own browser here: `make test` installs Debian's.
CHROMIUM = "/usr/bin/chromium"
# These flags keep Debian's Chromium from calling home, which the closed network would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
