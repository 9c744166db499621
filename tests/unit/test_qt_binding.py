"""The Qt binding must not leak or over-release references: a console repaints ten times a second for hours."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_calls_returning_nothing_keep_none_alive(qapp: QApplication) -> None:
    # PySide6 6.12.0 on Python 3.11 released None once per such call, aborting the app after ~5,000 of them.
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("1:23")
    assert sys.getrefcount(None) >= before - 10
