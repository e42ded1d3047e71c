"""The local Netlify-like server and the Chromium settings that the tests and the benchmark share."""
