"""The action register: its table models (without widgets), filters, and status changes between meetings."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from meetingkit import cli
from meetingkit.models.meeting import ActionUpdate
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import (
    ROW_ROLE,
    SORT_ROLE,
    STATUS_COLOURS,
    ActionLine,
    ActionsModel,
    ActionUpdatesModel,
    UpdateLine,
)
from meetingkit.ui.minutes.action_register import ActionRegisterWindow
from tests.ui.secretary_series import first_meeting, second_meeting

JUNE_12 = datetime(2026, 6, 12, 9, 0, tzinfo=UTC).timestamp()


def line(**changes: object) -> ActionLine:
    base = ActionLine(
        ref=7,
        key="M1-1",
        text="Share discharge results",
        owner="Claire Dunne",
        due=date(2026, 7, 1),
        status="open",
        source="patient_feedback",
        series="Stroke HIT",
        agreed="Steering group, 12 Jun 2026",
        overdue=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# ---- the models, without widgets -----------------------------------------------------------------------------


def test_actions_model_shows_what_a_person_reads() -> None:
    update = UpdateLine(JUNE_12, "in_progress", "Slides drafted", "Steering group, 12 Jun 2026")
    model = ActionsModel(
        [line(), line(ref=8, key="M1-2", status="open", overdue=True, due=None, owner="", updates=(update,))]
    )
    assert model.rowCount() == 2 and model.columnCount() == len(ActionsModel.COLUMNS)
    assert model.headerData(ActionsModel.STATUS, Qt.Orientation.Horizontal) == "Status"
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        "M1-1",
        "Share discharge results",
        "Claire Dunne",
        "1 Jul 2026",
        "○ Open",
        "Patient feedback",
        "Stroke HIT",
        "Steering group, 12 Jun 2026",
        "No update yet",
    ]
    assert model.index(1, ActionsModel.OWNER).data() == "(no owner)"
    assert model.index(1, ActionsModel.DUE).data() == "-"
    # Overdue is said in words and a glyph, not only in red.
    assert model.index(1, ActionsModel.STATUS).data() == "⚠ Open, overdue"
    assert model.index(1, ActionsModel.STATUS).data(Qt.ItemDataRole.ForegroundRole) == QColor(
        STATUS_COLOURS["overdue"]
    )
    assert model.index(1, ActionsModel.LATEST).data() == "In progress: Slides drafted (12 Jun 2026)"
    assert model.index(1, 0).data(ROW_ROLE).key == "M1-2"
    assert model.row_of(8) == 1 and model.row_of(99) is None


def test_actions_model_sorts_dates_and_statuses_as_people_expect() -> None:
    model = ActionsModel([line(due=date(2026, 12, 1)), line(due=None), line(due=date(2026, 2, 1))])
    keys = [model.index(r, ActionsModel.DUE).data(SORT_ROLE) for r in range(3)]
    assert sorted(keys) == ["2026-02-01", "2026-12-01", "9999-12-31"]  # no due date sorts last
    model.set_rows([line(status="done"), line(status="open", overdue=True), line(status="open")])
    order = sorted(range(3), key=lambda r: model.index(r, ActionsModel.STATUS).data(SORT_ROLE))
    assert order == [1, 2, 0]  # overdue first, then open, then done


def test_set_rows_resets_the_model(qtbot) -> None:  # noqa: ANN001
    model = ActionsModel([line()])
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=100):
        model.set_rows([line(), line(ref=8)])
    assert model.rowCount() == 2


def test_updates_model_lists_date_status_note_and_meeting() -> None:
    model = ActionUpdatesModel(
        [
            UpdateLine.of(
                ActionUpdate("M1-1", "done", "Shared at the July group", JUNE_12, 2),
                {2: "July group, 10 Jul 2026"},
            )
        ]
    )
    assert [model.index(0, c).data() for c in range(4)] == [
        "12 Jun 2026",
        "✓ Done",
        "Shared at the July group",
        "July group, 10 Jul 2026",
    ]


# ---- the window ----------------------------------------------------------------------------------------------


@pytest.fixture
def series(store: Store, clock) -> dict[str, int]:  # noqa: ANN001
    """June meeting (ended) with three actions; a July meeting of the same series still in draft."""
    m1 = store.create_meeting(first_meeting())
    s = store.open_live(m1, clock)
    s.apply("start_meeting")
    s.apply("action", {"text": "Share discharge results", "owner": "m2", "due": "2026-06-01"})
    s.apply("action", {"text": "Book the carers' workshop", "owner": "Carers' network", "due": "2026-09-01"})
    s.apply("action", {"text": "Ask the ICB about funding", "owner": "ch"})
    s.apply("skip_break", {"reason": "Ended early"})
    s.apply("end_meeting")
    other = replace(first_meeting(), title="Diabetes board", series="Diabetes")
    m3 = store.create_meeting(other)
    s3 = store.open_live(m3, clock)
    s3.apply("start_meeting")
    s3.apply("action", {"text": "Audit foot checks", "owner": "m2"})
    s3.apply("skip_break", {"reason": "Ended early"})
    s3.apply("end_meeting")
    m2 = store.create_meeting(second_meeting())  # not yet held
    return {"june": m1, "july": m2, "diabetes": m3}


def shown(window: ActionRegisterWindow) -> list[str]:
    return [r.text for r in window.model.rows()]


def test_register_filters_by_series_status_owner_and_overdue(series, store, clock, qtbot) -> None:  # noqa: ANN001
    window = ActionRegisterWindow(store, clock)
    qtbot.addWidget(window)
    assert window.count_label.text() == "4 actions shown"
    assert [window.series_filter.itemText(i) for i in range(window.series_filter.count())] == [
        "All series",
        "Diabetes",
        "Stroke HIT",
    ]
    window.series_filter.setCurrentIndex(window.series_filter.findData("Stroke HIT"))
    assert shown(window) == [
        "Share discharge results",
        "Book the carers' workshop",
        "Ask the ICB about funding",
    ]
    assert window.model.index(0, ActionsModel.OWNER).data() == "Claire Dunne"
    qtbot.keyClicks(window.owner_filter, "carers")
    assert shown(window) == ["Book the carers' workshop"]
    window.owner_filter.clear()
    window.overdue_filter.setChecked(True)  # the clock says 12 June: only the 1 June action is late
    assert shown(window) == ["Share discharge results"]
    assert window.model.index(0, ActionsModel.STATUS).data() == "⚠ Open, overdue"
    window.overdue_filter.setChecked(False)
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    assert shown(window) == [] and window.count_label.text() == "0 actions shown"


def test_status_change_is_stored_as_an_update_with_date_and_meeting(series, store, clock, qtbot) -> None:  # noqa: ANN001
    clock.set_utc(datetime(2026, 6, 20, 14, 0, tzinfo=UTC))
    window = ActionRegisterWindow(store, clock)
    qtbot.addWidget(window)
    assert not window.record_button.isEnabled()  # nothing selected yet
    target = window.model.rows()[0]
    assert window.select(target.ref)
    assert window.detail_label.text().startswith(
        "SH-1: Share discharge results\nOwner: Claire Dunne, due 1 Jun 2026."
    )
    window.new_status.setCurrentIndex(window.new_status.findData("done"))
    window.status_note.setText("Shared with the survivors' group on 19 June")
    qtbot.mouseClick(window.record_button, Qt.MouseButton.LeftButton)

    stored = store.actions(series="Stroke HIT")[0]
    assert stored.status == "done"
    (u,) = stored.updates
    # Reported to the June meeting: the July one has not been held, and its review must still show this update.
    assert (u.status, u.note, u.at, u.meeting_id) == (
        "done",
        "Shared with the survivors' group on 19 June",
        datetime(2026, 6, 20, 14, 0, tzinfo=UTC).timestamp(),
        series["june"],
    )
    assert window.message.text() == "SH-1 is now done."
    assert window.selected() is not None and window.selected().ref == target.ref
    history = window.updates_model
    assert [history.index(0, c).data() for c in range(4)] == [
        "20 Jun 2026",
        "✓ Done",
        "Shared with the survivors' group on 19 June",
        "Stroke HIT steering group (June), 12 Jun 2026",
    ]
    assert window.model.index(0, ActionsModel.STATUS).data() == "✓ Done"
    assert window.status_note.text() == ""
    # The July meeting's actions review starts from the status as it now stands.
    july_prior = {a.text: a.status for a in store.prior_actions(series["july"])}
    assert july_prior["Share discharge results"] == "done"


def test_register_and_cli_list_the_same_actions(series, store, clock, qtbot, db_path, capsys) -> None:  # noqa: ANN001
    window = ActionRegisterWindow(store, clock)
    qtbot.addWidget(window)
    window.select(window.model.rows()[1].ref)
    window.new_status.setCurrentIndex(window.new_status.findData("in_progress"))
    window.status_note.setText("Venue booked")
    window.record_status_change()
    assert cli.main(["--db", str(db_path), "actions"]) == 0
    printed = capsys.readouterr().out
    for r in window.model.rows():
        assert r.text in printed and r.key in printed
    assert "-> in progress: Venue booked" in printed


def test_export_writes_the_action_log_the_command_line_writes(
    series, store, clock, qtbot, db_path, tmp_path, monkeypatch
) -> None:  # noqa: ANN001, E501
    """DESIGN §5 "Action log": the register's Export writes the CSV of `meetingkit actions -o FILE.csv` (same
    filters, same file), through the one writer, with formula-like cells disarmed."""
    other = store.create_meeting(replace(first_meeting(), title="Formula board", series="Formulae"))
    live = store.open_live(other, clock)
    live.apply("start_meeting")
    live.apply("action", {"text": '=HYPERLINK("http://evil","click")', "owner": "@SUM(A1)"})
    live.apply("skip_break", {"reason": "Ended early"})
    live.apply("end_meeting")
    window = ActionRegisterWindow(store, clock)
    qtbot.addWidget(window)
    assert window.export_button.accessibleName() == "Export action log"
    window.series_filter.setCurrentIndex(window.series_filter.findData("Stroke HIT"))
    asked: list[str] = []

    def fake(parent, caption, start, filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(tmp_path / "from-app"), filters  # no ending typed: .csv is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "from-app.csv"
    assert asked == [str(Path.home() / "Stroke HIT-action-log.csv")]
    assert window.export_result.text() == f"✓ 3 actions exported to {saved}"
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    from_cli = tmp_path / "from-cli.csv"
    argv = ["--db", str(db_path), "actions", "--series", "Stroke HIT", "-o", str(from_cli)]
    assert cli.main(argv) == 0
    assert saved.read_bytes() == from_cli.read_bytes()
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [r[3] for r in rows[1:]] == [
        "Share discharge results",
        "Book the carers' workshop",
        "Ask the ICB about funding",
    ]
    window.series_filter.setCurrentIndex(window.series_filter.findData("Formulae"))
    # "from-app" again: the dialog asked about that name, not about from-app.csv, so replacing it is asked
    replace_asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda parent, title, text, *a: replace_asked.append(text) or answers.pop(0)),
    )
    before = saved.read_bytes()
    assert window.export_csv() is None  # declined: left as it was
    assert saved.read_bytes() == before
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert replace_asked == [f"from-app.csv already exists in {tmp_path}. Replace it?"] * 2
    (row,) = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))[1:]
    # Disarmed: a spreadsheet shows these cells as the text typed rather than running them.
    assert (row[3], row[4]) == ('\'=HYPERLINK("http://evil","click")', "'@SUM(A1)")

    # A target the writer refuses (a read-only file) is said, and left as it was.
    kept = tmp_path / "kept.csv"
    kept.write_text("mine")
    kept.chmod(0o444)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(kept), "CSV files (*.csv)"))
    )
    assert window.export_csv() is None
    assert window.export_result.text() == (
        f"⚠ The action log was not saved: Cannot write {kept}: the file is read-only; it was left as it was"
    )
    assert kept.read_text() == "mine"
