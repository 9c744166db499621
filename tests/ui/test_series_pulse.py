"""Were you heard? across a series (DESIGN §11): per meeting, whether representatives had the chance and felt
listened to — "3 of 4", "too few answers to show" or "no pulse" — in the table (as text a screen reader reads) and
as a chart whose labels carry the same words; the figures are each meeting's own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from meetingkit.app import MIN_POINT_SIZE
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import series_overview
from meetingkit.ui.common import screen_fit
from meetingkit.ui.review.pulse_chart import compact_lines, series_pulse_chart
from meetingkit.ui.review.series_view import SeriesWindow
from tests.pulse_records import REPS_TOO_FEW, SHOWN_AND_TOO_FEW, board_with_pulse
from tests.review_records import SERIES
from tests.ui.test_series_view import column
from tests.unit.test_store import small_meeting


def fill(store: Store) -> list[int]:
    """Four meetings: no pulse; representatives 4 answers; 2 answers (too few); two pulses, the later standing."""
    later = [("listened", "patient_public", 4, 0, 0), ("chance", "patient_public", 2, 1, 0)]
    records = [
        board_with_pulse(start="2026-06-12T10:00:00+01:00"),
        board_with_pulse(SHOWN_AND_TOO_FEW, start="2026-07-10T10:00:00+01:00"),
        board_with_pulse(REPS_TOO_FEW, start="2026-09-11T10:00:00+01:00"),
        board_with_pulse(SHOWN_AND_TOO_FEW, later, start="2026-10-09T10:00:00+01:00"),
    ]
    records[3]["meeting"]["title"] = "<b>Board</b> & <img src=x>"
    return [store.import_record(record.parse(r)) for r in records]


def open_series(qtbot: QtBot, store: Store) -> SeriesWindow:
    w = SeriesWindow(store, SERIES)
    qtbot.addWidget(w)
    return w


def test_each_meetings_pulse_is_its_own(store: Store) -> None:
    mids = fill(store)
    rows = series_overview(store, SERIES)
    assert [r.pulse for r in rows] == [store.summary(m).pulse for m in mids]
    assert rows[0].pulse == [] and len(rows[1].pulse) == 4


def test_the_pulse_is_read_from_the_stored_summary_and_follows_a_new_count(
    store: Store, clock: FakeClock
) -> None:
    """The overview reads the meetings' stored summaries, not their events; a count given after the end (as
    the chair closes the pulse) is in the summary as soon as it is committed."""
    mid = store.create_meeting(small_meeting(series=SERIES))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(60)
    session.apply("skip_break", {"reason": "Short meeting"})
    session.apply("end_meeting")
    assert series_overview(store, SERIES)[0].pulse == []
    session.apply(
        "pulse", {"question": "listened", "group": "patient_public", "yes": 3, "partly": 1, "no": 0}
    )
    (row,) = series_overview(store, SERIES)
    assert (
        row.pulse == store.summary(mid).pulse
        and row.pulse[2].sentence() == "3 of 4 felt listened to, 1 partly"
    )
    stored = json.loads(store.db.execute("SELECT summary FROM meetings WHERE id = ?", [mid]).fetchone()[0])
    assert stored["pulse"] == [
        {"question": "listened", "group": "patient_public", "yes": 3, "partly": 1, "no": 0}
    ]


def test_a_summary_stored_before_it_kept_the_pulse_reads_the_events(store: Store) -> None:
    mids = fill(store)
    store.db.execute("UPDATE meetings SET summary = json_remove(summary, '$.pulse')")
    rows = series_overview(store, SERIES)
    assert [r.pulse for r in rows] == [store.summary(m).pulse for m in mids]
    assert rows[3].pulse[2].sentence() == "4 of 4 felt listened to"  # the later count stands


def test_the_table_reads_the_trend_in_words(qtbot: QtBot, store: Store) -> None:
    fill(store)
    w = open_series(qtbot, store)
    display = Qt.ItemDataRole.DisplayRole
    assert column(w.model, "pulse.listened.patient_public", display) == [
        "no pulse",
        "3 of 4",
        "too few answers to show",
        "4 of 4",
    ]
    assert column(w.model, "pulse.chance.patient_public", display) == [
        "no pulse",
        "3 of 4",
        "too few answers to show",
        "2 of 3",
    ]
    said = column(w.model, "pulse.listened.patient_public", Qt.ItemDataRole.AccessibleTextRole)
    assert said[1] == "Did you feel listened to? Representatives: 3 of 4 felt listened to, 1 not"
    assert said[2] == "Did you feel listened to? Representatives: too few answers to show"
    assert said[0] == "Did you feel listened to? Representatives: no pulse"
    # sorted by the share who said yes; nothing shown sorts below any share
    assert column(w.model, "pulse.listened.patient_public") == [-1.0, 0.75, -1.0, 1.0]
    headers = [w.model.headerData(c, Qt.Orientation.Horizontal) for c in range(w.model.columnCount())]
    assert "Reps felt\nlistened to" in headers and "Reps had\nthe chance" in headers
    assert w.summary.text().endswith("representatives who felt listened to: 4 of 4.")


def test_the_chart_labels_say_the_figures(qtbot: QtBot, store: Store) -> None:
    fill(store)
    w = open_series(qtbot, store)
    assert w.charts.tabText(2) == "Were you heard?"
    assert w.pulse_chart.accessibleName() == "Were you heard? by meeting chart"
    assert w.pulse_chart.accessibleDescription().split("; ") == [
        "12 Jun 26: no pulse",
        "10 Jul 26: had the chance 3 of 4, felt listened to 3 of 4",
        "11 Sep 26: had the chance too few answers to show, felt listened to too few answers to show",
        "9 Oct 26: had the chance 2 of 3, felt listened to 4 of 4",
    ]
    axis = w.pulse_chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.categories() == [
        "12 Jun 26<br>no pulse",
        "10 Jul 26<br>chance: 3 of 4<br>listened: 3 of 4",
        "11 Sep 26<br>too few answers to show",
        "9 Oct 26<br>chance: 2 of 3<br>listened: 4 of 4",
    ]
    bars = w.pulse_chart.chart().series()[0].barSets()
    # the two questions differ by fill as well as colour; a meeting with nothing shown has no bar
    assert bars[0].brush().style() != bars[1].brush().style()
    assert [bars[1].at(i) for i in range(4)] == [0.0, 75.0, 0.0, 100.0]


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The text size the app itself sets (app.py): the layout is judged at what people see."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(before.pointSizeF(), MIN_POINT_SIZE))
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def test_it_fits_a_laptop_and_saves(
    qtbot: QtBot, app_font: None, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    # opened on a 1366x768 laptop: the room its screen has, less the window's frame
    monkeypatch.setattr(
        screen_fit, "room_on_screen", lambda *a: QSize(1366, 768) - screen_fit.FRAME_ALLOWANCE
    )
    w = open_series(qtbot, store)
    w.show()
    qtbot.waitExposed(w)
    # every column, the pulse's two included, is in view without scrolling sideways
    header = w.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= w.table.viewport().width()
    last = w.model.column_of("pulse.listened.patient_public")
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= w.table.viewport().width()
    w.charts.setCurrentIndex(2)
    assert w.charts.currentWidget() is w.pulse_chart
    target = tmp_path / "pulse.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(w.png_button, Qt.MouseButton.LeftButton)
    assert not QImage(str(target)).isNull()


def test_with_many_meetings_the_chart_puts_each_answer_on_short_lines(qtbot: QtBot, store: Store) -> None:
    fill(store)
    rows = series_overview(store, SERIES)
    assert compact_lines(rows[2]) == ["11 Sep 26", "too few", "answers to", "show"]
    assert compact_lines(rows[3]) == ["9 Oct 26", "2 of 3", "4 of 4"]
    assert compact_lines(rows[0]) == ["12 Jun 26", "no pulse"]
    chart = series_pulse_chart(rows * 2)  # eight meetings: narrow categories
    qtbot.addWidget(chart)
    axis = chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.titleText() == "Under each meeting: had the chance, then felt listened to"
    assert axis.categories()[2] == "11 Sep 26<br>too few<br>answers to<br>show"
    assert len(set(axis.categories())) == 8  # the same day twice is still two meetings
