"""The participation review window: its figures are `meetingkit stats --json`'s, for ended and running meetings."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from meetingkit import cli
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.review_text import percent
from meetingkit.models.summary import MeetingSummary
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.review.review_models import JSON_KEY_ROLE, SORT_ROLE
from meetingkit.ui.review.review_window import ReviewWindow
from tests.conftest import EXAMPLE_RECORD
from tests.review_records import silent_rep, with_interjections

RECORDS = {
    "silent rep": silent_rep,
    "interjections": with_interjections,
    "example board": lambda: json.loads(Path(EXAMPLE_RECORD).read_text()),
}


def open_review(qtbot: QtBot, store: Store, mid: int, **kw: object) -> ReviewWindow:
    window = ReviewWindow(store, mid, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    return window


def stats_json(db_path: Path, mid: int, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert cli.main(["stats", str(mid), "--json", "--db", str(db_path)]) == 0
    return json.loads(capsys.readouterr().out)


def model_cells(model: object) -> list[dict[str, object]]:
    m = model  # a FiguresTableModel
    cols = range(m.columnCount())  # type: ignore[attr-defined]
    keys = [m.headerData(c, Qt.Orientation.Horizontal, JSON_KEY_ROLE) for c in cols]  # type: ignore[attr-defined]
    return [
        {keys[c]: m.data(m.index(r, c), SORT_ROLE) for c in cols}  # type: ignore[attr-defined]
        for r in range(m.rowCount())  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("name", RECORDS)
def test_the_review_shows_exactly_the_stats_figures(
    qtbot: QtBot, store: Store, db_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    mid = store.import_record(record.parse(RECORDS[name]()))
    doc = json.loads(json.dumps(store.summary(mid).to_json()))
    assert stats_json(db_path, mid, capsys) == doc  # the app, the CLI and the store agree
    w = open_review(qtbot, store, mid)
    assert model_cells(w.people_model) == doc["people"]
    roles = {c["role"]: {"seconds": c["seconds"], "share": c["share"]} for c in model_cells(w.roles_model)}
    assert roles == doc["roles"]
    sectors = {
        c["sector"]: {"seconds": c["seconds"], "share": c["share"]} for c in model_cells(w.sectors_model)
    }
    assert sectors == doc["sectors"]
    assert w.voice.value.text() == percent(doc["patient_voice_share"])
    assert w.voice_with_break.value.text() == percent(doc["patient_voice_share_with_break"])
    assert w.balance.value.text() == f"{doc['gini']:.2f}"
    assert w.not_heard.value.text() == str(len(doc["not_heard"]))
    assert w.silent_items.value.text() == str(len(doc["items_without_patient_voice"]))
    for title in doc["items_without_patient_voice"]:
        assert title in w.silent_items.text.text()
    cov = doc["coverage"]
    assert w.coverage.value.text() == f"{len(cov['expected']) - len(cov['missing'])}/{len(cov['expected'])}"
    for sector in cov["missing"]:
        assert sector in w.coverage.text.text()
        assert sector in w.coverage_wheel.accessibleDescription()
    # The timeline draws every stored turn, each person's bars adding up to their figure.
    data = w.timeline.data()
    assert len(data.turns) == len(store.speeches(mid))
    per_person: dict[str, float] = {}
    for t in data.turns:
        per_person[data.lanes[t.lane].name] = per_person.get(data.lanes[t.lane].name, 0.0) + t.seconds
    for p in doc["people"]:
        assert per_person.get(p["name"], 0.0) == pytest.approx(p["seconds"])


def test_a_representative_who_never_spoke_is_named(qtbot: QtBot, store: Store) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(silent_rep())))
    assert w.voice.value.text() == "0%"
    assert w.voice.text.text() == "Representatives did not speak in the main discussion."
    assert w.not_heard.text.text() == "1 person present was not heard in the main discussion: Pat Rep."
    assert w.silent_items.text.text() == (
        "No representative spoke in 4 items: Welcome, Budget, Plans and Next steps."
    )
    assert "Feedback break: skipped (Room booked until 11)" in w.when.text()
    assert "Ended." in w.when.text()
    assert not w.refresh_button.isVisibleTo(w)


def test_interjections_and_the_break_in_words(qtbot: QtBot, store: Store) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(with_interjections())))
    assert (
        w.voice.text.text() == "Representatives spoke for 9.2% of the discussion outside the feedback break."
    )
    assert w.voice_with_break.text.text() == (
        "Counting the feedback break, representatives spoke for 15.4% of all speaking time."
    )
    assert (
        w.interjections.text()
        == "3 interjections in all; most often Ann Chair, Pat Rep and Meg Member (once each)."
    )
    assert w.balance.text.text().startswith("Talk was shared fairly evenly.")
    assert w.coverage.text.text() == "4 of 5 expected sectors were in the room; missing: mental health."


def test_people_table_sorts_by_the_figure_not_the_text(qtbot: QtBot, store: Store) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(with_interjections())))
    view = w.people_table
    col = w.people_model.column_of("seconds")
    view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    shown = [view.model().index(r, col).data(SORT_ROLE) for r in range(view.model().rowCount())]
    assert shown == sorted(shown, reverse=True)
    view.sortByColumn(w.people_model.column_of("name"), Qt.SortOrder.AscendingOrder)
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert names == sorted(names)


def test_timeline_select_a_turn_by_click_and_keys(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(with_interjections())))
    w.tabs.setCurrentIndex(3)
    w.show()
    qtbot.waitExposed(w)
    tl = w.timeline
    data = tl.data()
    first = min(range(len(data.turns)), key=lambda i: data.turns[i].start)
    turn = data.turns[first]
    y = tl._lane_top(turn.lane) + 12
    x = (tl.x_of(turn.start) + tl.x_of(turn.end)) / 2
    assert tl.turn_at(QPointF(x, y)) == first
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPointF(x, y).toPoint())
    assert w.turn_label.text() == (
        "Ann Chair (Chair) spoke for 3 min 15 s, 10:00:05–10:04:00, during 'Welcome'."
    )
    qtbot.keyClick(tl, Qt.Key.Key_Right)
    assert w.turn_label.text().startswith(
        "Pat Rep (Patient / public rep) interjected for 40 s while Ann Chair had"
    )
    assert "Selected: Pat Rep" in tl.accessibleDescription()
    qtbot.keyClick(tl, Qt.Key.Key_Escape)
    assert w.turn_label.text() == "No turn selected."
    in_break = [i for i, t in enumerate(data.turns) if t.item == "break"]
    assert in_break and "in the feedback break" in tl.describe_turn(in_break[0])
    assert [s.title for s in data.breaks] == ["Feedback break"]
    assert [s.title for s in data.items][:3] == ["Welcome", "Budget", "Plans"]
    out = tmp_path / "timeline.png"
    assert tl.grab().save(str(out))
    assert not QImage(str(out)).isNull()


def test_timeline_zoom_widens_it(qtbot: QtBot, store: Store) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(with_interjections())))
    before = w.timeline.minimumWidth()
    assert w.zoom_in_button.accessibleName() == "Zoom timeline in"
    qtbot.mouseClick(w.zoom_in_button, Qt.MouseButton.LeftButton)
    assert w.timeline.zoom == 2.0
    assert w.timeline.minimumWidth() > before
    qtbot.mouseClick(w.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.zoom_out_button, Qt.MouseButton.LeftButton)
    assert w.timeline.zoom == 1.0  # never narrower than the window


def test_export_csv_in_the_tables_order(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.import_record(record.parse(with_interjections()))
    w = open_review(qtbot, store, mid)
    target = tmp_path / "people.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    w.people_table.sortByColumn(w.people_model.column_of("seconds"), Qt.SortOrder.DescendingOrder)
    qtbot.mouseClick(w.export_csv_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    doc = store.summary(mid).to_json()
    by_time = sorted(doc["people"], key=lambda p: -p["seconds"])
    assert [r["Name"] for r in rows] == [p["name"] for p in by_time]
    assert [float(r["Speaking time (s)"]) for r in rows] == [p["seconds"] for p in by_time]
    assert w.export_result.text() == f"Table saved to {target}"


def test_cancelled_export_writes_nothing(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(silent_rep())))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(w.export_csv_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.export_png_button, Qt.MouseButton.LeftButton)
    assert w.export_result.text() == ""
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob("*.png")) == []


@pytest.mark.parametrize("tab", range(5))
def test_save_each_sections_chart_as_png(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tab: int
) -> None:
    w = open_review(qtbot, store, store.import_record(record.parse(silent_rep())))
    w.resize(1180, 860)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(tab)
    target = tmp_path / "chart"  # the .png is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(w.export_png_button, Qt.MouseButton.LeftButton)
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() > 300 and image.height() > 200
    assert w.export_result.text() == f"Chart saved to {target}.png"


def running_board(store: Store, clock: FakeClock) -> tuple[int, LiveBridge]:
    mid = store.create_meeting(record.parse(silent_rep()).meeting)  # starts at the fake clock's now
    bridge = LiveBridge(store.open_live(mid, clock))
    bridge.command("start_meeting")
    bridge.command("speak", who="ch")
    clock.advance(90)
    bridge.command("speak", who="pr")
    clock.advance(30)
    return mid, bridge


def test_a_running_meeting_shows_the_figures_so_far(qtbot: QtBot, store: Store, clock: FakeClock) -> None:
    mid, bridge = running_board(store, clock)
    try:
        w = open_review(qtbot, store, mid, live=bridge)
        doc = MeetingSummary.of(bridge.live, mid).to_json()
        assert model_cells(w.people_model) == doc["people"]
        assert doc["patient_voice_share"] == pytest.approx(30 / 120)
        assert w.voice.value.text() == "25%"
        assert "Still running: these are the figures so far." in w.when.text()
        assert not w.refresh_button.isVisibleTo(w)  # it follows the meeting by itself
        clock.advance(90)
        bridge.command("speak", who="m1")  # each event refreshes the review
        assert w.voice.value.text() == "57.1%"  # 2 of 3.5 minutes
        assert "Mo Member" in [c["name"] for c in model_cells(w.people_model) if c["turns"]]
    finally:
        bridge.stop()


def test_a_running_meeting_read_from_the_store(qtbot: QtBot, store: Store, clock: FakeClock) -> None:
    mid, bridge = running_board(store, clock)
    try:
        bridge.command("speak", who="m1")  # closes Pat's turn, so the store has it in full
        w = open_review(qtbot, store, mid)
        assert model_cells(w.people_model) == json.loads(json.dumps(store.summary(mid).to_json()))["people"]
        assert w.voice.value.text() == "25%"
        assert w.refresh_button.isVisibleTo(w)
        clock.advance(60)
        bridge.command("speak", who="pr")
        qtbot.mouseClick(w.refresh_button, Qt.MouseButton.LeftButton)
        assert w.voice.value.text() == "16.7%"  # 30 s of 3 min (Pat's new turn is open: counted at its start)
        assert len(w.timeline.data().turns) == 4
    finally:
        bridge.stop()


def test_a_meeting_not_started_has_nothing_to_show(qtbot: QtBot, store: Store) -> None:
    mid = store.create_meeting(record.parse(silent_rep()).meeting)
    w = open_review(qtbot, store, mid)
    assert "Not started yet" in w.when.text()
    assert w.voice.value.text() == "—"
    assert w.voice.text.text() == "No discussion has been timed yet."
    assert w.timeline.data().turns == []


def test_names_with_markup_stay_text_in_charts_and_tooltips(qtbot: QtBot, store: Store) -> None:
    data = with_interjections()
    data["people"][2]["name"] = '<img src="x.png"> Pat & <b>Co</b>'
    w = open_review(qtbot, store, store.import_record(record.parse(data)))
    chart = w.people_chart.chart()  # type: ignore[attr-defined]
    (axis,) = chart.axes(Qt.Orientation.Vertical)
    label = next(c for c in axis.categories() if "Pat" in c)
    assert label.startswith("&lt;img src=&quot;x.png&quot;&gt; Pat &amp; &lt;b&gt;Co&lt;/b&gt; — ")
    row = next(r for r in range(w.people_model.rowCount()) if "Pat" in w.people_model.index(r, 0).data())
    tip = w.people_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>&lt;img src=&quot;x.png&quot;&gt; Pat &amp; &lt;b&gt;Co&lt;/b&gt;, ")
    assert w.people_model.index(row, 0).data() == '<img src="x.png"> Pat & <b>Co</b>'  # the table shows text
    assert "Pat & <b>Co</b>" in w.interjections.text()  # plain-text labels show the name as typed
