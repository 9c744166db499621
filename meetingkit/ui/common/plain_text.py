"""User text shown by Qt as the characters typed, never as markup (issue 11: a name holding `<img src=…>` must
not draw a file from disk). Qt guesses whether a tooltip is rich text from its first characters, so a tooltip
that shows user text is always given as escaped rich text; a label is set to PlainText."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from meetingkit.ui.common.qt_properties import set_properties


def escape(text: str, quote: bool = True) -> str:
    """`html.escape`, without loading the `html` package (which loads its table of 2,231 named entities, for
    unescaping, a couple of milliseconds of the app's start). The same characters, in the same order."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def isolated(text: str) -> str:
    """`text` between Unicode's first-strong isolate and its pop (U+2068, U+2069): set among English words, a
    name in Arabic, Hebrew or Urdu keeps its own direction without reordering the words and figures around it."""
    return f"\u2068{text}\u2069"


def plain_tip(text: str | None) -> str | None:
    """`text` as a tooltip that shows exactly these characters (line breaks kept)."""
    if not text:
        return None
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """The label shows its text as typed: Qt never reads it as markup."""
    set_properties(label, textFormat="PlainText")
    return label
