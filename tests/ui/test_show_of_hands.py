"""Were you heard? by a show of hands (DESIGN §11): the secretary's panel takes the counts when no devices are
used, records them as the pulse (one event per question and group), shows the figures with the threshold,
and neither an empty count nor the same count twice writes anything."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.console_meeting import board


@pytest.fixture
def panel(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[SecretaryPanel]:
    bridge = LiveBridge(store.open_live(store.create_meeting(board(clock)), clock))
    p = SecretaryPanel(bridge, store)
    qtbot.addWidget(p)
    p.resize(420, 900)
    p.show()
    yield p
    bridge.stop()


def hands(panel: SecretaryPanel, question: str, group: str, yes: int, partly: int, no: int) -> None:
    for answer, n in zip(("yes", "partly", "no"), (yes, partly, no), strict=True):
        panel.hands.counts[(question, group, answer)].setValue(n)


def record(qtbot: Any, panel: SecretaryPanel) -> None:
    qtbot.mouseClick(panel.hands.button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def pulses(panel: SecretaryPanel) -> list[dict[str, Any]]:
    return [e.payload for e in panel.bridge.live.events if e.type == "pulse"]


def end(panel: SecretaryPanel, clock: FakeClock) -> None:
    c = panel.bridge.command
    c("start_meeting")
    c("speak", who="p1")
    clock.advance(60)
    c("skip_break", reason="Short of time")
    c("end_meeting")


def test_a_show_of_hands_is_recorded_as_the_pulse(
    qtbot: Any, panel: SecretaryPanel, clock: FakeClock, store: Store
) -> None:
    assert panel.hands.isHidden()  # before the start
    c = panel.bridge.command
    c("start_meeting")
    assert panel.hands.isHidden()  # an item under way, the break still to come
    c("speak", who="p1")
    clock.advance(60)
    c("skip_break", reason="Short of time")
    c("end_meeting")
    assert panel.hands.isVisible() and panel.hands.button.isEnabled()
    record(qtbot, panel)  # nothing entered
    assert panel.message.text() == "Enter the number of hands for at least one answer first."
    assert pulses(panel) == []
    hands(panel, "listened", "patient_public", 3, 1, 0)
    hands(panel, "listened", "others", 2, 0, 0)
    record(qtbot, panel)
    assert panel.message.text() == "Show of hands recorded."
    assert pulses(panel) == [
        {"question": "chance", "group": "patient_public", "yes": 0, "partly": 0, "no": 0},
        {"question": "chance", "group": "others", "yes": 0, "partly": 0, "no": 0},
        {"question": "listened", "group": "patient_public", "yes": 3, "partly": 1, "no": 0},
        {"question": "listened", "group": "others", "yes": 2, "partly": 0, "no": 0},
    ]
    assert panel.hands.result.text().endswith(
        "Did you feel listened to?\n"
        "    Patient and public representatives: 3 of 4 felt listened to, 1 partly\n"
        "    Everyone else: too few answers to show"
    )
    record(qtbot, panel)  # pressed twice
    assert panel.message.text() == "This show of hands is already recorded."
    assert len(pulses(panel)) == 4
    hands(panel, "listened", "others", 2, 1, 1)  # a miscount put right: entered again, it replaces
    record(qtbot, panel)
    stats = store.summary(panel.bridge.session.meeting_id).to_json()["pulse"]
    assert stats[3] == {
        "question": "listened",
        "group": "others",
        "answers": 4,
        "yes": 2,
        "partly": 1,
        "no": 1,
    }


def test_no_show_of_hands_once_the_minutes_are_approved(
    qtbot: Any, panel: SecretaryPanel, clock: FakeClock
) -> None:
    end(panel, clock)
    assert panel.hands.isVisible()
    panel.bridge.command("minutes_approved", own=True)
    assert panel.hands.isHidden()


def test_after_the_console_closed_the_minutes_window_records_a_show_of_hands(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    from meetingkit.ui.minutes.minutes_window import MinutesWindow
    from meetingkit.ui.prep.main_window import MainWindow

    first = LiveBridge(store.open_live(store.create_meeting(board(clock)), clock))
    for command, fields in (
        ("start_meeting", {}),
        ("speak", {"who": "p1"}),
        ("skip_break", {"reason": "Short of time"}),
        ("end_meeting", {}),
    ):
        clock.advance(60)
        first.command(command, **fields)
    mid = first.session.meeting_id
    first.stop()  # the chair's console has closed
    main_window = MainWindow(store, clock)
    qtbot.addWidget(main_window)
    main_window.refresh(select=mid)
    main_window.correct_action.trigger()
    window = main_window.minutes_windows[mid]
    assert isinstance(window, MinutesWindow)
    assert window.hands_button.isEnabled()
    window.hands_button.click()
    dialog = window.hands
    assert dialog is not None and dialog.isVisible()
    for (_question, group, answer), spin in dialog.box.counts.items():
        spin.setValue({"yes": 4, "partly": 0, "no": 1}[answer] if group == "patient_public" else 0)
    dialog.box.button.click()
    assert dialog.message.text() == "Show of hands recorded."
    figures = store.summary(mid).to_json()["pulse"]
    assert figures[0] == {
        "question": "chance",
        "group": "patient_public",
        "answers": 5,
        "yes": 4,
        "partly": 0,
        "no": 1,
    }
    assert "4 of 5 felt listened to, 1 not" in dialog.box.result.text()
    QApplication.processEvents()
    result = dialog.box.result  # the recorded figures are shown whole: the dialog grew to hold them
    assert result.height() >= result.heightForWidth(result.width())
    window.close()
    # Approved minutes change no more: the button is off.
    store.approve(mid, clock)
    main_window.refresh(select=mid)
    main_window.correct_action.trigger()
    again = main_window.minutes_windows[mid]
    assert not again.hands_button.isEnabled()
    again.close()


def test_the_show_of_hands_window_shows_every_recorded_line(
    qtbot: Any, panel: SecretaryPanel, clock: FakeClock
) -> None:
    """Every question and group answered (the longest figures, one wrapping), in a window already on the
    screen: it grows until the last line, "Everyone else" on "Did you feel listened to?", is shown whole
    (it was cut off under the box, as the secretary saw on a laptop)."""
    from meetingkit.ui.minutes.show_of_hands import ShowOfHandsDialog

    end(panel, clock)
    dialog = ShowOfHandsDialog(panel.bridge)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    for (_question, _group, answer), spin in dialog.box.counts.items():
        spin.setValue({"yes": 3, "partly": 1, "no": 1}[answer])
    dialog.box.button.click()
    QApplication.processEvents()
    result = dialog.box.result
    assert result.text().endswith("Everyone else: 3 of 5 felt listened to, 1 partly and 1 not")
    assert result.height() >= result.heightForWidth(result.width())
    assert result.mapTo(dialog, result.rect().bottomLeft()).y() < dialog.height()
