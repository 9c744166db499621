"""The room view's rules without a network: what a page is sent, the requests book and its rate limits, and
the layer rule (no widgets, nothing of the UI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.session import LiveMeeting
from meetingkit.room.requests import PER_ADDRESS_PER_MINUTE, RequestBook, RequestRefused
from meetingkit.room.snapshot import room_state
from tests.unit.test_models_imports import PACKAGE, imported, module_name

ROOM = sorted((PACKAGE / "room").rglob("*.py"))
NOT_IN_ROOM = (
    "PySide6.QtWidgets",
    "PySide6.QtGui",
    "meetingkit.ui",
    "meetingkit.reports",
    "meetingkit.app",
    "meetingkit.cli",
)


@pytest.mark.parametrize("path", ROOM, ids=lambda p: p.name)
def test_the_room_has_no_widgets_and_no_ui(path: Path) -> None:
    names = imported(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    bad = [n for _, n in names if any(n == f or n.startswith(f + ".") for f in NOT_IN_ROOM)]
    assert bad == []


def test_the_page_is_sent_figures_a_countdown_can_run_from(live: LiveMeeting, clock: FakeClock) -> None:
    live.apply("start_meeting")
    live.apply("speak", {"who": "m1"})
    live.apply("queue", {"who": "pr"})
    live.apply("queue", {"who": "ch"})
    clock.advance(42)
    state = room_state(live, live.now())
    assert state["speaker"]["elapsed_s"] == pytest.approx(42)
    assert state["speaker"]["running"] is True
    assert state["queue"][0] == {
        "key": "pr",
        "name": "Pat Rep",
        "public_voice": True,
        "first_time": True,
        "next": True,
    }
    live.apply("speak", {"who": "ch"})
    live.apply("speak", {"who": "m1"})
    state = room_state(live, live.now())
    assert [(q["name"], q["first_time"]) for q in state["queue"]] == [("Pat Rep", True)]
    live.apply("queue", {"who": "ch"})
    state = room_state(live, live.now())
    assert [(q["name"], q["first_time"]) for q in state["queue"]] == [("Pat Rep", True), ("Ann Chair", False)]
    live.apply("unqueue", {"who": "pr"})
    live.apply("queue", {"who": "pr"})  # now behind Ann, who has spoken: Pat is still called first
    state = room_state(live, live.now())
    assert [(q["name"], q["next"]) for q in state["queue"]] == [("Ann Chair", False), ("Pat Rep", True)]
    live.apply("next_item")  # a new item: everyone speaks for the first time again
    assert all(q["first_time"] for q in room_state(live, live.now())["queue"])


def test_the_page_is_sent_nothing_the_room_screen_does_not_show(live: LiveMeeting) -> None:
    live.apply("start_meeting")
    live.apply("note", {"text": "Confidential: budget line 7"})
    live.apply("action", {"text": "Ring the trust", "owner": "m1"})
    text = str(room_state(live, live.now()))
    for hidden in (
        "Confidential",
        "Ring the trust",
        "Hospital Trust",
        "acute care",
        "patient_rep",
        "Practice",
    ):
        assert hidden not in text


def test_one_open_request_per_device_and_per_person(clock: FakeClock) -> None:
    book = RequestBook(clock)
    first = book.ask("device-aaaaaaaaaaaa", "10.0.0.2", "pr", "Pat Rep")
    assert book.ask("device-aaaaaaaaaaaa", "10.0.0.2", "pr", "Pat Rep") is first
    with pytest.raises(RequestRefused, match="withdraw it first"):
        book.ask("device-aaaaaaaaaaaa", "10.0.0.2", "m1", "Mo Member")
    with pytest.raises(RequestRefused, match="Pat Rep has already asked"):
        book.ask("device-bbbbbbbbbbbb", "10.0.0.3", "pr", "Pat Rep")
    assert book.settle(first.id, "declined") is first
    assert book.settle(first.id, "accepted") is None  # settled once only
    assert book.open() == []


def test_an_address_cannot_dodge_the_limit_with_new_device_ids(clock: FakeClock) -> None:
    book = RequestBook(clock)
    for i in range(PER_ADDRESS_PER_MINUTE):
        request = book.ask(f"device-{i:012d}", "10.0.0.9", "pr", "Pat Rep")
        book.withdraw(request.device)
    with pytest.raises(RequestRefused, match="last minute"):
        book.ask("device-new000000000", "10.0.0.9", "pr", "Pat Rep")
    book.ask("device-new000000000", "10.0.0.10", "pr", "Pat Rep")  # another device elsewhere is not held up
    clock.advance(60)
    book.withdraw("device-new000000000")
    book.ask("device-new000000001", "10.0.0.9", "pr", "Pat Rep")


def test_the_page_files_are_shipped_and_load_nothing_from_outside() -> None:
    from meetingkit import resources

    for name in ("room.html", "room.css", "room.js"):
        text = resources.room_page_text(name)
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", text), name
        assert "innerHTML" not in text and "eval(" not in text, name
