"""``python -m calculator``: the sales command line, kept at its old name (see :mod:`backoffice.cli`)."""

from backoffice.cli import main

raise SystemExit(main())
