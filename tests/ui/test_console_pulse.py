"""Were you heard? on the chair's console (DESIGN §11): offered at the end and at the end of the feedback break,
opened with a click, the answers from real WebSocket clients counted on the console (never who), closed with a
click that records the counts; on a 1366×768 laptop it fits (saved to artifacts/pulse/ to look at)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.console_window import ConsoleWindow
from tests.e2e.test_room_pulse import EXTRA, Device
from tests.ui.console_meeting import PEOPLE, board
from tests.ui.test_console_laptop_layout import words_cut_off

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "pulse"


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    meeting = board(clock)
    meeting.people.extend(EXTRA)
    bridge = LiveBridge(store.open_live(store.create_meeting(meeting), clock))
    window = ConsoleWindow(bridge, store)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.room.stop()
    bridge.stop()
    window.deleteLater()


def button(console: ConsoleWindow, name: str) -> QPushButton:
    found = [b for b in console.findChildren(QPushButton) if b.accessibleName() == name and b.isVisible()]
    assert len(found) == 1, name
    return found[0]


def click(qtbot: Any, console: ConsoleWindow, name: str) -> None:
    qtbot.mouseClick(button(console, name), Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def run_to_the_end(console: ConsoleWindow, clock: FakeClock) -> None:
    c = console.bridge.command
    c("start_meeting")
    c("speak", who="p1")
    clock.advance(95)
    c("skip_break", reason="Short of time")
    c("end_meeting")
    console.refresh()


def shot(console: ConsoleWindow, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert console.grab().save(str(ARTIFACTS / f"{name}.png"))


def test_the_pulse_from_the_console_with_devices_answering(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock, store: Store
) -> None:
    panel = console.pulse_panel
    assert not panel.isVisible()  # before the start: nothing to ask
    run_to_the_end(console, clock)
    assert panel.isVisible()
    assert panel.words.text().startswith("Were you heard?")
    shot(console, "console-1366-offered")
    console.room.server.start("127.0.0.1", 0)
    click(qtbot, console, "Open the pulse")
    assert console.status.text.text() == "Done: Pulse open: the room's devices show the two questions"
    devices = [Device(qtbot, console.room.server, i) for i in range(5)]
    for d, group in zip(devices, ["patient_public"] * 3 + ["others"] * 2, strict=True):
        d.answer(group, "yes", "partly" if group == "others" else "yes")
    qtbot.waitUntil(lambda: panel.words.text() == "Pulse open: 5 answered so far")
    names = [p.name for p in [*PEOPLE, *EXTRA]]
    assert not any(n in panel.words.text() or n in console.status.text.text() for n in names)
    assert not words_cut_off(console.main_column)
    shot(console, "console-1366-open")
    click(qtbot, console, "Close the pulse")
    assert console.status.text.text() == "Done: Pulse closed: 5 answers recorded"
    stats = store.summary(console.bridge.session.meeting_id).to_json()["pulse"]
    assert [(s["answers"], s["yes"], s["partly"]) for s in stats] == [
        (3, 3, 0),
        (2, None, None),
        (3, 3, 0),
        (2, None, None),
    ]
    assert panel.words.text() == "Pulse taken — representatives: 3 of 3 felt listened to"
    shot(console, "console-1366-recorded")
    for d in devices:
        d.client.wait_for("pulse", open=False)


def test_offered_at_the_end_of_the_break_and_not_before(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock
) -> None:
    c = console.bridge.command
    c("start_meeting")
    console.refresh()
    assert not console.pulse_panel.isVisible()  # an item under way, the break still to come
    c("start_break")
    clock.advance(300)
    console.refresh()
    assert console.pulse_panel.isVisible()  # the break under way: open it before ending the break
    c("end_break")
    console.refresh()
    assert console.pulse_panel.isVisible()  # the item after the break
    shot(console, "console-1366-after-break")
    assert not words_cut_off(console.main_column)
    clock.advance(120)
    c("next_item")
    console.refresh()
    assert not console.pulse_panel.isVisible()  # the meeting moved on: offered again at its end


def test_closing_the_console_records_an_open_pulse(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock, store: Store
) -> None:
    run_to_the_end(console, clock)
    console.room.server.start("127.0.0.1", 0)
    click(qtbot, console, "Open the pulse")
    devices = [Device(qtbot, console.room.server, i) for i in range(3)]
    for d in devices:
        d.answer("patient_public", "yes", "no")
    qtbot.waitUntil(lambda: console.room.server.pulse.answered == 3)
    mid = console.bridge.session.meeting_id
    console.close()
    assert [e.payload["no"] for e in store.events(mid) if e.type == "pulse"] == [0, 0, 3, 0]


def test_a_pulse_opened_without_sharing_says_how_to_answer(
    qtbot: Any, console: ConsoleWindow, clock: FakeClock
) -> None:
    run_to_the_end(console, clock)
    click(qtbot, console, "Open the pulse")
    assert "share with the room so that devices can answer" in console.pulse_panel.words.text()
    assert button(console, "Share with the room").isEnabled()  # just above, the way to let devices answer
    click(qtbot, console, "Close the pulse")
    assert console.status.text.text() == "Done: Pulse closed: nobody answered, so nothing was recorded"


def test_a_read_only_console_offers_no_pulse(qtbot: Any, store: Store, clock: FakeClock) -> None:
    """A second window or program that has the meeting read-only can neither open a pulse nor count hands."""
    meeting = board(clock)
    first = LiveBridge(store.open_live(store.create_meeting(meeting), clock))
    for command, fields in (
        ("start_meeting", {}),
        ("speak", {"who": "p1"}),
        ("skip_break", {"reason": "Short of time"}),
        ("end_meeting", {}),
    ):
        first.command(command, **fields)
    session = store.open_live(first.session.meeting_id, clock)
    session.open_read_only("Open on LAPTOP-12 since 10:04")
    second = LiveBridge(session)
    window = ConsoleWindow(second, store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.refresh()
    assert not window.pulse_panel.isVisible()
    hands = window.side_panels["Notes && actions"].hands  # type: ignore[attr-defined]
    assert not hands.button.isEnabled()
    window.room.stop()
    second.stop()
    first.stop()
