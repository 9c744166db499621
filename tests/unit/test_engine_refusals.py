"""Refused commands (DESIGN §2): a DomainError with a clear message, and nothing changed — no event, no
figure, no timer moved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, DomainError
from meetingkit.models.session import LiveMeeting


def ready(live: LiveMeeting, clock: FakeClock) -> None:
    pass


def running(live: LiveMeeting, clock: FakeClock) -> None:
    live.apply("start_meeting")
    clock.advance(30)
    live.apply("speak", {"who": "ch"})
    clock.advance(30)


def paused(live: LiveMeeting, clock: FakeClock) -> None:
    running(live, clock)
    live.apply("pause")
    clock.advance(10)


def in_break(live: LiveMeeting, clock: FakeClock) -> None:
    running(live, clock)
    live.apply("start_break")
    clock.advance(10)


def after_break(live: LiveMeeting, clock: FakeClock) -> None:
    in_break(live, clock)
    live.apply("end_break")


def ended(live: LiveMeeting, clock: FakeClock) -> None:
    running(live, clock)
    live.apply("skip_break", {"reason": "Ended early"})
    live.apply("end_meeting")
    clock.advance(10)


Setup = Callable[[LiveMeeting, FakeClock], None]

CASES: list[tuple[Setup, str, object, str]] = [
    # before start_meeting
    (ready, "next_item", None, "has not started yet"),
    (ready, "start_item", {"item": "i2"}, "has not started yet"),
    (ready, "speak", {"who": "ch"}, "has not started yet"),
    (ready, "interject", {"who": "ch"}, "has not started yet"),
    (ready, "stop_speaking", None, "has not started yet"),
    (ready, "queue", {"who": "ch"}, "has not started yet"),
    (ready, "extend", {"seconds": 30}, "has not started yet"),
    (ready, "pause", None, "has not started yet"),
    (ready, "resume", None, "has not started yet"),
    (ready, "start_break", None, "has not started yet"),
    (ready, "postpone_break", None, "has not started yet"),
    (ready, "skip_break", {"reason": "x"}, "has not started yet"),
    (ready, "end_break", None, "has not started yet"),
    (ready, "feedback", {"who": "pr", "text": "x"}, "has not started yet"),
    (ready, "rebalance", {}, "has not started yet"),
    (ready, "end_meeting", None, "has not started yet"),
    # while running
    (running, "start_meeting", None, "already started"),
    (running, "speak", None, r"Say who \('who'\)"),
    (running, "speak", {"who": ""}, "Say who"),
    (running, "speak", {"who": 7}, "Say who"),
    (running, "speak", {"who": "zz"}, "Nobody with the key 'zz'"),
    (running, "speak", {"who": "ap"}, "Al Away is not here"),
    (running, "interject", {"who": "ap"}, "not here"),
    (running, "interject", {"who": "zz"}, "Nobody with the key"),
    (running, "queue", {"who": "zz"}, "Nobody with the key"),
    (running, "start_item", {"item": "i9"}, "no agenda item 'i9'"),
    (running, "start_item", {"item": "i1"}, "already under way"),
    (running, "start_item", None, "no agenda item"),
    (running, "skip_break", {"reason": " "}, "Give a reason"),
    (running, "end_break", None, "not under way"),
    (running, "resume", None, "not paused"),
    (running, "arrive", {"who": "zz"}, "Nobody with the key"),
    (running, "arrive", {"who": None}, "Say who arrived"),
    (running, "arrive", {"who": "ch"}, "already here"),
    (running, "leave", {"who": "ap"}, "not here"),
    (running, "note", {"text": ""}, "empty"),
    (running, "note", None, "empty"),
    (running, "note", {"text": "x", "replaces": 0}, "no note number 0"),
    (running, "decision", {"text": "x", "item": 3}, "no agenda item"),
    (running, "action", {"text": "x", "due": "31/12/2026"}, "not a date"),
    (running, "action_update", {"action": "A1", "status": "done"}, "no action 'A1'"),
    (running, "feedback", {"who": "pr"}, "empty"),
    (running, "feedback", {"who": "ap", "text": "x"}, "not here"),
    (running, "extend", {"seconds": 0}, "Extend by between"),
    (running, "unqueue", {"who": "m1"}, "not in the queue"),
    (running, "bogus", None, "Unknown command 'bogus'"),
    (running, "speak", ["ch"], "named fields"),
    # while paused
    (paused, "speak", {"who": "se"}, "paused"),
    (paused, "interject", {"who": "pr"}, "paused"),
    (paused, "next_item", None, "paused"),
    (paused, "start_item", {"item": "i2"}, "paused"),
    (paused, "start_break", None, "paused"),
    (paused, "pause", None, "already paused"),
    # during and after the break
    (in_break, "start_break", None, "already under way"),
    (in_break, "postpone_break", None, "already under way"),
    (in_break, "skip_break", {"reason": "x"}, "already under way"),
    (in_break, "stop_speaking", None, "Nobody is speaking"),
    (after_break, "start_break", None, "already been held"),
    (after_break, "end_break", None, "not under way"),
    (after_break, "skip_break", {"reason": "x"}, "already been held"),
    (after_break, "postpone_break", None, "already been held"),
    # after the end
    (ended, "start_meeting", None, "has ended"),
    (ended, "next_item", None, "has ended"),
    (ended, "speak", {"who": "ch"}, "has ended"),
    (ended, "pause", None, "has ended"),
    (ended, "end_meeting", None, "has ended"),
    (ended, "note", {"text": "x"}, "has ended"),
    (ended, "decision", {"text": "x"}, "has ended"),
    (ended, "action", {"text": "x"}, "has ended"),
    (ended, "arrive", {"who": "ap"}, "has ended"),
    (ended, "leave", {"who": "ch"}, "has ended"),
    (ended, "feedback", {"who": "pr", "text": "x"}, "has ended"),
]


@pytest.mark.parametrize(
    ("setup", "command", "payload", "match"),
    CASES,
    ids=[f"{s.__name__}-{c}-{i}" for i, (s, c, _, _) in enumerate(CASES)],
)
def test_refused_commands_change_nothing(
    live: LiveMeeting, clock: FakeClock, refused, setup: Setup, command: str, payload: object, match: str
) -> None:
    setup(live, clock)
    error = refused(live, command, payload, match=match)
    assert isinstance(error, DomainError)


def test_the_payload_is_not_changed_by_a_refusal(started: LiveMeeting, refused) -> None:
    payload = {"who": "zz"}
    refused(started, "speak", payload)
    assert payload == {"who": "zz"}


def test_next_item_after_the_last_item_is_refused(make_meeting, clock: FakeClock, refused) -> None:
    live = LiveMeeting(make_meeting(agenda=[AgendaItem("a", "A", 5)]), clock)
    live.apply("start_meeting")
    live.apply("skip_break", {"reason": "Short meeting"})
    live.apply("next_item")
    refused(live, "next_item", match="no more agenda items: end the meeting")
    refused(live, "postpone_break", match="was skipped")


def test_an_item_already_taken_cannot_be_started_again(started: LiveMeeting, refused) -> None:
    started.apply("next_item")
    refused(started, "start_item", {"item": "i1"}, match="'Welcome' has already been taken")


def test_events_cannot_go_back_in_time(started: LiveMeeting, clock: FakeClock, refused) -> None:
    clock.advance(60)
    started.apply("speak", {"who": "ch"})
    earlier = started.events[-1].at - timedelta(seconds=1)
    refused(started, "stop_speaking", at=earlier, match="back in time")


def test_an_event_time_without_a_zone_is_refused(started: LiveMeeting, refused) -> None:
    naive = started.events[-1].at.replace(tzinfo=None)
    refused(started, "pause", at=naive, match="time zone")


def test_a_clock_that_steps_back_does_not_reorder_events(started: LiveMeeting, clock: FakeClock) -> None:
    # The wall clock stepping back (an NTP correction) must not put an event before the one it follows.
    clock.advance(10)
    started.apply("speak", {"who": "ch"})
    clock.step_wall(-3600)
    started.apply("stop_speaking")
    assert started.events[-1].at >= started.events[-2].at
