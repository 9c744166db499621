"""The escaping the main window uses (plain_text.escape, which spares the start-up html.entities) is html.escape."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from meetingkit.ui.common.plain_text import escape

ODD = ["", "&amp;", "<img src=x onerror=alert(1)>", "\"'&<>", 'Dr O\'Neil & "Co"', "\u202e<b>", "&&&;;"]


@given(st.text())
def test_escape_is_html_escape(text: str) -> None:
    assert escape(text) == html.escape(text)
    assert escape(text, quote=False) == html.escape(text, quote=False)


def test_escape_on_the_oddest_names() -> None:
    for text in ODD:
        assert escape(text) == html.escape(text)
        assert escape(text, quote=False) == html.escape(text, quote=False)
