"""The secretary's Minutes window (issue 14): opened from the main window for an ended meeting, it corrects and
withdraws what was recorded (one `correct` event each), adds a declaration the record missed, arranges the next
meeting, opens the preview, and once the minutes are approved says where and corrects nothing. Buttons are
clicked by accessible name; the event log and the rendered minutes are checked."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from meetingkit.cli import main
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.minutes import minutes_window
from meetingkit.ui.minutes.correction_dialog import CorrectionDialog
from meetingkit.ui.minutes.minutes_window import MinutesWindow
from meetingkit.ui.prep.main_window import MainWindow, other_rooms
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from tests.ui.secretary_series import first_meeting, second_meeting


def named(root: QWidget, name: str) -> Any:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name and not w.isHidden()]
    assert len(found) == 1, f"{name!r}: {len(found)} found"
    return found[0]


def click(root: QWidget, name: str) -> None:
    button = named(root, name)
    assert isinstance(button, QAbstractButton) and button.isEnabled(), name
    button.click()


def ended(store: Store, clock: FakeClock) -> int:
    mid = store.create_meeting(first_meeting())
    s = store.open_live(mid, clock)
    s.apply("start_meeting")
    s.apply("declaration", {"who": "m2", "text": "Trustee of Carers First"})
    s.apply("note", {"text": "Readmissions are down by a tenth"})
    s.apply("decision", {"text": "Keep the service for a year"})
    s.apply("action", {"text": "Share the discharge audit", "owner": "m2", "due": "2026-07-01"})
    clock.advance(1300)
    s.apply("next_item")  # the break
    s.apply("feedback", {"who": "p1", "text": "Carers need one number to call"})
    s.apply("end_break")
    s.apply("end_meeting")
    return mid


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Warnings the main window would show (recorded instead of waiting for a click)."""
    seen: list[str] = []
    monkeypatch.setattr(other_rooms, "warn", lambda _parent, _title, text: seen.append(text))
    return seen


@pytest.fixture
def main_window(qtbot: Any, store: Store, clock: FakeClock, warnings: list[str]) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(minutes_window, "confirm_withdraw", lambda _p, e: asked.append(e.label) or True)
    return asked


def open_minutes(main: MainWindow, mid: int) -> MinutesWindow:
    main.refresh(select=mid)
    click(main, "Correct minutes")
    window = main.minutes_windows.get(mid)
    assert isinstance(window, MinutesWindow) and window.isVisible() and window.accessibleName() == "Minutes"
    return window


def corrections(store: Store, mid: int) -> list[dict[str, Any]]:
    return [e.payload for e in store.events(mid) if e.type == "correct"]


def minutes_text(db: Path, mid: int, tmp_path: Path) -> str:
    out = tmp_path / f"m{mid}.html"
    assert main(["minutes", str(mid), "-o", str(out), "--db", str(db)]) == 0
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out.read_text())).split())


def correct_in_dialog(window: MinutesWindow, button: str, text: str) -> CorrectionDialog:
    click(window, button)
    dialog = window.correction
    assert dialog is not None and dialog.isVisible()
    named(dialog, "Corrected words").setPlainText(text)
    click(dialog, "Save correction")
    return dialog


