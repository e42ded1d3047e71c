"""The calculator page: the form, quote links, and the answer's HTML and charts.

The top room: it reads the profile table and a quote, and writes markup.
:mod:`.web` is what the browser's Worker calls; :mod:`.form` and
:mod:`.links` read and write the profile; the ``*_html`` modules render.
"""
