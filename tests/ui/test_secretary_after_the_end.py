"""The secretary's panel once the meeting has ended, and its messages as the meeting moves on: what was
recorded for the whole meeting is listed, nothing looks editable, and an 'added' message does not linger."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.secretary_series import first_meeting


def opened(qtbot: Any, store: Store, clock: FakeClock) -> tuple[LiveBridge, SecretaryPanel]:
    bridge = LiveBridge(store.open_live(store.create_meeting(first_meeting()), clock))
    bridge.stop()
    panel = SecretaryPanel(bridge, store)
    qtbot.addWidget(panel)
    return bridge, panel


def test_a_message_about_one_item_is_cleared_when_the_next_begins(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    bridge, panel = opened(qtbot, store, clock)
    bridge.command("start_meeting")
    panel.action_text.setText("Share the discharge results")
    panel.add_action()
    assert panel.message.text().startswith("Action ") and panel.message.text().endswith(" added.")
    bridge.command("speak", who="ch")  # the same item goes on: the message stays
    assert panel.message.text().endswith(" added.")
    clock.advance(60)
    bridge.command("next_item")  # the break, planned after the first item
    assert panel.message.text() == ""


def test_after_the_end_the_whole_record_is_listed_and_nothing_looks_editable(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    bridge, panel = opened(qtbot, store, clock)
    c = bridge.command
    c("start_meeting")
    c("decision", text="Keep the <b>service</b> going")
    c("action", text="Share the discharge results", owner="m2")
    clock.advance(60)
    c("next_item")  # the break
    c("feedback", who="p1", text="Carers need one number to call")
    c("action", text="One number for carers", source="patient_feedback", feedback=0)
    c("end_break")
    c("end_meeting")
    text = panel.so_far.text()
    assert "no decisions or actions" not in text
    assert text.splitlines() == [
        "Recorded in the meeting (1 decision, 2 actions):",
        "• Decision (Early supported discharge): Keep the <b>service</b> going",
        f"• Action {list(bridge.live.actions)[0]} (Early supported discharge; Claire Dunne): "
        "Share the discharge results",
        f"• Action {list(bridge.live.actions)[1]} (feedback break; no owner, from patient feedback): "
        "One number for carers",
    ]
    inputs: list[QWidget] = [
        panel.decision_edit,
        panel.action_text,
        panel.action_owner,
        panel.action_has_due,
        panel.action_due,
        panel.action_source,
        panel.feedback_who,
        panel.feedback_text,
        panel.review_status,
        panel.review_note,
    ]
    assert [w.accessibleName() for w in inputs if w.isEnabled()] == []
    assert panel.notes_edit.isReadOnly()
    assert panel.message.text() == ""
