"""Sizes that grow with the user's text size: widths chosen at the usual font, scaled for larger text."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

DESIGN_CHAR_PX = 8  # the average character width of the 11 pt default font the layouts were drawn for


def font_scaled(widget: QWidget, px: int) -> int:
    """`px` (a width chosen at the usual font), grown in step with `widget`'s font; never shrunk."""
    return round(px * max(1.0, widget.fontMetrics().averageCharWidth() / DESIGN_CHAR_PX))
