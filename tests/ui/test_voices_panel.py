"""The console's voices panel: who is not yet heard, the patient voice so far, and the gentle target prompt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.voices_panel import VoicesPanel
from tests.review_records import silent_rep

# The board plans 60 min of items and a 10 min break: a third of that is 23 min 20 s.
THIRD_S = 70 * 60 / 3


def make_bridge(store: Store, clock: FakeClock, target: float | None) -> LiveBridge:
    meeting = record.parse(silent_rep()).meeting  # scheduled at the fake clock's now
    meeting.patient_voice_target = target
    return LiveBridge(store.open_live(store.create_meeting(meeting), clock))


@pytest.fixture
def bridge(store: Store, clock: FakeClock) -> Iterator[LiveBridge]:
    b = make_bridge(store, clock, 0.2)
    yield b
    b.stop()


def make_panel(qtbot: QtBot, bridge: LiveBridge) -> VoicesPanel:
    panel = VoicesPanel(bridge)
    qtbot.addWidget(panel)
    return panel


def test_before_the_start(qtbot: QtBot, bridge: LiveBridge) -> None:
    panel = make_panel(qtbot, bridge)
    assert panel.share.text() == "The meeting has not started yet."
    assert panel.target.text() == "This series aims for at least 20%."
    assert not panel.prompt_visible()


def test_not_yet_heard_shrinks_as_people_speak_and_leave(
    qtbot: QtBot, bridge: LiveBridge, clock: FakeClock
) -> None:
    panel = make_panel(qtbot, bridge)
    bridge.command("start_meeting")
    assert panel.not_heard.text().splitlines() == [
        "Not yet heard (5):",
        "• Ann Chair (Chair)",
        "• Sam Secretary (Secretary)",
        "• Pat Rep (Patient / public rep)",
        "• Mo Member (Member)",
        "• Meg Member (Member)",
    ]
    bridge.command("speak", who="ch")
    clock.advance(60)
    bridge.command("speak", who="pr")
    assert "Ann Chair" not in panel.not_heard.text() and "Pat Rep" not in panel.not_heard.text()
    bridge.command("leave", who="se")  # gone: no longer someone the chair can bring in
    assert panel.not_heard.text() == "Not yet heard (2):\n• Mo Member (Member)\n• Meg Member (Member)"
    bridge.command("speak", who="m1")
    bridge.command("speak", who="m2")
    assert panel.not_heard.text() == "Everyone here has been heard."


def test_share_so_far_follows_the_clock_on_repaint(
    qtbot: QtBot, bridge: LiveBridge, clock: FakeClock
) -> None:
    panel = make_panel(qtbot, bridge)
    bridge.command("start_meeting")
    bridge.command("speak", who="ch")
    clock.advance(60)
    bridge.command("speak", who="pr")
    assert panel.share.text() == "Patient and public voice so far: 0% of the discussion"
    clock.advance(60)
    bridge.tick.emit()  # the open turn counts as it runs
    assert panel.share.text() == "Patient and public voice so far: 50% of the discussion"
    clock.advance(0.5)
    bridge.tick.emit()  # under a second later: not redrawn yet, and no harm in that
    assert panel.share.text() == "Patient and public voice so far: 50% of the discussion"


def test_prompt_once_a_third_of_the_time_has_gone(qtbot: QtBot, bridge: LiveBridge, clock: FakeClock) -> None:
    panel = make_panel(qtbot, bridge)
    bridge.command("start_meeting")
    bridge.command("speak", who="ch")
    clock.advance(THIRD_S - 5)
    bridge.tick.emit()
    assert not panel.prompt_visible()  # below target, but too early to say
    clock.advance(10)
    with qtbot.waitSignal(panel.prompt_changed) as shown:
        bridge.tick.emit()
    assert panel.prompt_visible()
    assert shown.args == [panel.prompt_text.text()]
    assert panel.prompt_text.text() == (
        "Patient and public voice is at 0% so far, below the 20% this series aims for. "
        "You might invite the representatives to come in on the next item."
    )
    with qtbot.waitSignal(panel.prompt_changed) as gone:
        qtbot.mouseClick(panel.dismiss, Qt.MouseButton.LeftButton)
    assert gone.args == [""]
    assert not panel.prompt_visible()
    clock.advance(60)
    bridge.tick.emit()
    assert not panel.prompt_visible()  # dismissed for the rest of this item
    bridge.command("next_item")
    assert panel.prompt_visible()  # a new item: the chair is reminded once more
    bridge.command("speak", who="pr")
    clock.advance(10 * 60)
    bridge.tick.emit()
    assert not panel.prompt_visible()  # the representative has been heard up to the target


def test_no_target_no_prompt(qtbot: QtBot, store: Store, clock: FakeClock) -> None:
    b = make_bridge(store, clock, None)
    try:
        panel = make_panel(qtbot, b)
        b.command("start_meeting")
        b.command("speak", who="ch")
        clock.advance(60 * 60)
        b.tick.emit()
        assert not panel.prompt_visible()
        assert panel.target.isHidden()
    finally:
        b.stop()


def test_prompt_never_blocks_the_console(qtbot: QtBot, bridge: LiveBridge, clock: FakeClock) -> None:
    panel = make_panel(qtbot, bridge)
    panel.show()
    bridge.command("start_meeting")
    bridge.command("speak", who="ch")
    clock.advance(THIRD_S + 1)
    bridge.tick.emit()
    assert panel.prompt_visible()
    assert bridge.command("speak", who="m1") is not None  # commands go on while it shows
    assert panel.prompt.accessibleName() == "Patient voice prompt"
    assert panel.dismiss.accessibleName() == "Dismiss patient voice prompt"