def test_a_note_is_corrected_and_an_action_withdrawn_from_the_main_window(
    qtbot: Any,
    main_window: MainWindow,
    store: Store,
    clock: FakeClock,
    db_path: Path,
    tmp_path: Path,
    yes: list[str],
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    assert store.writer_lock(mid) is not None  # the window is the meeting's one writer while open
    correct_in_dialog(window, "Correct note 1", "Readmissions are down by <b>twelve</b> per cent")
    assert corrections(store, mid) == [
        {"target": "note:0", "text": "Readmissions are down by <b>twelve</b> per cent"}
    ]
    assert window.correction is None  # saved and closed
    assert named(window, "Words of note 1").text() == "Readmissions are down by <b>twelve</b> per cent"
    assert window.message.text() == "Note 1 corrected."
    click(window, "Withdraw action SH-1")
    assert yes == ["action SH-1"]
    assert corrections(store, mid)[1] == {"target": "action:SH-1", "withdrawn": True}
    assert window.message.text() == "Action SH-1 withdrawn: struck through here, left out of the minutes."
    words = named(window, "Words of action SH-1")
    assert words.font().strikeOut() and words.accessibleDescription() == "withdrawn"
    assert named(window, "About action SH-1").text().startswith("Withdrawn · SH-1")
    assert [
        w
        for w in window.findChildren(QWidget)
        if w.accessibleName() == "Correct action SH-1" and not w.isHidden()
    ] == []
    # The minutes carry the corrected words and leave the withdrawn action out; the log keeps the originals
    text = minutes_text(db_path, mid, tmp_path)
    assert "Readmissions are down by <b>twelve</b> per cent" in text
    assert "Readmissions are down by a tenth" not in text
    assert "Share the discharge audit" not in text
    assert [e.payload["text"] for e in store.events(mid) if e.type == "note"] == [
        "Readmissions are down by a tenth"
    ]
    # Times and who spoke are never offered for editing
    dialog = window.correct(window.rows["note:0"].entry)
    assert dialog is not None
    assert {w.accessibleName() for w in dialog.findChildren(QWidget) if w.accessibleName()} >= {
        "Corrected words"
    }
    assert not any(
        "time" in w.accessibleName().lower() or "who" in w.accessibleName().lower()
        for w in dialog.findChildren(QWidget)
    )
    dialog.reject()


def test_an_actions_words_owner_and_due_date_are_corrected(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    click(window, "Correct action SH-1")
    dialog = window.correction
    assert dialog is not None
    named(dialog, "Corrected words").setPlainText("Share the discharge audit with the ICB")
    dialog.owner.setEditText("Eileen Foster")
    named(dialog, "Corrected action has a due date").setChecked(False)
    click(dialog, "Save correction")
    assert corrections(store, mid) == [
        {"target": "action:SH-1", "text": "Share the discharge audit with the ICB", "owner": "p1", "due": ""}
    ]
    assert named(window, "About action SH-1").text().startswith("SH-1 · Eileen Foster · no due date")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("   ", "The words cannot be empty: type the corrected words, or withdraw it instead."),
        ("Readmissions are down by a tenth", "Nothing has been changed yet."),
        ("z" * 20_001, "Not recorded: The text is 20,001 characters long; at most 20,000"),
    ],
    ids=["empty", "unchanged", "20001 chars"],
)
def test_odd_corrections_are_refused_in_words_and_change_nothing(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, text: str, words: str
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    dialog = correct_in_dialog(window, "Correct note 1", text)
    assert dialog.isVisible() and named(dialog, "Correction message").text().startswith(words)
    assert corrections(store, mid) == []
    dialog.reject()


def test_twenty_thousand_characters_are_kept_whole(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    correct_in_dialog(window, "Correct feedback 1", "w" * 20_000)
    assert len(corrections(store, mid)[0]["text"]) == 20_000


def test_withdraw_pressed_twice_withdraws_once(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, yes: list[str]
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    button = named(window, "Withdraw decision 1")
    button.click()
    button.click()  # the same button again, before the row is rebuilt
    assert corrections(store, mid) == [{"target": "decision:0", "withdrawn": True}]
    assert "withdrawn" in window.message.text()
    dialog = correct_in_dialog(window, "Correct note 1", "Readmissions fell by a tenth")
    dialog.save()  # Save pressed again as the dialog closes
    assert corrections(store, mid)[1:] == [{"target": "note:0", "text": "Readmissions fell by a tenth"}]
    click(window, "Correct note 1")
    first = window.correction
    window.correct(window.rows["note:0"].entry)  # a second click: the same dialog, not a second one
    shown = [d for d in window.findChildren(CorrectionDialog) if d.isVisible()]
    assert window.correction is first and shown == [first]


def test_a_missed_declaration_is_added_after_the_end(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, db_path: Path, tmp_path: Path
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    box = window.declaration_box
    box.who.setCurrentIndex(box.who.findData("ch"))
    assert box.item.currentText() == "All items"
    named(window, "Interest declared").setText("Advisor to <script>Acme</script> Devices")
    click(window, "Record declaration")
    (made,) = [e.payload for e in store.events(mid) if e.type == "declaration"][1:]
    assert made == {"who": "ch", "text": "Advisor to <script>Acme</script> Devices", "item": None}
    assert named(window, "Words of declaration 2").text() == "Advisor to <script>Acme</script> Devices"
    assert "Dr Rachel Hughes All items Advisor to <script>Acme</script> Devices" in minutes_text(
        db_path, mid, tmp_path
    )


def test_the_next_meeting_is_arranged_from_the_window(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    assert named(window, "Date of the next meeting").text() == "Not yet arranged."
    monkeypatch.setattr(NextMeetingDialog, "exec", lambda self: 1)
    click(window, "Arrange the next meeting")
    found = store.next_meeting(mid)
    assert found is not None
    nxt = store.load_meeting(found[0])
    assert nxt.agenda[0].title == "Minutes of the last meeting and matters arising"
    assert named(window, "Date of the next meeting").text().endswith(f"at {found[1]:%H:%M}")
    assert named(window, "Change the next meeting").isEnabled()


def test_preview_opens_from_the_window(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    click(window, "Preview minutes")
    (preview,) = [w for w in window.findChildren(QWidget) if type(w).__name__ == "MinutesPreviewDialog"]
    assert preview.isVisible() and preview.meeting_id == mid
    preview.close()


def approve_in_july(store: Store, clock: FakeClock, amendments: str = "") -> int:
    july = store.create_meeting(second_meeting())
    clock.set_utc(second_meeting().scheduled_start)
    s = store.open_live(july, clock)
    s.apply("start_meeting")
    s.apply("minutes_approved", {"amendments": amendments} if amendments else {})
    return july


def test_approved_minutes_say_where_and_correct_nothing(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock
) -> None:
    mid = ended(store, clock)
    approve_in_july(store, clock, "Item 1 reworded")
    window = open_minutes(main_window, mid)
    assert named(window, "Minutes status").text() == (
        "Approved at the meeting of Friday 10 July 2026, with these amendments: Item 1 reworded. "
        "Approved minutes are no longer corrected."
    )
    buttons = [
        w
        for w in window.findChildren(QAbstractButton)
        if w.accessibleName().startswith(("Correct ", "Withdraw "))
    ]
    assert buttons and not any(b.isEnabled() for b in buttons)
    assert not named(window, "Record declaration").isEnabled()
    assert window.correct(window.rows["note:0"].entry) is None
    assert window.message.text() == "These minutes have been approved and can no longer be corrected."
    assert corrections(store, mid) == []


def test_a_correction_after_an_approval_made_meanwhile_is_refused(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, yes: list[str]
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    approve_in_july(store, clock)  # e.g. a record of the July meeting replayed while the window was open
    click(window, "Withdraw note 1")
    assert yes == [] and corrections(store, mid) == []
    assert window.message.text() == "These minutes have been approved and can no longer be corrected."
    assert (
        named(window, "Minutes status").text().startswith("Approved at the meeting of Friday 10 July 2026.")
    )


def test_one_window_per_meeting_the_lock_given_back_on_close_and_reopened_later(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    assert main_window.open_minutes_window(mid) is window  # asked again: the same window, one writer
    correct_in_dialog(window, "Correct note 1", "Readmissions are down by twelve per cent")
    window.close()
    qtbot.waitUntil(lambda: mid not in main_window.minutes_windows)
    assert store.writer_lock(mid) is None
    again = open_minutes(main_window, mid)
    assert again is not window and again.editable
    assert named(again, "Words of note 1").text() == "Readmissions are down by twelve per cent"


def test_a_second_main_window_opens_the_minutes_read_only_and_saying_so(
    qtbot: Any, main_window: MainWindow, store: Store, clock: FakeClock, db_path: Path
) -> None:
    mid = ended(store, clock)
    open_minutes(main_window, mid)
    with Store(db_path) as other_store:  # another window of the program on the same file
        other = MainWindow(other_store, clock)
        qtbot.addWidget(other)
        second = open_minutes(other, mid)
        assert not second.editable
        reason = named(second, "Read-only reason").text()
        assert reason.startswith("Read-only: this meeting is open in another window of this program since")
        assert reason.endswith("Close the minutes there to correct them here.")
        assert not named(second, "Correct note 1").isEnabled()
        second.close()
    assert store.writer_lock(mid) is not None  # the first window's lock, untouched
    QApplication.processEvents()


def test_a_withdrawn_action_is_not_reviewed_at_the_next_meeting_nor_in_its_action_log(
    qtbot: Any,
    main_window: MainWindow,
    store: Store,
    clock: FakeClock,
    db_path: Path,
    tmp_path: Path,
    yes: list[str],
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    click(window, "Withdraw action SH-1")
    window.close()
    july = store.create_meeting(second_meeting())
    (prior,) = store.prior_actions(july)
    assert (prior.key, prior.withdrawn, prior.is_open) == ("SH-1", True, False)
    clock.set_utc(second_meeting().scheduled_start)
    s = store.open_live(july, clock)
    s.apply("start_meeting")
    s.apply("action", {"text": "A new action"})
    assert list(s.live.actions) == ["SH-2"]  # the withdrawn action keeps its reference
    s.apply("skip_break", {"reason": "Short"})
    s.apply("end_meeting")
    assert "Share the discharge audit" not in minutes_text(db_path, july, tmp_path)


def test_minutes_corrected_then_approved_at_the_next_meeting_still_open_and_print(
    qtbot: Any,
    main_window: MainWindow,
    store: Store,
    clock: FakeClock,
    db_path: Path,
    tmp_path: Path,
    warnings: list[str],
) -> None:
    mid = ended(store, clock)
    window = open_minutes(main_window, mid)
    correct_in_dialog(window, "Correct note 1", "Readmissions are down by twelve per cent")
    window.close()
    qtbot.waitUntil(lambda: mid not in main_window.minutes_windows)
    approve_in_july(store, clock, "Note 1 checked")
    main_window.refresh(select=mid)
    click(main_window, "Correct minutes")
    assert warnings == []  # it opens: the corrections replay as history, the approval after them
    again = open_minutes(main_window, mid)
    assert named(again, "Words of note 1").text() == "Readmissions are down by twelve per cent"
    assert named(again, "Minutes status").text().startswith("Approved at the meeting of Friday 10 July 2026")
    text = minutes_text(db_path, mid, tmp_path)
    assert "Approved at the meeting of Friday 10 July 2026, with these amendments: Note 1 checked" in text
    assert "Readmissions are down by twelve per cent" in text and "DRAFT" not in text
