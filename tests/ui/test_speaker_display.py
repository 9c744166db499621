"""The speaker display: what the room reads, in every state, at 7:1 contrast or better, from the same bridge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.palette import MIN_CONTRAST, STATES, contrast_ratio, state_icon
from meetingkit.ui.console.speaker_display import SpeakerDisplay
from tests.ui.console_meeting import drive_to, open_board

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

SHOWN = {
    # state: (words, name, time, item line, next line)
    "speaking": ("Speaking", "Claire Dunne", "1:56", "Review of actions", "Next: Graham Lee"),
    "wrap_up": ("Please wrap up", "Claire Dunne", "0:22", "Review of actions", "Next: Graham Lee"),
    "over": ("Over time", "Claire Dunne", "+0:27 over", "Review of actions", "Next: Graham Lee"),
    "idle": ("Nobody speaking", "", "—", "Review of actions", "Next: Graham Lee"),
    "paused": ("Meeting paused", "Claire Dunne", "1:49", "Review of actions", "Next: Graham Lee"),
    "break": (
        "Feedback break",
        "Patient and public voices",
        "7:10",
        "Patient and public feedback break",
        "Nobody in the queue",
    ),
}


@pytest.mark.parametrize("state", sorted(STATES))
def test_each_states_colours_reach_seven_to_one(state: str) -> None:
    style = STATES[state]
    assert contrast_ratio(style.foreground, style.background) >= MIN_CONTRAST


@pytest.mark.parametrize("state", sorted(SHOWN))
def test_the_display_shows_each_state_in_words_colour_and_icon(
    qtbot, store: Store, clock: FakeClock, state: str
) -> None:
    _, bridge = open_board(store, clock)
    display = SpeakerDisplay(bridge)
    qtbot.addWidget(display)
    display.resize(1280, 720)
    display.show()
    qtbot.waitExposed(display)
    drive_to(bridge, clock, state)
    bridge.tick.emit()
    QApplication.processEvents()  # let the layout settle to the new texts before the picture is taken
    words, name, time, item, next_ = SHOWN[state]
    assert display.badge.words.text() == words
    assert display.name.text() == name
    assert display.time.text() == time
    assert display.item.text() == item
    assert display.next.text() == next_
    assert display.panel.state == state
    style = STATES[state]
    # What is on screen uses the palette's colours: the background as rendered, the icon in the text colour.
    image = display.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() - 4) == QColor(style.background)
    icon = state_icon(style.icon, 96, style.foreground).toImage()
    drawn = [icon.pixelColor(x, y) for x in range(0, 96, 4) for y in range(0, 96, 4)]
    assert any(c.alpha() == 255 and c.name() == style.foreground.lower() for c in drawn)
    ARTIFACTS.mkdir(exist_ok=True)
    assert display.grab().save(str(ARTIFACTS / f"speaker_display_{state}.png"))
    bridge.stop()


def test_the_display_follows_the_same_bridge_as_the_console(qtbot, store: Store, clock: FakeClock) -> None:
    _, bridge = open_board(store, clock)
    display = SpeakerDisplay(bridge)
    qtbot.addWidget(display)
    display.show()
    bridge.command("start_meeting")
    bridge.command("speak", who="p1")
    assert display.name.text() == "Eileen Foster"  # an event repaints at once
    clock.advance(61)
    bridge.tick.emit()
    assert display.time.text() == "1:59"
    display.hide()
    clock.advance(60)
    bridge.command("stop_speaking")  # hidden: no work done for nobody
    display.show()
    display.refresh()
    assert display.badge.words.text() == "Nobody speaking"
    bridge.stop()
