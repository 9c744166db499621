"""The secretary's panel: notes saved as typed (and surviving a kill), decisions, actions, feedback, review."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from meetingkit.models.meeting import BREAK
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import ActionsModel, ActionUpdatesModel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.action_register import ActionRegisterWindow
from meetingkit.ui.minutes.notes_box import NOTE_SAVE_MS
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.secretary_series import SECOND_START, first_meeting, second_meeting

Opener = Callable[[int], tuple[LiveBridge, SecretaryPanel]]


@pytest.fixture
def open_panel(store: Store, clock, qtbot) -> Iterator[Opener]:  # noqa: ANN001
    bridges: list[LiveBridge] = []

    def opener(mid: int) -> tuple[LiveBridge, SecretaryPanel]:
        bridge = LiveBridge(store.open_live(mid, clock))
        bridges.append(bridge)
        panel = SecretaryPanel(bridge, store)
        qtbot.addWidget(panel)
        return bridge, panel

    yield opener
    for b in bridges:
        b.stop()


@pytest.fixture
def started(store: Store, open_panel: Opener) -> tuple[int, LiveBridge, SecretaryPanel]:
    mid = store.create_meeting(first_meeting())
    bridge, panel = open_panel(mid)
    bridge.command("start_meeting")
    return mid, bridge, panel


def button(panel: SecretaryPanel, name: str) -> QPushButton:
    found = [b for b in panel.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, f"no button named {name!r}"
    return found[0]


def test_panel_follows_the_current_item(started, clock) -> None:  # noqa: ANN001
    _, bridge, panel = started
    assert panel.now_label.text() == "Now: Early supported discharge"
    assert panel.now_detail.text() == "Item 1 of 2"
    assert panel.feedback_box.isHidden() and panel.review_box.isHidden()
    clock.advance(20 * 60)
    bridge.command("next_item")  # the break is planned after the first item
    assert panel.now_label.text() == "Now: Feedback break"
    assert not panel.feedback_box.isHidden()
    bridge.command("end_break")
    assert panel.now_label.text() == "Now: Thrombectomy access"
    assert panel.feedback_box.isHidden()


def test_note_is_saved_once_typing_pauses_and_survives_a_kill(started, db_path, clock, qtbot) -> None:  # noqa: ANN001
    mid, bridge, panel = started
    assert panel.note_timer.interval() == NOTE_SAVE_MS
    panel.set_note_delay(0)
    qtbot.keyClicks(panel.notes_edit, "Carers asked for a contact number")
    qtbot.waitUntil(panel.note_is_saved, timeout=1000)
    assert panel.note_status.text() == "✓ Saved"

    # As after a kill: the first store is never closed, a new one reads the file.
    other = Store(db_path)
    try:
        notes = other.rebuild(mid, clock).notes
        assert [(n.text, n.item) for n in notes] == [("Carers asked for a contact number", "i1")]
    finally:
        other.close()

    qtbot.keyClicks(panel.notes_edit, " after discharge.")
    qtbot.waitUntil(panel.note_is_saved, timeout=1000)
    other = Store(db_path)
    try:
        notes = other.rebuild(mid, clock).notes
        assert [n.text for n in notes] == ["Carers asked for a contact number after discharge."]
        note_events = [e.payload for e in other.events(mid) if e.type == "note"]
        assert note_events[0] == {"text": "Carers asked for a contact number", "item": "i1"}
        assert note_events[-1]["replaces"] == 0
    finally:
        other.close()


def test_typing_waits_for_the_pause_before_saving(started) -> None:  # noqa: ANN001
    _, bridge, panel = started
    panel.notes_edit.insertPlainText("Forty-two patients supported at home")
    assert panel.note_timer.isActive()
    assert bridge.live.notes == []
    assert panel.note_status.text() == "✎ Typing: saved when you pause"
    panel.note_timer.timeout.emit()  # the debounce firing, without waiting for it
    assert [n.text for n in bridge.live.notes] == ["Forty-two patients supported at home"]
    assert not panel.note_timer.isActive()


def test_moving_on_saves_the_note_under_the_item_it_was_typed_for(started, clock) -> None:  # noqa: ANN001
    _, bridge, panel = started
    panel.notes_edit.insertPlainText("Stay down by 3.5 days")
    clock.advance(60)
    bridge.command("start_item", item="i2")
    assert [(n.text, n.item) for n in bridge.live.notes] == [("Stay down by 3.5 days", "i1")]
    assert panel.notes_edit.toPlainText() == ""
    assert panel.now_label.text() == "Now: Thrombectomy access"  # the empty editor is that item's now
    panel.notes_edit.insertPlainText("Transfer times improving")
    panel.save_note()
    assert [(n.text, n.item) for n in bridge.live.notes][-1] == ("Transfer times improving", "i2")


def test_focus_out_and_closing_save_the_note(started) -> None:  # noqa: ANN001
    _, bridge, panel = started
    panel.notes_edit.insertPlainText("First line")
    QApplication.sendEvent(panel.notes_edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert [n.text for n in bridge.live.notes] == ["First line"]
    panel.show()
    panel.notes_edit.insertPlainText(" and a second")
    panel.close()
    assert [n.text for n in bridge.live.notes] == ["First line and a second"]


def test_a_restarted_panel_goes_on_editing_the_same_note(store, open_panel, started, clock) -> None:  # noqa: ANN001
    mid, bridge, panel = started
    panel.notes_edit.insertPlainText("Before the crash")
    panel.save_note()
    bridge.stop()
    bridge2, panel2 = open_panel(mid)  # the app restarted: the meeting is rebuilt from its events
    assert panel2.notes_edit.toPlainText() == "Before the crash"
    panel2.notes_edit.insertPlainText(", and after it")
    panel2.save_note()
    assert [n.text for n in bridge2.live.notes] == ["Before the crash, and after it"]


def test_decision_and_action_are_recorded_for_the_current_item(started, qtbot) -> None:  # noqa: ANN001
    _, bridge, panel = started
    panel.decision_edit.setText("Continue early supported discharge for another year")
    qtbot.mouseClick(button(panel, "Record decision"), Qt.MouseButton.LeftButton)
    panel.action_text.setText("Share discharge results with the survivors' group")
    panel.action_owner.setEditText("Claire Dunne")
    panel.action_has_due.setChecked(True)
    panel.action_due.setDate(QDate(2026, 11, 3))
    qtbot.mouseClick(button(panel, "Add action"), Qt.MouseButton.LeftButton)
    panel.action_text.setText("Ask the ICB for discharge funding")
    panel.action_owner.setEditText("ICB finance team")  # an owner who is not on the list: free text
    qtbot.mouseClick(button(panel, "Add action"), Qt.MouseButton.LeftButton)

    live = bridge.live
    assert [(d.text, d.item) for d in live.decisions] == [
        ("Continue early supported discharge for another year", "i1")
    ]
    a1, a2 = live.actions.values()
    assert (a1.owner, a1.due, a1.source, a1.item) == ("m2", date(2026, 11, 3), "meeting", "i1")
    assert (a2.owner, a2.due) == ("ICB finance team", None)
    assert panel.message.text() == f"Action {a2.key} added."
    text = panel.so_far.text()
    assert "Decision: Continue early supported discharge for another year" in text
    assert f"Action {a1.key} (Claire Dunne, due 3 Nov 2026): Share discharge results" in text
    assert panel.action_text.text() == "" and not panel.action_has_due.isChecked()


def test_refusals_are_shown_in_the_panel(started, clock) -> None:  # noqa: ANN001
    _, bridge, panel = started
    bridge.command("skip_break", reason="Ended early")
    bridge.command("end_meeting")
    assert panel.now_label.text() == "The meeting has ended"
    assert panel.notes_edit.isReadOnly()
    panel.decision_edit.setText("Too late")
    panel.decision_edit.returnPressed.emit()
    assert panel.message.text() == "Not recorded: The meeting has ended"
    assert bridge.live.decisions == []


def _run_first_meeting(bridge: LiveBridge, panel: SecretaryPanel, clock, qtbot) -> None:  # noqa: ANN001
    bridge.command("start_meeting")
    panel.action_text.setText("Share discharge results with the survivors' group")
    panel.action_owner.setEditText("Claire Dunne")
    panel.action_has_due.setChecked(True)
    panel.action_due.setDate(QDate(2026, 7, 1))
    panel.add_action()
    clock.advance(20 * 60)
    bridge.command("next_item")
    assert panel.now_label.text() == "Now: Feedback break"

    who = panel.feedback_who
    assert who.itemText(0) == "Eileen Foster (patient / public representative)"  # representatives first
    who.setCurrentIndex(who.findData("p1"))
    panel.feedback_text.setPlainText("Carers need one number to call after discharge.")
    qtbot.mouseClick(button(panel, "Record feedback"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(panel, "Make feedback 1 from Eileen Foster an action"), Qt.MouseButton.LeftButton)
    assert panel.action_text.text() == "Carers need one number to call after discharge."
    assert panel.action_source.currentData() == "patient_feedback"
    assert not panel.link_row.isHidden()
    panel.action_text.setText("Set up one contact number for carers after discharge")
    panel.action_owner.setEditText("Community Rehab team")
    qtbot.mouseClick(button(panel, "Add action"), Qt.MouseButton.LeftButton)
    clock.advance(10 * 60)
    bridge.command("end_break")
    clock.advance(20 * 60)
    bridge.command("end_meeting")


def test_a_series_agrees_actions_then_reviews_them(store, open_panel, clock, qtbot) -> None:  # noqa: ANN001
    m1 = store.create_meeting(first_meeting())
    bridge1, panel1 = open_panel(m1)
    _run_first_meeting(bridge1, panel1, clock, qtbot)
    fb = bridge1.live.feedback[0]
    assert fb.action is not None
    linked = bridge1.live.actions[fb.action]
    assert (linked.source, linked.feedback, linked.item) == ("patient_feedback", 0, BREAK)
    assert [
        w.text()
        for w in panel1.feedback_box.findChildren(QLabel)
        if w.accessibleName() == "Feedback 1 action"
    ] == [f"✓ Action {fb.action}"]

    clock.set_utc(SECOND_START)
    m2 = store.create_meeting(second_meeting())
    bridge2, panel2 = open_panel(m2)
    bridge2.command("start_meeting")
    assert panel2.now_detail.text() == "Item 1 of 2 · Actions review"
    assert not panel2.review_box.isHidden()
    model = panel2.review_model
    texts = [model.index(r, ActionsModel.TEXT).data() for r in range(model.rowCount())]
    assert texts == [
        "Share discharge results with the survivors' group",
        "Set up one contact number for carers after discharge",
    ]
    owners = [model.index(r, ActionsModel.OWNER).data() for r in range(model.rowCount())]
    assert owners == ["Claire Dunne", "Community Rehab team"]
    assert model.index(0, ActionsModel.AGREED).data() == "Stroke HIT steering group (June), 12 Jun 2026"
    first_key, second_key = (line.key for line in model.rows())

    assert panel2.select_review(first_key)
    panel2.review_status.setCurrentIndex(panel2.review_status.findData("done"))
    bridge2.command("speak", who="ch")  # the room moves on while the secretary types
    bridge2.command("action", text="Invite the ICB to the next meeting", owner="ch")
    assert panel2._selected_review().key == first_key
    assert panel2.review_status.currentData() == "done"
    panel2.review_note.setText("Results presented to the survivors' group on 30 June")
    qtbot.mouseClick(button(panel2, "Record action update"), Qt.MouseButton.LeftButton)
    assert panel2.select_review(second_key)
    panel2.review_status.setCurrentIndex(panel2.review_status.findData("in_progress"))
    panel2.review_note.setText("Number agreed; leaflets at the printer")
    panel2.record_update()
    assert model.index(0, ActionsModel.STATUS).data() == "✓ Done"
    assert model.index(1, ActionsModel.STATUS).data() == "◑ In progress"
    assert model.index(0, ActionsModel.LATEST).data() == (
        "Done: Results presented to the survivors' group on 30 June (10 Jul 2026)"
    )
    # A reviewed action stays listed (done), so the secretary sees the update took.
    assert model.rowCount() == 3  # this meeting's own action is listed too
    assert model.index(2, ActionsModel.TEXT).data() == "Invite the ICB to the next meeting"
    bridge2.command("next_item")
    assert panel2.review_box.isHidden()
    bridge2.command("end_meeting")

    register = ActionRegisterWindow(store, clock)
    qtbot.addWidget(register)
    rows = register.model.rows()
    assert [(r.key, r.status) for r in rows][:2] == [(first_key, "done"), (second_key, "in_progress")]
    assert register.select(rows[1].ref)
    history = register.updates_model
    assert [[history.index(0, c).data() for c in range(len(ActionUpdatesModel.COLUMNS))]] == [
        [
            "10 Jul 2026",
            "◑ In progress",
            "Number agreed; leaflets at the printer",
            "Stroke HIT steering group (July), 10 Jul 2026",
        ]
    ]
    assert register.model.index(1, ActionsModel.SOURCE).data() == "Patient feedback"


def test_a_note_typed_just_before_the_meeting_ends_is_saved_first(started, clock, store) -> None:  # noqa: ANN001
    mid, bridge, panel = started
    panel.notes_edit.insertPlainText("Closing remarks: thanks to the survivors' group")
    assert panel.note_timer.isActive()  # typing has not paused long enough for the debounce
    clock.advance(0.2)
    assert bridge.command("skip_break", reason="Ended early") is not None
    assert bridge.command("end_meeting") is not None
    assert [n.text for n in store.rebuild(mid, clock).notes] == [
        "Closing remarks: thanks to the survivors' group"
    ]
    assert "Not saved" not in panel.note_status.text()


def _wheel(widget, steps: int = -1) -> bool:  # noqa: ANN001
    """One notch of the mouse wheel over the middle of `widget` (negative: towards the user, scrolling down);
    whether the widget took it (if not, Qt hands a real wheel on to the scroll area around it)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(at.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_scrolls_the_panel_past_an_owner_without_changing_it(started, qtbot) -> None:  # noqa: ANN001
    _mid, _bridge, panel = started
    panel.resize(360, 300)  # short: the panel scrolls
    panel.show()
    qtbot.waitExposed(panel)
    owner, due = panel.action_form.owner, panel.action_form.due
    assert owner.count() > 2
    owner.setCurrentIndex(1)
    chosen, day = owner.currentText(), due.date()
    panel.scroll.widget().setFocus()
    bar = panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    for field in (owner, due):
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a click or Tab focuses it, never the wheel
        assert not _wheel(field)  # passed on, to scroll the panel
        assert not field.hasFocus()
    assert owner.currentText() == chosen and due.date() == day  # the fields kept what was chosen
    assert bar.value() == 0
    assert _wheel(panel.scroll.viewport()) and bar.value() > 0  # where the wheel goes: the panel scrolls


def test_a_wheel_shy_field_added_later_is_guarded_too(started, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QComboBox

    _mid, _bridge, panel = started
    late = QComboBox(panel.scroll.widget())
    late.addItems(["one", "two", "three"])
    late.show()
    QApplication.processEvents()
    assert late.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert not _wheel(late)
    assert late.currentText() == "one"
