"""Were you heard? on the room page in a real headless Chromium on a phone (390×844): the two questions with
large Yes / Partly / No choices, the group asked as part of answering, one answer set per device (a reload
keeps it and does not add another), gone when the chair closes the pulse; axe-core finds no violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.room.pulse_box import COUNTED, NEED_GROUP
from meetingkit.room.server import RoomServer
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from tests.browser import Browser
from tests.e2e.test_room_browser import PHONE, keep_shot, violations_in_words
from tests.e2e.test_room_pulse import EXTRA
from tests.ui.console_meeting import board


@pytest.fixture
def browser(qtbot: Any) -> Iterator[Browser]:
    b = Browser(qtbot)
    yield b
    b.quit()


@pytest.fixture
def room(store: Store, clock: FakeClock) -> Iterator[RoomServer]:
    meeting = board(clock)
    meeting.people.extend(EXTRA)
    bridge = LiveBridge(store.open_live(store.create_meeting(meeting), clock))
    for command, fields in (
        ("start_meeting", {}),
        ("speak", {"who": "p1"}),
        ("skip_break", {"reason": "Short of time"}),
        ("end_meeting", {}),
    ):
        clock.advance(60)
        bridge.command(command, **fields)
    server = RoomServer(bridge.session)
    bridge.changed.connect(server.publish)
    server.start("127.0.0.1", 0)
    yield server
    server.stop()
    bridge.stop()


def choose(browser: Browser, name: str, value: str) -> None:
    browser.click(f"#heard input[name='{name}'][value='{value}']")


def chosen(browser: Browser) -> list[str]:
    return list(
        browser.run(
            "return Array.prototype.map.call(document.querySelectorAll('#heard input:checked'),"
            " function (i) { return i.name + '=' + i.value; });"
        )
    )


def test_answering_the_pulse_on_a_phone(
    qtbot: Any, room: RoomServer, browser: Browser, tmp_path: Path
) -> None:
    browser.viewport(*PHONE)
    browser.open(room.url)
    browser.wait_text("#position", "The meeting has ended")
    assert browser.run("return document.getElementById('heard').hidden;") is True  # no pulse yet
    room.open_pulse()
    browser.wait_text(
        "#heard-status",
        "The chair asks: were you heard? Your answers are anonymous: only the numbers are kept.",
    )
    assert browser.run("return document.getElementById('heard').hidden;") is False
    found = browser.axe()
    assert found == [], violations_in_words(found)
    # Large choices: every one at least 64 px high and a third of the phone's width.
    sizes = browser.run(
        "return Array.prototype.map.call(document.querySelectorAll('#heard .choice span'),"
        " function (s) { var r = s.getBoundingClientRect(); return [r.width, r.height]; });"
    )
    assert len(sizes) == 8 and all(h >= 64 and w >= 100 for w, h in sizes)
    assert browser.run("return document.documentElement.scrollWidth;") <= PHONE[0]
    keep_shot(browser, tmp_path / "room-phone-pulse.png")

    choose(browser, "listened", "partly")  # a question before the group: kept, not yet counted
    browser.wait_text("#heard-status", NEED_GROUP)
    assert room.pulse.answered == 0
    choose(browser, "group", "patient_public")
    browser.wait_text("#heard-status", COUNTED)
    choose(browser, "chance", "yes")
    browser.wait_text("#heard-status", COUNTED)
    assert room.pulse.answered == 1
    found = browser.axe()
    assert found == [], violations_in_words(found)
    keep_shot(browser, tmp_path / "room-phone-pulse-answered.png")

    # A reload (or the page reconnecting) shows the same answers and stays one answer set.
    browser.open(room.url)
    browser.wait_text("#heard-status", COUNTED)
    assert sorted(chosen(browser)) == ["chance=yes", "group=patient_public", "listened=partly"]
    choose(browser, "listened", "yes")
    browser.wait_text("#heard-status", COUNTED)
    assert room.pulse.answered == 1

    counts = room.close_pulse()
    qtbot.waitUntil(lambda: browser.run("return document.getElementById('heard').hidden;") is True)
    assert [(c.question, c.group, c.yes, c.partly, c.no) for c in counts if c.group == "patient_public"] == [
        ("chance", "patient_public", 1, 0, 0),
        ("listened", "patient_public", 1, 0, 0),
    ]
    # Closed: the device keeps nothing of its answers.
    assert browser.run("return window.localStorage.getItem('meetingkit-room-pulse');") is None
    assert chosen(browser) == []
