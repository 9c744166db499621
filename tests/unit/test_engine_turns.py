"""Turns, interjections, the queue, attendance, and what the secretary records (DESIGN §2)."""

from __future__ import annotations

from datetime import date

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, Action
from meetingkit.models.session import LiveMeeting


def test_start_meeting_opens_the_first_item_and_starts_the_clock(live: LiveMeeting, clock: FakeClock) -> None:
    event = live.apply("start_meeting")
    assert (event.seq, event.type, event.payload) == (1, "start_meeting", {})
    assert event.at == clock.now_utc()
    assert (live.status, live.current) == ("running", "i1")
    clock.advance(42)
    assert live.elapsed() == pytest.approx(42)


def test_every_accepted_command_is_one_numbered_event(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(1.2345)
    started.apply("stop_speaking")
    assert [e.seq for e in started.events] == [1, 2, 3]
    assert started.events[-1].to_dict()["at"].endswith(".234+00:00")  # ms precision, UTC


def test_speak_ends_the_current_turn_and_starts_the_next(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(30)
    started.apply("speak", {"who": "se"})
    clock.advance(45)
    started.apply("speak", {"who": "se"})  # a second turn of the same person is a new turn
    clock.advance(15)
    started.apply("stop_speaking")
    assert [(s.who, s.seconds, s.item) for s in started.speeches] == [
        ("ch", 30.0, "i1"),
        ("se", 45.0, "i1"),
        ("se", 15.0, "i1"),
    ]
    fig = started.participation().person("se")
    assert (fig.turns, fig.seconds, fig.longest_s) == (2, 60.0, 45.0)


def test_a_speech_keeps_the_role_and_flag_of_the_moment(started: LiveMeeting) -> None:
    started.apply("speak", {"who": "cr"})
    s = started.speeches[0]
    assert (s.role, s.sector, s.patient_rep) == ("member", "voluntary sector", True)


def test_an_interjection_pauses_the_speaker_who_then_resumes(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(33)
    started.apply("interject", {"who": "pr"})
    assert started.speaker == "pr"
    clock.advance(24)
    started.apply("stop_speaking")
    assert started.speaker == "m1"  # the paused speaker has the floor again
    clock.advance(33)
    started.apply("speak", {"who": "se"})

    m1, pr = started.speeches[0], started.speeches[1]
    assert m1.seconds == pytest.approx(66)  # the 24 s of the interjection are left out
    assert m1.end - m1.start == pytest.approx(90)
    assert (pr.seconds, pr.interjection, pr.interrupts) == (24.0, True, "m1")
    part = started.participation()
    assert (part.person("m1").turns, part.person("m1").interjections_received) == (1, 1)
    assert (part.person("pr").turns, part.person("pr").interjections_made) == (1, 1)
    assert part.roles["patient_rep"].interjections_made == 1
    assert part.roles["member"].interjections_received == 1


def test_an_interjection_on_an_interjection_replaces_it(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(10)
    started.apply("interject", {"who": "pr"})
    clock.advance(5)
    started.apply("interject", {"who": "m2"})
    clock.advance(7)
    started.apply("stop_speaking")
    assert started.speaker == "m1"
    clock.advance(10)
    started.apply("stop_speaking")
    assert [(s.who, s.seconds, s.interrupts) for s in started.speeches] == [
        ("m1", 20.0, None),
        ("pr", 5.0, "m1"),
        ("m2", 7.0, "m1"),
    ]
    assert started.participation().person("m1").interjections_received == 2


def test_the_interjector_cannot_interject_again_on_the_same_speaker(started: LiveMeeting, refused) -> None:
    started.apply("speak", {"who": "m1"})
    started.apply("interject", {"who": "pr"})
    refused(started, "interject", {"who": "pr"}, match="already has the floor")


def test_the_paused_speaker_cannot_interject_on_their_interjector(started: LiveMeeting, refused) -> None:
    started.apply("speak", {"who": "m1"})
    started.apply("interject", {"who": "pr"})
    refused(started, "interject", {"who": "m1"}, match="already has the floor")


def test_interjecting_on_oneself_is_refused(started: LiveMeeting, refused) -> None:
    started.apply("speak", {"who": "m1"})
    refused(started, "interject", {"who": "m1"}, match="already has the floor")


def test_interjecting_with_nobody_speaking_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "interject", {"who": "pr"}, match="Nobody has the floor")


@pytest.mark.parametrize(
    ("command", "payload"),
    [
        ("speak", {"who": "se"}),
        ("next_item", None),
        ("start_item", {"item": "i4"}),
        ("start_break", None),
        ("end_meeting", None),
    ],
)
def test_commands_that_end_both_the_interjection_and_the_paused_turn(
    started: LiveMeeting, clock: FakeClock, command: str, payload: dict | None
) -> None:
    if command == "end_meeting":
        started.apply("skip_break", {"reason": "Ended early"})
    started.apply("speak", {"who": "m1"})
    clock.advance(10)
    started.apply("interject", {"who": "pr"})
    clock.advance(5)
    started.apply(command, payload)
    assert started.held is None
    first, second = started.speeches[0], started.speeches[1]
    assert (first.end, second.end) == (started._last_t, started._last_t)
    assert (first.seconds, second.seconds) == (10.0, 5.0)


def test_end_break_ends_both_turns_too(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("start_break")
    started.apply("speak", {"who": "m1"})
    started.apply("interject", {"who": "pr"})
    clock.advance(5)
    started.apply("end_break")
    assert started.turn is None and started.held is None
    assert all(s.end is not None and s.item == BREAK for s in started.speeches)


def test_stop_speaking_with_nobody_speaking_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "stop_speaking", match="Nobody is speaking")


# ---- attendance -----------------------------------------------------------------------------------------


def test_someone_who_sent_apologies_can_arrive_and_then_speak(started: LiveMeeting, refused) -> None:
    refused(started, "speak", {"who": "ap"}, match="Al Away is not here")
    started.apply("arrive", {"who": "ap"})
    started.apply("speak", {"who": "ap"})
    assert started.speaker == "ap"
    assert "Al Away" in [p.name for p in started.present_people()]


def test_arriving_twice_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "arrive", {"who": "ch"}, match="already here")


def test_someone_who_left_cannot_speak_but_still_counts_as_present(
    started: LiveMeeting, clock: FakeClock, refused
) -> None:
    started.apply("speak", {"who": "m2"})
    clock.advance(20)
    started.apply("leave", {"who": "m2"})  # their turn ends as they go
    assert started.turn is None
    assert started.speeches[0].seconds == 20.0
    refused(started, "speak", {"who": "m2"}, match="not here")
    refused(started, "leave", {"who": "m2"}, match="not here")
    assert "Meg Member" in [p.name for p in started.present_people()]


def test_the_interjector_leaving_gives_the_floor_back(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    started.apply("interject", {"who": "pr"})
    clock.advance(5)
    started.apply("leave", {"who": "pr"})
    assert started.speaker == "m1" and started.held is None
    clock.advance(5)
    assert started.speaker_timer().elapsed_s == pytest.approx(5)


def test_the_paused_speaker_leaving_ends_their_turn(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(5)
    started.apply("interject", {"who": "pr"})
    started.apply("leave", {"who": "m1"})
    assert started.speaker == "pr" and started.held is None
    assert started.speeches[0].end is not None
    started.apply("stop_speaking")
    assert started.turn is None


# ---- the queue ----------------------------------------------------------------------------------------


def test_queue_and_unqueue(started: LiveMeeting, refused) -> None:
    started.apply("queue", {"who": "m1"})
    started.apply("queue", {"who": "pr"})
    refused(started, "queue", {"who": "m1"}, match="already in the queue")
    refused(started, "queue", {"who": "ap"}, match="not here")
    started.apply("unqueue", {"who": "m1"})
    assert started.queue == ["pr"]
    refused(started, "unqueue", {"who": "m1"}, match="not in the queue")
    started.apply("speak", {"who": "pr"})  # given the floor: off the queue
    assert started.queue == []


def test_leaving_takes_someone_off_the_queue(started: LiveMeeting) -> None:
    started.apply("queue", {"who": "m1"})
    started.apply("leave", {"who": "m1"})
    assert started.queue == []


# ---- notes, decisions, actions, feedback -----------------------------------------------------------------


def test_notes_and_decisions_attach_to_the_current_item_or_the_one_named(started: LiveMeeting) -> None:
    assert started.apply("note", {"text": "  Quorum present  "}).payload == {
        "text": "Quorum present",
        "item": "i1",
    }
    started.apply("decision", {"text": "Minutes approved", "item": "i2"})
    started.apply("start_break")
    started.apply("note", {"text": "Representatives asked for plain English"})
    assert [(n.text, n.item) for n in started.notes] == [
        ("Quorum present", "i1"),
        ("Representatives asked for plain English", BREAK),
    ]
    assert [(d.text, d.item) for d in started.decisions] == [("Minutes approved", "i2")]


def test_a_note_for_an_unknown_item_or_without_text_is_refused(started: LiveMeeting, refused) -> None:
    refused(started, "note", {"text": "x", "item": "i9"}, match="no agenda item 'i9'")
    refused(started, "note", {"text": "   "}, match="empty")
    refused(started, "decision", {"text": 42}, match="must be text")
    refused(started, "note", {"text": "a\x00b"}, match="null character")


def test_a_note_can_be_edited_and_keeps_its_item(started: LiveMeeting) -> None:
    started.apply("note", {"text": "Draft"})
    started.apply("next_item")
    event = started.apply("note", {"text": "Final wording", "replaces": 0})
    assert event.payload == {"text": "Final wording", "item": "i1", "replaces": 0}
    assert [(n.text, n.item) for n in started.notes] == [("Final wording", "i1")]


def test_actions_get_keys_and_link_to_feedback(started: LiveMeeting) -> None:
    first = started.apply("action", {"text": "Circulate the slides", "owner": "se", "due": "2026-07-01"})
    assert first.payload == {
        "text": "Circulate the slides",
        "key": "SB-1",  # the series' initials and a running number
        "source": "meeting",
        "item": "i1",
        "owner": "se",
        "due": "2026-07-01",
    }
    started.apply("feedback", {"who": "pr", "text": "Patients were not asked about transport"})
    second = started.apply("action", {"text": "Ask patients about transport", "feedback": 0})
    assert (second.payload["key"], second.payload["source"]) == ("SB-2", "patient_feedback")
    assert started.feedback[0].action == "SB-2"
    assert started.actions["SB-1"].due == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        ({"text": "x", "due": "next week"}, "not a date"),
        ({"text": "x", "source": "rumour"}, "source must be one of"),
        ({"text": "x", "feedback": 3}, "no feedback number 3"),
        ({"text": "x", "key": "  "}, "key must be text"),
        ({"text": ""}, "empty"),
        ({"text": "x", "owner": 7}, "must be text"),
    ],
)
def test_bad_actions_are_refused(started: LiveMeeting, refused, payload: dict, match: str) -> None:
    refused(started, "action", payload, match=match)


def test_an_action_key_is_unique_in_the_series(clock: FakeClock, meeting) -> None:
    earlier = Action("K1", "From last time", owner="se")
    live = LiveMeeting(meeting, clock, prior_actions=[earlier], key_prefix="K")
    live.apply("start_meeting")
    assert live.apply("action", {"text": "New"}).payload["key"] == "K2"  # K1 is taken by the earlier meeting
    with pytest.raises(Exception, match="already an action 'K1'"):
        live.apply("action", {"text": "Again", "key": "K1"})


def test_action_updates_record_what_was_done(clock: FakeClock, meeting, refused) -> None:
    earlier = Action("K1", "From last time", owner="se")
    live = LiveMeeting(meeting, clock, prior_actions=[earlier])
    live.apply("start_meeting")
    live.apply("action_update", {"action": "K1", "status": "done", "note": "Sent on 3 June"})
    assert earlier.status == "done" and earlier.updates[0].note == "Sent on 3 June"
    refused(live, "action_update", {"action": "K9", "status": "done"}, match="no action 'K9'")
    refused(live, "action_update", {"action": "K1", "status": "finished"}, match="status must be one of")


def test_feedback_is_for_people_present_and_marks_the_break(started: LiveMeeting, refused) -> None:
    refused(started, "feedback", {"who": "ap", "text": "x"}, match="not here")
    started.apply("feedback", {"who": "pr", "text": "Before the break"})
    started.apply("start_break")
    started.apply("feedback", {"who": "cr", "text": "In the break"})
    assert [(f.who, f.in_break) for f in started.feedback] == [("pr", False), ("cr", True)]


def test_nothing_is_recorded_after_the_meeting_ends(started: LiveMeeting, refused) -> None:
    started.apply("skip_break", {"reason": "Ended early"})
    started.apply("end_meeting")
    for command, payload in [
        ("speak", {"who": "ch"}),
        ("note", {"text": "late"}),
        ("action", {"text": "late"}),
        ("arrive", {"who": "ap"}),
        ("start_meeting", None),
        ("end_meeting", None),
    ]:
        refused(started, command, payload, match="has ended")
