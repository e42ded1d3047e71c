"""``python -m calculator``: the sales command line (:mod:`backoffice.sales.cli`), kept at its old name.

Our machines only: the browser's wheel leaves this door out
(:func:`backoffice.browser_bundle.bundle.calculator_wheel`), so nothing that ships
imports outside the package.
"""

from backoffice.sales.cli import main

raise SystemExit(main())
