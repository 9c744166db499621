"""The main window: meetings by series, create / duplicate / delete / edit, opening the other windows, resuming
a meeting after a crash, and the app's start-up (demo on first start, a bad database refused untouched)."""

from __future__ import annotations

import sys
import types
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from meetingkit import app
from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import MeetingRow, Store
from meetingkit.ui.common.meeting_zone import wall_time_in_meeting_zone
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.meeting_plans import next_meeting, one_step_on
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from meetingkit.ui.prep.meeting_datetime import from_qdatetime
from meetingkit.ui.prep.meeting_editor import MeetingEditor
from meetingkit.ui.prep.meeting_list_model import MeetingListModel

WINDOWS = {
    "console": ("meetingkit.ui.console.console_window", "ConsoleWindow"),
    "review": ("meetingkit.ui.review.review_window", "ReviewWindow"),
    "series": ("meetingkit.ui.review.series_view", "SeriesWindow"),
    "register": ("meetingkit.ui.minutes.action_register", "ActionRegisterWindow"),
    "minutes": ("meetingkit.ui.minutes.minutes_preview", "MinutesPreviewDialog"),
}


def meeting(title: str, series: str, day: int, hour: int = 10) -> Meeting:
    return Meeting(
        title=title,
        series=series,
        scheduled_start=datetime(2026, 6, day, hour, 0, tzinfo=UTC),
        venue="Room 2",
        people=[
            Attendee("ch", "Ann Chair", "Hospital Trust", "acute care", "chair"),
            Attendee("pr", "Pat Rep", "Survivors' group", "patients and public", "patient_rep", True),
            Attendee("ab", "Al Away", "Council", "social care", "member", attendance="apologies"),
        ],
        agenda=[
            AgendaItem("i1", "Welcome", 10, presenter="ch"),
            AgendaItem("i2", "Discharge results", 20, presenter="pr"),
            AgendaItem("i3", "Next steps", 10, kind="next_steps"),
        ],
    )


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of warnings and errors shown (instead of showing them)."""
    seen: list[str] = []

    def record(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record)
    return seen


class Answers(list[QMessageBox.StandardButton]):
    """Answers for QMessageBox.question, in order; the questions asked are kept in `asked`."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    queue = Answers()

    def question(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        queue.asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return queue


@pytest.fixture
def fake_windows(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[QWidget]]:
    """Stand-ins for the windows other engineers write: each records how it was made."""
    made: dict[str, list[QWidget]] = {key: [] for key in WINDOWS}
    for key, (module_name, class_name) in WINDOWS.items():

        class Fake(QWidget):
            def __init__(self, *args: Any, parent: QWidget | None = None, _key: str = key) -> None:
                super().__init__(parent)
                self.args = args
                made[_key].append(self)

        module = types.ModuleType(module_name)
        setattr(module, class_name, Fake)
        monkeypatch.setitem(sys.modules, module_name, module)
    return made


@pytest.fixture
def window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


def tree_titles(model: MeetingListModel) -> list[list[str]]:
    out = []
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        out.append(
            [model.data(parent)]
            + [
                f"{model.data(model.index(r, 0, parent))} | {model.data(model.index(r, 2, parent))}"
                for r in range(model.rowCount(parent))
            ]
        )
    return out


# ---- the list -----------------------------------------------------------------------------------------------


def test_list_model_groups_series_newest_first(qapp: Any) -> None:
    def row(mid: int, title: str, series: str, day: int, status: str = "draft") -> MeetingRow:
        return MeetingRow(mid, title, series, datetime(2026, 6, day, 10, tzinfo=UTC), "", status)

    model = MeetingListModel(
        [
            row(1, "Board May", "Board", 1, "ended"),
            row(2, "PPG June", "PPG", 20, "running"),
            row(3, "Board July", "Board", 28),
            row(4, "One-off", "", 10),
        ]
    )
    assert tree_titles(model) == [
        ["Board (2 meetings)", "Board July | ✎ Draft", "Board May | ✓ Ended"],
        ["PPG (1 meeting)", "PPG June | ▶ Running"],
        ["Meetings without a series (1 meeting)", "One-off | ✎ Draft"],
    ]
    index = model.index_of_meeting(2)
    assert model.meeting_at(index).title == "PPG June"
    assert model.series_at(index) == "PPG" and model.series_at(model.index(0, 0)) == "Board"
    assert model.meeting_at(model.index(0, 0)) is None
    assert model.parent(index) == model.index(1, 0)
    assert not model.parent(model.index(1, 0)).isValid()
    status = model.index(0, 2, model.index(1, 0))
    # A mark beside the word (never colour alone); a screen reader is given the word alone.
    assert model.data(status) == "▶ Running"
    assert model.data(status, Qt.ItemDataRole.AccessibleTextRole) == "Running"
    assert not model.flags(status) & Qt.ItemFlag.ItemIsEditable
    assert "resumed" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    assert model.data(QModelIndex()) is None


def test_window_lists_meetings_and_shows_the_selected_one(window: MainWindow, store: Store) -> None:
    store.create_meeting(meeting("Board May", "Board", 1))
    newest = store.create_meeting(meeting("Board July", "Board", 28))
    window.refresh()
    assert tree_titles(window.model) == [
        ["Board (2 meetings)", "Board July | ✎ Draft", "Board May | ✎ Draft"]
    ]
    assert window.selected_id() == newest  # the newest meeting is selected at start
    text = window.details.text()
    assert "Board July" in text and "Status:</b> ✎ Draft" in text
    assert "3 people: 2 expected, 1 sent apologies; 1 patient / public representative." in text
    # Ends 10, 30, 40: half of 40 is 20, nearest 10, so the break follows "Welcome".
    assert "feedback break after “\u2068Welcome\u2069”" in text and "scheduled end" in text
    assert window.run_button.isEnabled() and window.run_button.text() == "&Run meeting"
    assert not window.review_button.isEnabled()


def test_user_text_is_escaped_in_the_details(window: MainWindow, store: Store) -> None:
    store.create_meeting(meeting("<b>Loud</b> & <img src=x>", "Board", 1))
    window.refresh()
    assert "&lt;b&gt;Loud&lt;/b&gt; &amp; &lt;img src=x&gt;" in window.details.text()


def test_empty_database_says_what_to_do(window: MainWindow) -> None:
    assert "No meetings yet" in window.details.text()
    assert not window.delete_action.isEnabled() and window.new_action.isEnabled()


# ---- create, duplicate, edit, delete ------------------------------------------------------------------------


def test_new_meeting_opens_the_editor_and_lands_in_the_list(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create_meeting(meeting("Board May", "Board", 1))
    window.refresh()
    window.new_action.trigger()
    editor = window.editor
    assert isinstance(editor, MeetingEditor) and editor.meeting_id is None
    # In no series until the chair picks one (issue 12): the selected series is offered, not chosen.
    assert editor.details.series.currentText() == ""
    # Tomorrow at 10:00 from the fake clock (12 June), with the protected items a meeting keeps.
    assert editor.details.scheduled_start() == datetime(2026, 6, 13, 10, 0).astimezone()
    assert [it.kind for it in editor.agenda_model.items] == ["item", "actions_review", "next_steps"]
    editor.details.title.setText("Board June")
    assert editor.save()
    assert window.selected_row().title == "Board June"
    assert window.statusBar().currentMessage() == "Meeting saved."


def test_duplicate_as_next_copies_people_and_agenda_four_weeks_on(
    qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.create_meeting(meeting("Board", "Board", 1))
    window.refresh(select=first)
    dialog = NextMeetingDialog(store.load_meeting(first))
    qtbot.addWidget(dialog)
    # The default is four weeks on, at the same time on the meeting's clock; the chair can change it.
    planned = store.load_meeting(first).scheduled_start
    assert wall_time_in_meeting_zone(from_qdatetime(dialog.start.dateTime()), planned) == one_step_on(planned)
    assert one_step_on(datetime(2026, 6, 1, 10, tzinfo=UTC)) == (
        datetime(2026, 6, 1, 10, tzinfo=UTC) + timedelta(weeks=4)
    )
    when = datetime(2026, 6, 29, 14, 0, tzinfo=UTC)
    monkeypatch.setattr(window, "ask_next_meeting", lambda m: ("Board (July)", when))
    new_id = window.duplicate_selected()
    assert new_id is not None and window.selected_id() == new_id
    copy = store.load_meeting(new_id)
    assert (copy.title, copy.series, copy.scheduled_start) == ("Board (July)", "Board", when)
    assert [p.name for p in copy.people] == ["Ann Chair", "Pat Rep", "Al Away"]
    assert {p.attendance for p in copy.people} == {"present"}  # last time's apologies do not carry over
    assert [(it.title, it.presenter) for it in copy.agenda] == [
        (it.title, it.presenter) for it in store.load_meeting(first).agenda
    ]
    assert store.meeting_status(new_id) == "draft"
    # Cancelling the dialog creates nothing.
    monkeypatch.setattr(window, "ask_next_meeting", lambda m: None)
    assert window.duplicate_selected() is None
    assert len(store.list_meetings()) == 2


def test_next_meeting_keeps_settings() -> None:
    m = meeting("Board", "Board", 1)
    m.speaker_limit_s = 90
    nxt = next_meeting(m, datetime(2026, 7, 1, 10, tzinfo=UTC))
    assert (nxt.speaker_limit_s, nxt.brk, nxt.title) == (90, m.brk, "Board")
    assert m.people[2].attendance == "apologies"  # the original is untouched


def test_delete_asks_first(window: MainWindow, store: Store, answers: Answers) -> None:
    mid = store.create_meeting(meeting("Board", "Board", 1))
    window.refresh()
    answers.append(QMessageBox.StandardButton.No)
    assert not window.delete_selected()
    assert "Delete “Board”" in answers.asked[0] and "cannot be undone" in answers.asked[0]
    assert store.list_meetings()[0].id == mid
    answers.append(QMessageBox.StandardButton.Yes)
    assert window.delete_selected()
    assert store.list_meetings() == []
    assert "No meetings yet" in window.details.text()


def test_deleting_a_started_meeting_warns_its_record_goes(
    window: MainWindow, store: Store, clock: FakeClock, answers: Answers
) -> None:
    mid = store.create_meeting(meeting("Board", "Board", 12))  # today: a meeting starts only on its day
    store.open_live(mid, clock).apply("start_meeting")
    window.refresh()
    answers.append(QMessageBox.StandardButton.No)
    window.delete_action.trigger()
    assert "Its record goes with it" in answers.asked[0]


def test_edit_draft_is_editable_started_is_read_only(
    window: MainWindow, store: Store, clock: FakeClock
) -> None:
    draft = store.create_meeting(meeting("Draft board", "Board", 1))
    started = store.create_meeting(meeting("Started board", "Board", 12))
    store.open_live(started, clock).apply("start_meeting")
    window.refresh(select=draft)
    window.edit_action.trigger()
    assert window.editor is not None and not window.editor.read_only
    window.editor.done(0)
    window.refresh(select=started)
    assert window.edit_button.text() == "&View meeting…"
    assert window.run_button.text() == "&Resume meeting"
    window.edit_button.click()
    assert window.editor is not None and window.editor.read_only
    assert "This meeting has started" in window.editor.banner.text()
    window.editor.done(0)


# ---- opening the other windows ----------------------------------------------------------------------------


def test_run_meeting_opens_the_console_on_a_live_bridge(
    qtbot: Any, window: MainWindow, store: Store, clock: FakeClock, fake_windows: dict[str, list[QWidget]]
) -> None:
    mid = store.create_meeting(meeting("Board", "Board", 12))
    window.refresh()
    window.run_button.click()
    (console,) = fake_windows["console"]
    bridge, console_store = console.args
    assert console_store is store and bridge.session.meeting_id == mid
    assert console.isVisible() and console.isWindow()
    bridge.command("start_meeting")  # as the console's Start button would
    assert window.selected_row().status == "running"
    assert window.run_button.text() == "&Resume meeting"
    # Asking again brings the same console forward, never a second live session.
    assert window.run_meeting(mid) is console
    console.close()
    qtbot.waitUntil(lambda: mid not in window.consoles)  # closing the console lets its session go


def test_other_windows_get_what_they_need(
    window: MainWindow, store: Store, clock: FakeClock, fake_windows: dict[str, list[QWidget]]
) -> None:
    mid = store.create_meeting(meeting("Board", "Board", 12))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    session.apply("skip_break", {"reason": "A short meeting"})
    session.apply("end_meeting")
    window.refresh()
    assert not window.run_button.isEnabled()
    window.review_button.click()
    window.minutes_button.click()
    window.series_button.click()
    window.register_action.trigger()
    assert fake_windows["review"][0].args == (store, mid)
    assert fake_windows["minutes"][0].args == (store, mid)
    assert fake_windows["series"][0].args == (store, "Board")
    assert fake_windows["register"][0].args == (store, window.clock)
    assert len(window.windows) == 4


def test_a_missing_window_is_reported_not_fatal(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    store.create_meeting(meeting("Board", "Board", 1))
    window.refresh()
    monkeypatch.setitem(sys.modules, "meetingkit.ui.console.console_window", None)  # importing it now fails
    monkeypatch.setitem(sys.modules, "meetingkit.ui.minutes.action_register", None)
    assert window.run_selected() is None
    assert window.open_action_register() is None
    assert messages[0].startswith("<p>The chair's console could not be opened")
    assert messages[1].startswith("<p>The action register could not be opened")


# ---- resuming after a crash -------------------------------------------------------------------------------


def crashed_mid_turn(store: Store, clock: FakeClock) -> tuple[int, datetime]:
    """A meeting killed while Pat Rep was speaking; returns its id and the last event's time."""
    mid = store.create_meeting(meeting("Board", "Board", 12, hour=9))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(60)
    last = session.apply("speak", {"who": "pr"}).at
    clock.advance(600)  # the app was down for ten minutes
    return mid, last


def test_resume_keeps_timing_the_open_turn(
    window: MainWindow,
    store: Store,
    clock: FakeClock,
    answers: Answers,
    fake_windows: dict[str, list[QWidget]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mid, _ = crashed_mid_turn(store, clock)
    window.refresh()
    answers.append(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(window, "ask_keep_turn", lambda session: True)
    window.offer_resume()
    assert "“Board” was still running" in answers.asked[0]
    (console,) = fake_windows["console"]
    live = console.args[0].live
    assert live.speaker == "pr"
    assert live.speaker_timer().text == "+7:00 over"  # 3:00 limit, 10 minutes since she began
    assert window.selected_id() == mid


def test_resume_can_close_the_open_turn_at_the_last_event(
    window: MainWindow,
    store: Store,
    clock: FakeClock,
    answers: Answers,
    fake_windows: dict[str, list[QWidget]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mid, last = crashed_mid_turn(store, clock)
    answers.append(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(window, "ask_keep_turn", lambda session: False)
    window.offer_resume()
    live = fake_windows["console"][0].args[0].live
    assert live.speaker is None and live.status == "running"
    events = store.events(mid)
    assert (events[-1].type, events[-1].at) == ("stop_speaking", last)  # stored, at the last event's time
    assert [s.seconds for s in store.speeches(mid)] == [0.0]


def test_the_chair_is_asked_about_the_open_turn(
    window: MainWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid, last = crashed_mid_turn(store, clock)
    shown: list[str] = []

    def choose(box: QMessageBox, wanted: str) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if b.text().startswith(wanted)).click()
        return 0

    session = store.open_live(mid, clock)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: choose(box, "Close the turn"))
    assert window.ask_keep_turn(session) is False
    assert shown[0].startswith("Pat Rep was speaking when MeetingKit closed. Keep timing their turn")
    assert last.astimezone().strftime("%H:%M:%S") in shown[0]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: choose(box, "Keep timing Pat Rep"))
    assert window.ask_keep_turn(session) is True


def test_declining_to_resume_leaves_the_meeting_running(
    window: MainWindow,
    store: Store,
    clock: FakeClock,
    answers: Answers,
    fake_windows: dict[str, list[QWidget]],
) -> None:
    mid, _ = crashed_mid_turn(store, clock)
    answers.append(QMessageBox.StandardButton.No)
    window.offer_resume()
    assert fake_windows["console"] == []
    assert store.meeting_status(mid) == "running"


def test_a_meeting_running_in_another_program_is_not_offered_for_resuming(
    window: MainWindow,
    store: Store,
    clock: FakeClock,
    answers: Answers,
    fake_windows: dict[str, list[QWidget]],
) -> None:
    # A second MeetingKit opened beside the one running the meeting asked "was still running when MeetingKit
    # last closed. Resume it now?" although its console was open (and its list said "Running on … since").
    mid, _ = crashed_mid_turn(store, clock)
    holder = store.open_live(mid, clock)
    holder.take_lock()  # the other program's console, alive
    window.offer_resume()
    assert answers.asked == [] and fake_windows["console"] == []
    holder.release()  # closed there: a later start offers it again
    answers.append(QMessageBox.StandardButton.No)
    window.offer_resume()
    assert "“Board” was still running" in answers.asked[0]


# ---- the app's start-up ---------------------------------------------------------------------------------------


def test_first_start_adds_the_demo_and_later_starts_do_not(
    qtbot: Any, db_path: Path, clock: FakeClock
) -> None:
    window = app.start(db_path, clock)
    assert window is not None
    qtbot.addWidget(window)
    try:
        rows = window.store.list_meetings()
        assert [(r.title, r.status) for r in rows] == [("Stroke HIT steering group (demo)", "ended")]
        assert window.isVisible()
        assert window.selected_row().title == "Stroke HIT steering group (demo)"
        assert "Patient and public voice" in window.details.text()
        assert app.application().font().pointSizeF() >= app.MIN_POINT_SIZE
        assert app.application().applicationName() == "MeetingKit"
        window.close()
    finally:
        window.store.close()
    again = app.start(db_path, clock)
    assert again is not None
    qtbot.addWidget(again)
    try:
        assert len(again.store.list_meetings()) == 1
    finally:
        again.store.close()


def test_settings_are_kept_in_the_private_config_folder(
    qtbot: Any, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    window = app.start(db_path, clock)
    assert window is not None
    qtbot.addWidget(window)
    window.close()
    window.store.close()
    assert (tmp_path / "xdg-config" / "MeetingKit" / "meetingkit.ini").is_file()


def test_a_foreign_file_is_refused_and_left_untouched(tmp_path: Path, messages: list[str]) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    assert app.run_app(path, FakeClock()) == 2
    assert path.read_bytes() == before
    assert "not a MeetingKit database" in messages[0] and "Nothing was written" in messages[0]


def test_a_title_with_markup_is_shown_as_typed_in_the_question(
    window: MainWindow, store: Store, answers: Answers
) -> None:
    store.create_meeting(meeting("<b>Board</b> & <img src='x'>", "Board", 1))
    window.refresh()
    answers.append(QMessageBox.StandardButton.No)
    window.delete_selected()
    asked = answers.asked[0]
    assert "&lt;b&gt;Board&lt;/b&gt; &amp; &lt;img src='x'&gt;" in asked  # escaped: Qt shows it as typed
    assert "<b>Board" not in asked and "<img" not in asked


def _ended_meeting(store: Store, start: str = "", approves_previous: bool = False) -> int:
    """The example meeting held to its end (optionally a later one of its series, approving its minutes)."""
    import json

    from meetingkit.models import record
    from tests.conftest import EXAMPLE_RECORD

    data = json.loads(EXAMPLE_RECORD.read_text(encoding="utf-8"))
    if start:
        data["meeting"]["scheduled_start"] = start
        data["meeting"]["title"] += " (next)"
    if approves_previous:  # a short meeting: it opens, approves the last minutes, and ends
        start_ev, end_ev = data["events"][0], data["events"][-1]
        data["events"] = [start_ev, {"t": "0:00:00", "do": "minutes_approved"}, end_ev]
    return store.import_record(record.parse(json.dumps(data).encode()))


def test_an_ended_meetings_status_says_whether_its_minutes_are_draft_or_approved(
    window: MainWindow, store: Store, clock: FakeClock
) -> None:
    first = _ended_meeting(store)
    window.refresh(select=first)
    assert tree_titles(window.model)[0][1:] == ["Stroke HIT steering group | ✓ Ended, draft"]
    assert "Status:</b> ✓ Ended — minutes draft" in window.details.text()
    store.approve(first, clock, "")
    window.refresh(select=first)
    assert tree_titles(window.model)[0][1:] == ["Stroke HIT steering group | ✓ Ended, approved"]
    assert "Status:</b> ✓ Ended — minutes approved" in window.details.text()
    status = window.model.index(0, 2, window.model.index(0, 0))
    assert "minutes approved" in window.model.data(status, Qt.ItemDataRole.ToolTipRole)


def test_minutes_approved_at_the_next_meeting_show_as_approved(window: MainWindow, store: Store) -> None:
    first = _ended_meeting(store)
    second = _ended_meeting(store, "2026-11-03T14:00:00+00:00", approves_previous=True)
    assert store.approval_of(first) is not None and store.approval_of(second) is None
    assert store.approved_meetings() == {first}  # the list's one reading agrees with the meeting's own
    window.refresh()
    assert tree_titles(window.model)[0][1:] == [
        "Stroke HIT steering group (next) | ✓ Ended, draft",
        "Stroke HIT steering group | ✓ Ended, approved",
    ]


def test_a_right_to_left_series_name_keeps_the_details_line_in_order(
    window: MainWindow, store: Store
) -> None:
    # An Arabic series name first on the line made the whole line right-to-left: the date and venue read in
    # the wrong order. The line is left to right, each of the user's words isolated in its own direction.
    m = meeting("Board July", "مجلس الشراكة", 28)
    m.venue = "غرفة 2"
    m.agenda[0].title = "ترحيب"
    store.create_meeting(m)
    window.refresh()
    lines = [line.text() for line in window.details.lines()]
    where = next(line for line in lines if "2026" in line and "Status" not in line)
    assert where.startswith('<p dir="ltr">\u2068مجلس الشراكة\u2069 · \u2068')
    assert "\u2068غرفة 2\u2069" in where
    agenda = next(line for line in lines if line.startswith('<p dir="ltr">Agenda'))
    assert "break after “\u2068ترحيب\u2069”" in agenda
