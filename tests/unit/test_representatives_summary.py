"""The summary for representatives as plain data (DESIGN §5 "For representatives"): the figures the review and
the minutes show, said in words, and the minutes' own "you said, we did"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import AgendaItem, Attendee, DomainError, Meeting
from meetingkit.models.representatives_summary import (
    PULSE_KEY,
    VOICE_KEY,
    in_words,
    representatives_summary,
)
from meetingkit.models.review_text import airtime, percent
from meetingkit.models.session import LiveMeeting
from meetingkit.models.you_said_we_did import you_said_we_did
from tests.conftest import EXAMPLE_RECORD
from tests.review_records import silent_rep

START = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)


def example() -> LiveMeeting:
    return record.replay(record.parse(EXAMPLE_RECORD.read_bytes()))


def test_the_example_meeting_in_plain_words() -> None:
    live = example()
    s = representatives_summary(live)
    p = live.participation()
    voice = s.section(VOICE_KEY)
    # The one rounding of every view: the same percentage and times as the review window and the minutes.
    assert f"representatives spoke for {airtime(p.public_main_s)} of" in voice.lines[0]
    assert f": {percent(p.patient_voice_share)} of the time" in voice.lines[0]
    assert percent(p.patient_voice_share) == "13.4%"
    assert any(
        f"{percent(p.patient_voice_share_with_break)} of all speaking time" in line for line in voice.lines
    )
    assert [pt.split(":")[0] for pt in voice.points] == ["Eileen Foster", "Graham Lee"]
    text = s.text()
    assert "Gini" not in text and "coefficient" not in text
    balance = s.section("balance").lines[0]
    assert balance.endswith(
        "present spoke for half of the time in the main discussion (if everyone had had the"
        " same time, that would have taken 4 of them)."
    )
    feedback = s.section("feedback")
    # The two pieces of feedback, and the action agreed from feedback whose words were not recorded (as the
    # minutes' "You said, we did" has them).
    assert len(feedback.points) == 3
    assert all(pt.startswith("At this meeting, ") for pt in feedback.points)
    assert feedback.points[1] == (
        "At this meeting, Eileen Foster said: “Feedback from p1: we heard a lot about process, less about "
        "patients.” No action yet."
    )
    assert s.draft == "" and s.altered == ""


def test_feedback_is_the_minutes_own_list() -> None:
    """Not computed twice: the summary's points follow `you_said_we_did`, the list the minutes' table shows."""
    live = example()
    entries = you_said_we_did(live, [], [])
    points = representatives_summary(live).section("feedback").points
    assert len(points) == len(entries)
    for e, point in zip(entries, points, strict=True):
        assert " ".join((e.said or "").split()) in point
        if e.action is not None:
            assert e.action.key in point
        else:
            assert point.endswith("No action yet.")


def _meeting(people: list[Attendee]) -> Meeting:
    return Meeting(
        "Board <b>& co</b>",
        START,
        "Board series",
        "Room 1",
        people=people,
        agenda=[AgendaItem("i1", "Budget", 20), AgendaItem("i2", "Waiting lists", 20)],
    )


def _run(live: LiveMeeting, steps: list[tuple[str, float, dict[str, object] | None]]) -> None:
    at = START
    for cmd, seconds, body in steps:
        at += timedelta(seconds=seconds)
        live.apply(cmd, body, at=at)


def test_a_meeting_with_no_representative_present_says_so_plainly() -> None:
    people = [
        Attendee("ch", "Chair Person", role="chair"),
        Attendee("m1", "Member One"),
        Attendee("pr", "Absent Rep", role="patient_rep", patient_rep=True, attendance="apologies"),
    ]
    live = LiveMeeting(_meeting(people), FakeClock(START))
    _run(
        live,
        [
            ("start_meeting", 0, None),
            ("speak", 1, {"who": "ch"}),
            ("skip_break", 600, {"reason": "No representative came"}),
            ("next_item", 0, None),
            ("speak", 1, {"who": "m1"}),
            ("end_meeting", 300, None),
        ],
    )
    s = representatives_summary(live)
    voice = s.section(VOICE_KEY)
    assert voice.lines[0] == (
        "No patient or public representative was recorded as present at this meeting, so there was no patient "
        "or public voice in the room."
    )
    assert voice.lines[1] == "The feedback break was skipped. The reason given: No representative came."
    assert voice.points == []
    assert s.section("items").lines == [
        "With no representative present, none of the 2 items discussed had a patient or public voice."
    ]
    assert s.section("not_heard").lines == ["Everyone present spoke in the main discussion."]
    assert s.section("balance").lines[0] == (
        "One of the 2 people present spoke for half of the time in the main discussion, as many as if everyone "
        "had had the same time."
    )
    assert s.section("feedback").lines == [
        "No feedback from representatives has been recorded in this series yet."
    ]


def test_who_was_not_heard_and_the_items_without_a_representative() -> None:
    people = [
        Attendee("ch", "Chair Person", role="chair"),
        Attendee("m1", "Member One"),
        Attendee("m2", "Silent Member"),
        Attendee("pr", "Pat Rep", role="patient_rep", patient_rep=True),
    ]
    live = LiveMeeting(_meeting(people), FakeClock(START))
    _run(
        live,
        [
            ("start_meeting", 0, None),
            ("speak", 1, {"who": "ch"}),
            ("speak", 300, {"who": "m1"}),
            ("postpone_break", 1, None),
            ("next_item", 300, None),
            ("speak", 1, {"who": "pr"}),
            ("stop_speaking", 60, None),
            ("speak", 1, {"who": "ch"}),
            ("stop_speaking", 60, None),
        ],
    )
    s = representatives_summary(live, now=live.now())
    assert s.draft == "The meeting is still running: these are the figures so far, not the final ones."
    assert s.section("items").lines == ["No representative spoke in 1 of the 2 items discussed:"]
    assert s.section("items").points == ["Budget"]
    assert s.section("not_heard").lines == [
        "One of the 4 people present did not speak in the main discussion:"
    ]
    assert s.section("not_heard").points == ["Silent Member"]


def test_before_the_start_there_is_nothing_to_summarise() -> None:
    live = LiveMeeting(_meeting([Attendee("ch", "Chair Person", role="chair")]), FakeClock(START))
    with pytest.raises(DomainError, match="has not started"):
        representatives_summary(live)


def test_the_pulse_has_its_place_after_the_voice_figures() -> None:
    s = representatives_summary(example())
    keys = [x.key for x in s.sections]
    assert keys[keys.index(VOICE_KEY) + 1] == PULSE_KEY
    assert s.section(PULSE_KEY).heading == "Were you heard?"


def test_long_lists_are_cut_short_saying_so() -> None:
    s = representatives_summary(example())
    s.section("feedback").points *= 5
    short = s.shortened({"feedback": 3, "items": 1})
    assert short.section("feedback").points == s.section("feedback").points[:3]
    assert short.section("feedback").more == "…and 12 more: the minutes list them all."
    assert s.section("feedback").more == ""  # the original is left whole
    assert short.section("items").points == s.section("items").points[:1]
    assert short.section(VOICE_KEY).points == s.section(VOICE_KEY).points  # not named: whole


@pytest.mark.parametrize(
    ("share", "words"),
    [
        (0.0, "none of it"),
        (0.021, "about 1 minute in every 48"),
        (0.134, "about 1 minute in every 7"),
        (0.204, "about 2 minutes in every 10"),
        (0.5, "about 5 minutes in every 10"),
        (0.001, "less than 1 minute in every 100"),
        (0.97, "almost all of it"),
    ],
)
def test_shares_in_words(share: float, words: str) -> None:
    assert in_words(share) == words


def test_markup_and_odd_names_stay_plain_text() -> None:
    people = [
        Attendee("ch", "<b>Chair</b> & <img src='x'/>", role="chair"),
        Attendee("pr", "Zoë Łukasz 李雷", role="patient_rep", patient_rep=True),
    ]
    live = LiveMeeting(_meeting(people), FakeClock(START))
    _run(live, [("start_meeting", 0, None), ("speak", 1, {"who": "ch"}), ("stop_speaking", 60, None)])
    s = representatives_summary(live)
    assert s.meeting_title == "Board <b>& co</b>"
    assert "<b>Chair</b> & <img src='x'/>" in s.section("balance").lines[1]
    assert "Zoë Łukasz 李雷: did not speak in the main discussion." in s.section(VOICE_KEY).points[0]


def test_an_action_withdrawn_after_the_meeting_is_not_what_we_did() -> None:
    """'You said, we did' (the minutes' and the summary's): feedback whose action was corrected away reads
    'No action yet', and an action from feedback that was withdrawn is not listed as done for them."""
    people = [
        Attendee("ch", "Chair Person", role="chair"),
        Attendee("pr", "Pat Rep", role="patient_rep", patient_rep=True),
    ]
    live = LiveMeeting(_meeting(people), FakeClock(START))
    _run(
        live,
        [
            ("start_meeting", 0, None),
            ("speak", 1, {"who": "pr"}),
            ("feedback", 60, {"who": "pr", "text": "Too much jargon"}),
            ("action", 5, {"text": "Plain-English glossary", "owner": "ch", "feedback": 0}),
            ("action", 5, {"text": "Wrongly typed", "source": "patient_feedback"}),
            ("skip_break", 5, {"reason": "Short"}),
            ("end_meeting", 5, None),
        ],
    )
    keys = list(live.actions)
    assert [e.action.key if e.action else None for e in you_said_we_did(live, [], [])] == keys
    for key in keys:
        live.apply("correct", {"target": f"action:{key}", "withdrawn": True}, at=START + timedelta(hours=1))
    entries = you_said_we_did(live, [], [])
    assert [(e.said, e.action) for e in entries] == [("Too much jargon", None)]
    assert representatives_summary(live).section("feedback").points == [
        "At this meeting, Pat Rep said: “Too much jargon”. No action yet."
    ]


def test_a_representative_present_who_never_spoke() -> None:
    s = representatives_summary(record.replay(record.parse(silent_rep())))
    voice = s.section(VOICE_KEY)
    assert voice.lines[0] == (
        "Representatives did not speak in the main discussion (1 h 01 min of discussion, the feedback break left out)."
    )
    assert voice.lines[1] == "The feedback break was skipped. The reason given: Room booked until 11."
    assert voice.points == ["Pat Rep: did not speak in the main discussion."]
    assert s.section("items").lines == ["No representative spoke in any of the 4 items discussed:"]
    assert s.section("not_heard").points == ["Pat Rep (patient and public representative)"]
