"""The series view: per meeting, the patient voice, finish time, break and feedback actions, as table and charts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_models import JSON_KEY_ROLE, SORT_ROLE
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.series_view import SeriesModel, SeriesWindow
from tests.review_records import SERIES, silent_rep, with_interjections


def fill(store: Store) -> list[int]:
    return [
        store.import_record(record.parse(silent_rep())),
        store.import_record(record.parse(with_interjections())),
        store.import_record(record.parse(silent_rep(start="2026-09-11T10:00:00+01:00"))),
    ]


def open_series(qtbot: QtBot, store: Store) -> SeriesWindow:
    w = SeriesWindow(store, SERIES)
    qtbot.addWidget(w)
    return w


def column(model: SeriesModel, key: str, role: int = SORT_ROLE) -> list[object]:
    c = next(
        i
        for i in range(model.columnCount())
        if model.headerData(i, Qt.Orientation.Horizontal, JSON_KEY_ROLE) == key
    )
    return [model.data(model.index(r, c), role) for r in range(model.rowCount())]


def test_table_figures_are_each_meetings_stats(qtbot: QtBot, store: Store) -> None:
    mids = fill(store)
    w = open_series(qtbot, store)
    docs = [store.summary(m).to_json() for m in mids]
    assert column(w.model, "patient_voice_share") == pytest.approx([d["patient_voice_share"] for d in docs])
    assert column(w.model, "patient_voice_share_with_break") == pytest.approx(
        [d["patient_voice_share_with_break"] for d in docs]
    )
    assert column(w.model, "over_s") == [d["timing"]["over_s"] for d in docs]
    assert column(w.model, "over_s", Qt.ItemDataRole.DisplayRole) == [
        "8 min under",
        "4 min under",
        "8 min under",
    ]
    assert column(w.model, "break", Qt.ItemDataRole.DisplayRole) == [
        "skipped (Room booked until 11)",
        "held",
        "skipped (Room booked until 11)",
    ]
    assert column(w.model, "feedback_actions_raised") == [0, 1, 0]
    assert column(w.model, "feedback_actions_done") == [0, 0, 0]
    assert column(w.model, "meeting", Qt.ItemDataRole.DisplayRole)[1] == "2026-07-10 Board with interjections"
    assert w.summary.text().startswith("3 meetings. The feedback break was held in 1 of them.")
    assert "at least 25%; 3 meetings fell short." in w.summary.text()


def test_double_click_opens_the_meetings_review(qtbot: QtBot, store: Store) -> None:
    mids = fill(store)
    w = open_series(qtbot, store)
    w.show()
    qtbot.waitExposed(w)
    view = w.table
    rect = view.visualRect(view.model().index(1, 0))
    # A real double-click is a press, release, then a double-click event; Qt's views need the first half too.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reviews = w.findChildren(ReviewWindow)
    assert [r.meeting_id for r in reviews] == [mids[1]]
    assert reviews[0].heading.text() == "Board with interjections"


def test_charts_render_and_save(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    w = open_series(qtbot, store)
    w.show()
    qtbot.waitExposed(w)
    for tab in (0, 1):
        w.charts.setCurrentIndex(tab)
        target = tmp_path / f"series-{tab}.png"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        qtbot.mouseClick(w.png_button, Qt.MouseButton.LeftButton)
        assert not QImage(str(target)).isNull()
    assert w.voice_chart.accessibleName() == "Patient and public voice by meeting chart"
    assert w.timing_chart.accessibleName() == "Finish time by meeting chart"


def test_empty_series(qtbot: QtBot, store: Store) -> None:
    w = open_series(qtbot, store)
    assert w.model.rowCount() == 0
    assert w.summary.text() == "No meeting of this series has started yet."
