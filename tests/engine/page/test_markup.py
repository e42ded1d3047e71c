import html

from hypothesis import given
from hypothesis import strategies as st

from calculator.page.markup import escape, sentence


def test_escape_covers_the_characters_that_end_text_or_attributes():
    assert escape("""<img src=x onerror="a('1')"> & co""") == (
        "&lt;img src=x onerror=&quot;a(&#x27;1&#x27;)&quot;&gt; &amp; co"
    )


@given(st.text())
def test_escape_matches_the_standard_library(text: str):
    assert escape(text) == html.escape(text, quote=True)


def test_sentence_capitalises_only_the_first_letter():
    assert sentence("над 2 ч Абонамент Премиум") == "Над 2 ч Абонамент Премиум"
    assert sentence("") == ""
