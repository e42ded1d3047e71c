"""The sales command line (``python -m calculator``), in Bulgarian."""
