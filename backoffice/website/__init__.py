"""The site's build: the plan pages read and checked, the calendar, the company, and what the pages get.

Called by the MkDocs hooks (``hooks/site_hooks.py``) through :mod:`.site_build`,
which runs one build's steps; runs only on our machines.
"""
