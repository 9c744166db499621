"""The room page in a real headless Chromium on a phone-sized screen: it shows the meeting as it goes on,
a person asks to speak and hears the chair's answer, and axe-core finds no accessibility violation."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from meetingkit.clock import FakeClock
from meetingkit.room.server import RoomServer
from meetingkit.store.repository import Store
from tests.browser import Browser
from tests.ui.console_meeting import open_board

PHONE = (390, 844)
SPEAKING_GREEN = QColor("#0B4A26")
OVER_RED = QColor("#8E0A0A")


@pytest.fixture
def browser(qtbot: Any) -> Iterator[Browser]:
    b = Browser(qtbot)
    yield b
    b.quit()


def share_of_colour(png: Path, colour: QColor) -> float:
    image = QImage(str(png))
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            hits += image.pixelColor(x, y).rgb() == colour.rgb()
    return hits / total


def keep(png: Path) -> None:
    """MEETINGKIT_ARTIFACTS=DIR keeps the screenshots for a person to look at."""
    folder = os.environ.get("MEETINGKIT_ARTIFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(folder) / png.name)


def violations_in_words(found: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']}: {v.get('description', '')} at {[n.get('target') for n in v.get('nodes', [])][:3]}"
        for v in found
    )


def test_the_page_on_a_phone_asks_to_speak_and_passes_axe(
    qtbot: Any, store: Store, clock: FakeClock, browser: Browser, tmp_path: Path
) -> None:
    _, bridge = open_board(store, clock)
    room = RoomServer(bridge.session)
    bridge.changed.connect(room.publish)
    try:
        room.start("127.0.0.1", 0)
        for command, who in (
            ("start_meeting", None),
            ("next_item", None),
            ("next_item", None),
            ("queue", "p2"),
            ("queue", "m3"),
            ("speak", "m2"),
        ):
            bridge.command(command, **({"who": who} if who else {}))
        clock.advance(64)
        browser.viewport(*PHONE)
        browser.open(room.url)
        browser.wait_text("#speaker", "Claire Dunne")
        assert browser.text("#connection").startswith("Connected")
        assert browser.text("#state-words") == "Speaking"
        assert browser.text("#item") == "Early supported discharge: six-month results"
        assert browser.text("#queue li:first-child .name") == "Graham Lee"
        assert "Patient or public representative" in browser.text("#queue li:first-child")
        assert (
            browser.run("return document.documentElement.scrollWidth;") <= PHONE[0]
        )  # no sideways scrolling
        found = browser.axe()
        assert found == [], violations_in_words(found)
        shot = keep_shot(browser, tmp_path / "room-phone-speaking.png")
        assert share_of_colour(shot, SPEAKING_GREEN) > 0.1  # the timer panel in the speaking state's colour

        # Between events the page counts down by itself; each message sets it right, state words and all.
        clock.advance(100)  # 16 s left of 3 min
        room.publish()
        browser.wait_text("#state-words", "Please wrap up")
        found = browser.axe()  # black on amber: legible too
        assert found == [], violations_in_words(found)
        clock.advance(30)
        room.publish()
        browser.wait_text("#state-words", "Over time")
        assert re.fullmatch(r"\+[0-9]:[0-9]{2} over", browser.text("#time"))  # 14 s over, and counting
        assert browser.run("return document.documentElement.scrollWidth;") <= PHONE[0]
        assert share_of_colour(keep_shot(browser, tmp_path / "room-phone-over.png"), OVER_RED) > 0.1

        # Asking to speak: choose a name once, ask, and hear the chair's answer on the same page.
        browser.click("#who option[value='p1']")
        browser.click("#this-is-me")
        browser.wait_text("#me-name", "Eileen Foster")
        browser.click("#ask")
        browser.wait_text("#ask-status", "Your request is with the chair")
        assert [r.who for r in room.open_requests()] == ["p1"]
        events = len(bridge.live.events)
        found = browser.axe()
        assert found == [], violations_in_words(found)
        room.decline(room.open_requests()[0].id)
        browser.wait_text("#ask-status", "The chair did not add you to the queue this time")
        assert len(bridge.live.events) == events
        browser.click("#ask")
        browser.wait_text("#ask-status", "Your request is with the chair")
        room.accept(room.open_requests()[0].id, lambda who: bridge.command("queue", who=who) is not None)
        browser.wait_text("#ask-status", "The chair added you to the queue")
        browser.wait_text("#ask", "You are in the queue")
        assert browser.text("#queue li:last-child .name") == "Eileen Foster"

        # Pushed events: the page follows the chair within moments, with no reload.
        bridge.command("stop_speaking")
        browser.wait_text("#state-words", "Nobody speaking")
        keep_shot(browser, tmp_path / "room-phone-asked.png")
        # The check can fail: an image with no text alternative, planted, is found.
        browser.run("document.body.appendChild(document.createElement('img'));")
        assert "image-alt" in [v["id"] for v in browser.axe()]
        # A dropped connection (the phone's Wi-Fi, say): the page says so and connects again by itself.
        counts: list[int] = []
        room.clients_changed.connect(counts.append)
        for socket in list(room._clients):  # the server's side of each page's connection
            socket.abort()
        qtbot.waitUntil(lambda: 0 in counts and counts[-1] == 1, timeout=10000)  # gone, then back
        browser.wait_text("#connection", "Connected: the page updates as the meeting goes on.")
        bridge.command("speak", who="m3")
        browser.wait_text("#speaker", "Steve Marsh")
        room.stop()
        browser.wait_text(
            "#connection",
            "The chair stopped sharing the meeting. Ask the chair for the new link if sharing starts again.",
        )
    finally:
        room.stop()
        bridge.stop()


def keep_shot(browser: Browser, path: Path) -> Path:
    browser.screenshot(path)
    keep(path)
    return path
