"""The console's pieces without widgets: the queue model and its commands, the faces of the timers, the words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from meetingkit.clock import FakeClock
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.palette import (
    BANNERS,
    MIN_CONTRAST,
    OVER_TEXT,
    PERSON_AWAY,
    PERSON_HERE,
    STATES,
    WINDOW,
    contrast_ratio,
)
from meetingkit.ui.console.break_prompt import DUE_OUTLOOK, break_mode
from meetingkit.ui.console.ended_summary import ended_summary
from meetingkit.ui.console.notice_bars import clock_gap_text, save_problem_text
from meetingkit.ui.console.queue_model import (
    KEY_ROLE,
    QueueModel,
    match_people,
    moved,
    queue_rows,
    reorder_commands,
)
from meetingkit.ui.console.rebalance_offer import describe_proposal
from meetingkit.ui.console.status_line import describe_event
from meetingkit.ui.console.timer_faces import forecast_face, item_face, speaker_face
from tests.ui.console_meeting import board


@pytest.fixture
def live(clock: FakeClock) -> LiveMeeting:
    live = LiveMeeting(board(clock), clock)
    live.apply("start_meeting")
    return live


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the classic AA grey


@pytest.mark.parametrize("state", sorted(STATES))
def test_every_timer_state_reads_at_seven_to_one_or_better(state: str) -> None:
    style = STATES[state]
    assert contrast_ratio(style.foreground, style.background) >= MIN_CONTRAST
    assert style.words and style.icon  # never colour alone


def test_the_consoles_other_colours_read_at_seven_to_one_or_better() -> None:
    pairs = [*BANNERS.values(), PERSON_HERE, PERSON_AWAY, (WINDOW, OVER_TEXT), ("#FFFFFF", OVER_TEXT)]
    for background, foreground in pairs:
        assert contrast_ratio(foreground, background) >= MIN_CONTRAST, (foreground, background)


def test_every_state_has_its_own_words_and_icon() -> None:
    assert len({s.words for s in STATES.values()}) == len(STATES)
    assert len({s.icon for s in STATES.values()}) == len(STATES)


def test_queue_model_rows_and_keys(live: LiveMeeting, clock: FakeClock) -> None:
    live.apply("speak", {"who": "p1"})
    clock.advance(75)
    live.apply("queue", {"who": "m2"})
    live.apply("queue", {"who": "p1"})
    model = QueueModel()
    model.set_rows(queue_rows(live, live.now()))
    assert model.rowCount() == 2 and model.columnCount() == 3
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert cells == [["1", "Claire Dunne", "0:00"], ["2", "Eileen Foster (public voice)", "1:15"]]
    assert model.index(1, 0).data(KEY_ROLE) == "p1"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Spoken"
    assert "patient or public representative" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_queue_model_keeps_its_rows_when_only_times_change(
    live: LiveMeeting, clock: FakeClock, qtbot
) -> None:
    live.apply("queue", {"who": "m2"})
    model = QueueModel()
    model.set_rows(queue_rows(live, live.now()))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_rows([r.__class__(r.key, r.name, r.public_voice, 30.0) for r in model.rows()])
    assert model.index(0, 2).data() == "0:30"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([])
    assert model.rowCount() == 0


def test_reordering_the_queue_leaves_the_unchanged_front_alone() -> None:
    assert reorder_commands(["a", "b", "c", "d"], ["a", "c", "b", "d"]) == [
        ("unqueue", "b"),
        ("unqueue", "c"),
        ("unqueue", "d"),
        ("queue", "c"),
        ("queue", "b"),
        ("queue", "d"),
    ]
    assert reorder_commands(["a", "b"], ["a", "b"]) == []
    with pytest.raises(ValueError):
        reorder_commands(["a"], ["b"])
    assert moved(["a", "b", "c"], "c", -1) == ["a", "c", "b"]
    assert moved(["a", "b", "c"], "a", -1) == ["a", "b", "c"]  # already at the front
    assert moved(["a", "b", "c"], "a", 5) == ["b", "c", "a"]


def test_finding_people_by_name(live: LiveMeeting) -> None:
    assert [p.name for p in match_people(live, "LEE")] == [
        "Eileen Foster",
        "Graham Lee",
    ]  # any case, anywhere
    assert [p.name for p in match_people(live, "dr")] == [
        "Dr Rachel Hughes",
        "Dr Anil Kapoor",
        "Dr Lucy Webb",
    ]
    assert [p.name for p in match_people(live, "an")][
        0
    ] == "Dr Anil Kapoor"  # "Dunne", "Ben" and others follow
    assert match_people(live, "tariq") == []  # sent apologies: not here to queue
    assert match_people(live, "  ") == []


def test_speaker_face_in_each_state(live: LiveMeeting, clock: FakeClock) -> None:
    assert speaker_face(live, live.now()).state == "idle"
    live.apply("speak", {"who": "p1"})
    clock.advance(10)
    face = speaker_face(live, live.now())
    assert (face.state, face.words, face.name, face.time_text) == (
        "speaking",
        "Speaking",
        "Eileen Foster",
        "2:50",
    )
    live.apply("interject", {"who": "m3"})
    face = speaker_face(live, live.now())
    assert (face.name, face.detail) == ("Steve Marsh", "Interjection — Eileen Foster waits (2:50)")
    live.apply("pause")
    assert speaker_face(live, live.now()).state == "paused"
    live.apply("resume")
    live.apply("start_break")
    face = speaker_face(live, live.now())
    assert (face.state, face.words, face.time_text) == ("break", "Feedback break", "10:00")
    live.apply("end_meeting")
    assert speaker_face(live, live.now()).state == "ended"


def test_item_and_forecast_faces(live: LiveMeeting, clock: FakeClock) -> None:
    clock.advance(3 * 60)  # a 5-minute item warns a minute before its end: min(120 s, max(30 s, 0.2 P))
    face = item_face(live, live.now())
    assert (face.title, face.time_text, face.words) == ("Welcome and apologies", "2:00 left", "On plan")
    assert face.position == "Item 1 of 6 · 5:00 planned"
    clock.advance(3 * 60)
    face = item_face(live, live.now())
    assert (face.state, face.time_text, face.words) == ("over", "+1:00 over", "Over plan")
    fc = forecast_face(live, live.now())
    assert fc.forecast == "over by 1 min — finish 11:26"
    assert fc.clock == "Meeting time 6:00 · now 10:06"
    assert fc.next_up == "Next: Review of actions (10:00)"


def test_break_modes_follow_the_engines_outlook(live: LiveMeeting) -> None:
    assert break_mode(live, live.break_outlook()) == "quiet"
    live.apply("start_item", {"item": "i3"})
    assert live.break_outlook() == DUE_OUTLOOK
    assert break_mode(live, live.break_outlook()) == "due"
    live.apply("postpone_break")
    assert break_mode(live, live.break_outlook()) == "quiet"
    live.apply("start_break")
    assert break_mode(live, live.break_outlook()) == "running"
    live.apply("end_break")
    assert break_mode(live, live.break_outlook()) == "done"


def test_words_for_the_chair(live: LiveMeeting, clock: FakeClock) -> None:
    assert describe_event(live, live.apply("speak", {"who": "p2"})) == "Graham Lee has the floor"
    assert (
        describe_event(live, live.apply("interject", {"who": "m1"}))
        == "Dr Anil Kapoor interjects; Graham Lee waits"
    )
    assert describe_event(live, live.apply("stop_speaking")) == "Graham Lee continues"
    assert describe_event(live, live.apply("note", {"text": "x"})) is None  # the secretary's, not the chair's
    assert save_problem_text("Not saved yet (3 change(s) waiting): database or disk is full") == (
        "Not saved: database or disk is full (3 changes waiting) — the meeting continues;"
        " changes will be saved when possible"
    )
    assert (
        clock_gap_text(12 * 60 + 5) == "The computer slept for 12 min; the meeting clock includes that time"
    )
    assert clock_gap_text(40) == "The computer slept for 40 s; the meeting clock includes that time"
    clock.advance(600)
    live.apply("skip_break", {"reason": "Ended early"})
    live.apply("end_meeting")
    summary = ended_summary(live)
    # What was never reached is said too (issue 12: "on time" had hidden a lost next steps).
    assert summary.startswith(
        "Meeting ended at 10:10: 10 min from start to end, 75 min early. Not reached: Review of actions, "
    )
    assert summary.endswith(
        "Next steps. "
        "Patient and public voice: 100% of the main discussion (outside the feedback break). "
        "Not heard: Dr Rachel Hughes, Ben Carter, Eileen Foster, Claire Dunne and 2 more."
    )


def test_a_proposal_in_words(live: LiveMeeting, clock: FakeClock) -> None:
    live.apply("start_item", {"item": "i3"})
    live.apply("postpone_break")
    clock.advance(60 * 60)
    proposal = live.rebalance_proposal()
    assert proposal is not None
    text = describe_proposal(live, proposal)
    assert text.endswith("; protected items and the feedback break keep their time.")
    assert "Next steps" not in text  # protected: untouched
    assert "Review of actions" not in text
