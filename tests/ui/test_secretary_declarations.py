"""Declarations of interest recorded from the secretary's panel in the meeting, and the previous minutes
approved there under matters arising (issue 14): clicked by accessible name, checked in the event log and in
what the panel lists."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.secretary_series import first_meeting, second_meeting


def named(root: QWidget, name: str) -> Any:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
    assert len(found) == 1, f"{name!r}: {len(found)} found"
    return found[0]


def click(root: QWidget, name: str) -> None:
    button = named(root, name)
    assert isinstance(button, QAbstractButton) and button.isEnabled() and button.isVisibleTo(root), name
    button.click()


def panel_for(qtbot: Any, store: Store, clock: FakeClock, mid: int) -> tuple[LiveBridge, SecretaryPanel]:
    bridge = LiveBridge(store.open_live(mid, clock))
    bridge.stop()
    panel = SecretaryPanel(bridge, store)
    qtbot.addWidget(panel)
    panel.show()
    return bridge, panel


def declarations(bridge: LiveBridge) -> list[dict[str, Any]]:
    return [e.payload for e in bridge.live.events if e.type == "declaration"]


def test_a_declaration_is_recorded_in_the_meeting_and_listed(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(first_meeting()))
    bridge.command("start_meeting")
    assert not named(panel, "Interest declared").isVisibleTo(panel)  # folded until asked for
    click(panel, "Record a declaration of interest")
    box = panel.declaration_box
    box.who.setCurrentIndex(box.who.findData("m2"))
    named(panel, "Interest declared").setText("Trustee of <b>Carers</b> First")
    click(panel, "Record declaration")
    assert declarations(bridge) == [{"who": "m2", "text": "Trustee of <b>Carers</b> First", "item": "i1"}]
    assert panel.message.text() == "Declaration by Claire Dunne recorded."
    assert "• Declaration of interest by Claire Dunne: Trustee of <b>Carers</b> First" in panel.so_far.text()
    assert not box.form.isVisibleTo(panel)  # folded again
    # for another item, chosen by the secretary
    click(panel, "Record a declaration of interest")
    box.item.setCurrentIndex(box.item.findData("i2"))
    box.text.setText("Shares in a thrombectomy device maker")
    click(panel, "Record declaration")
    assert declarations(bridge)[1]["item"] == "i2"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("   ", "Choose who declared an interest and type the interest."),
        ("x" * 20_001, "Not recorded: The text is 20,001 characters long; at most 20,000"),
    ],
    ids=["empty", "20001 chars"],
)
def test_odd_declarations_are_refused_in_words_and_record_nothing(
    qtbot: Any, store: Store, clock: FakeClock, text: str, words: str
) -> None:
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(first_meeting()))
    bridge.command("start_meeting")
    click(panel, "Record a declaration of interest")
    panel.declaration_box.text.setMaxLength(30_000)
    panel.declaration_box.text.setText(text)
    click(panel, "Record declaration")
    assert panel.message.text().startswith(words)
    assert declarations(bridge) == []
    assert panel.declaration_box.form.isVisibleTo(panel)  # the form stays open with what was typed


def test_a_declaration_of_20000_characters_is_kept_whole(qtbot: Any, store: Store, clock: FakeClock) -> None:
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(first_meeting()))
    bridge.command("start_meeting")
    click(panel, "Record a declaration of interest")
    panel.declaration_box.text.setMaxLength(30_000)
    panel.declaration_box.text.setText("y" * 20_000)
    click(panel, "Record declaration")
    assert len(declarations(bridge)[0]["text"]) == 20_000


def ended_first(store: Store, clock: FakeClock) -> int:
    mid = store.create_meeting(first_meeting())
    s = store.open_live(mid, clock)
    s.apply("start_meeting")
    s.apply("skip_break", {"reason": "Short"})
    s.apply("end_meeting")
    return mid


def test_the_previous_minutes_are_approved_under_matters_arising(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    first = ended_first(store, clock)
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(second_meeting()))
    assert not panel.approval_box.isVisibleTo(panel)
    clock.set_utc(second_meeting().scheduled_start)
    bridge.command("start_meeting")  # the first item reviews actions: the approval is offered there
    assert panel.approval_box.isVisibleTo(panel)
    assert named(panel, "Previous minutes").text() == (
        "The minutes of “Stroke HIT steering group (June)” (12 Jun 2026) are waiting for approval."
    )
    named(panel, "Amendments to the previous minutes").setText("Item 2: <i>twelve</i> not ten")
    click(panel, "Approve the minutes of 12 Jun 2026")
    (event,) = [e for e in bridge.live.events if e.type == "minutes_approved"]
    assert event.payload["amendments"] == "Item 2: <i>twelve</i> not ten"
    assert store.approval_of(first) is not None
    assert (
        named(panel, "Previous minutes")
        .text()
        .endswith("with these amendments: Item 2: <i>twelve</i> not ten")
    )
    assert not named(panel, "Approve the minutes of 12 Jun 2026").isEnabled()  # once only
    assert store.writer_lock(first) is None  # the first meeting's lock, held while approving, given back


def test_approval_is_refused_in_words_with_no_earlier_meeting(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(second_meeting()))
    clock.set_utc(second_meeting().scheduled_start)
    bridge.command("start_meeting")
    assert named(panel, "Previous minutes").text().startswith("There is no earlier meeting of this series")
    click(panel, "Approve the previous minutes")
    assert named(panel, "Approval message").text() == (
        "Not recorded: There is no earlier meeting of this series whose minutes could be approved"
    )
    assert [e for e in bridge.live.events if e.type == "minutes_approved"] == []


def test_approval_is_refused_once_approved_elsewhere_and_while_the_minutes_are_open(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    first = ended_first(store, clock)
    bridge, panel = panel_for(qtbot, store, clock, store.create_meeting(second_meeting()))
    clock.set_utc(second_meeting().scheduled_start)
    bridge.command("start_meeting")
    # A Minutes window has the June meeting open (here, its lock held by another session)
    other = store.open_live(first, clock)
    other.take_lock()
    click(panel, "Approve the minutes of 12 Jun 2026")
    assert (
        named(panel, "Approval message")
        .text()
        .startswith(
            "Not approved: The meeting “Stroke HIT steering group (June)” is open in another window of this program"
        )
    )
    assert store.approval_of(first) is None
    other.release()
    store.approve(first, clock)  # `meetingkit approve` since this meeting opened
    click(panel, "Approve the minutes of 12 Jun 2026")
    assert named(panel, "Approval message").text() == (
        "Not recorded: The minutes of “Stroke HIT steering group (June)” are already approved"
    )
    assert [e for e in bridge.live.events if e.type == "minutes_approved"] == []
