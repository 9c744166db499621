"""The life of the minutes in the engine and the record (DESIGN §5, §6): declarations, corrections while
draft, approval of the previous meeting's minutes, and a record with them replaying to the same figures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from meetingkit.models import record
from meetingkit.models.meeting import Approval, DomainError, PreviousMinutes
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from tests.unit.test_minutes_pdf import first_meeting, small_record


def replay(data: dict[str, Any], **kw: Any) -> LiveMeeting:
    return record.replay(record.parse(json.dumps(data)), **kw)


def ended() -> LiveMeeting:
    data = first_meeting()
    data["events"].insert(1, {"t": 30, "do": "declaration", "who": "me", "text": "I chair the carers' trust"})
    data["events"].insert(2, {"t": 40, "do": "note", "text": "Agreed the agenda"})
    data["events"].insert(3, {"t": 50, "do": "decision", "text": "Go ahead"})
    return replay(data)


def test_a_declaration_is_recorded_against_the_current_item() -> None:
    live = ended()
    (d,) = live.declarations
    assert (d.who, d.text, d.item) == ("me", "I chair the carers' trust", "a")


def test_a_declaration_needs_someone_present_and_a_started_meeting() -> None:
    data = small_record([{"t": 0, "do": "declaration", "who": "me", "text": "x"}])
    with pytest.raises(record.RecordError, match="not started"):
        replay(data)


def test_a_declaration_missed_in_the_room_is_added_while_the_minutes_are_draft_only() -> None:
    live = ended()
    live.apply("declaration", {"who": "me", "text": "Also a governor of the hospice"})
    assert [(d.who, d.text, d.item) for d in live.declarations][1] == (
        "me",
        "Also a governor of the hospice",
        None,  # after the end no item is under way: it stands for the meeting as a whole
    )
    live.apply("minutes_approved", {"own": True})
    with pytest.raises(DomainError, match="approved"):
        live.apply("declaration", {"who": "me", "text": "late"})
    assert len(live.declarations) == 2


def test_corrections_after_the_end_change_the_words_and_keep_the_original_event() -> None:
    live = ended()
    live.apply("correct", {"target": "note:0", "text": "Agreed the agenda, with item 2 first"})
    live.apply("correct", {"target": "decision:0", "withdrawn": True})
    live.apply("correct", {"target": "action:K2", "text": "Audit all referrals", "owner": "ch", "due": ""})
    live.apply("correct", {"target": "declaration:0", "text": "I am a trustee of the carers' trust"})
    live.apply("correct", {"target": "feedback:0", "text": "Carers never hear the discharge date"})
    assert live.notes[0].text == "Agreed the agenda, with item 2 first"
    assert live.decisions[0].withdrawn
    a = live.actions["K2"]
    assert (a.text, a.owner, a.due) == ("Audit all referrals", "ch", None)
    assert live.declarations[0].text == "I am a trustee of the carers' trust"
    assert live.feedback[0].text == "Carers never hear the discharge date"
    # the log keeps what was said in the room
    assert [e.payload["text"] for e in live.events if e.type == "note"] == ["Agreed the agenda"]
    assert live.minutes_status == "draft"


@pytest.mark.parametrize(
    ("payload", "match"),
    [
        ({"target": "note:7", "text": "x"}, "no note number 7"),
        ({"target": "action:ZZ", "text": "x"}, "no action 'ZZ'"),
        ({"target": "speech:0", "text": "x"}, "Say what to correct"),
        ({"target": "note:0"}, "corrected words"),
        ({"target": "note:0", "withdrawn": "yes"}, "true or false"),
        # an owner as long as the action itself refuses (a name: at most 200 characters, DESIGN §6)
        ({"target": "action:K2", "owner": "x" * 201}, "201 characters long; at most 200"),
    ],
)
def test_bad_corrections_are_refused_in_words(payload: dict[str, Any], match: str) -> None:
    live = ended()
    before = len(live.events)
    with pytest.raises(DomainError, match=match):
        live.apply("correct", payload)
    assert len(live.events) == before


def test_no_correction_while_running_or_once_approved() -> None:
    data = small_record([{"t": 0, "do": "start_meeting"}, {"t": 5, "do": "note", "text": "n"}])
    running = replay(data)
    with pytest.raises(DomainError, match="after the meeting ends"):
        running.apply("correct", {"target": "note:0", "text": "m"})
    live = ended()
    live.apply("minutes_approved", {"own": True, "amendments": "Item 2 reworded"})
    assert live.minutes_status == "approved" and live.approval.amendments == "Item 2 reworded"
    with pytest.raises(DomainError, match="approved"):
        live.apply("correct", {"target": "note:0", "text": "m"})
    with pytest.raises(DomainError, match="already approved"):
        live.apply("minutes_approved", {"own": True})


def test_a_withdrawn_entry_cannot_be_corrected_again() -> None:
    live = ended()
    live.apply("correct", {"target": "feedback:0", "withdrawn": True})
    with pytest.raises(DomainError, match="withdrawn"):
        live.apply("correct", {"target": "feedback:0", "text": "again"})


def test_the_next_meeting_approves_the_previous_minutes_once() -> None:
    previous = PreviousMinutes("2026-03-02T09:30:00+00:00", "Small board")
    data = small_record([{"t": 0, "do": "start_meeting"}])
    live = replay(data, previous_minutes=previous)
    ev = live.apply("minutes_approved", {"amendments": "Spelling of a name"})
    assert ev.payload == {
        "approves": "2026-03-02T09:30:00+00:00",
        "title": "Small board",
        "amendments": "Spelling of a name",
    }
    assert previous.approved
    with pytest.raises(DomainError, match="already approved at this meeting"):
        live.apply("minutes_approved", {})


def test_approval_is_refused_when_there_is_nothing_to_approve() -> None:
    live = replay(small_record([{"t": 0, "do": "start_meeting"}]))
    with pytest.raises(DomainError, match="no earlier meeting"):
        live.apply("minutes_approved", {})
    done = replay(
        small_record([{"t": 0, "do": "start_meeting"}]),
        previous_minutes=PreviousMinutes("2026-03-02T09:30:00+00:00", "Small board", approved=True),
    )
    with pytest.raises(DomainError, match="already approved"):
        done.apply("minutes_approved", {})


def test_minutes_approved_elsewhere_cannot_be_corrected() -> None:
    data = first_meeting()
    live = record.replay(record.parse(json.dumps(data)))
    fresh = LiveMeeting.rebuild(live.meeting, live.events, live.clock, approval=Approval(0.0, "", "x"))
    with pytest.raises(DomainError, match="approved"):
        fresh.apply("correct", {"target": "feedback:0", "text": "x"})


def test_a_record_with_the_new_events_replays_to_the_same_figures() -> None:
    live = ended()
    live.apply("correct", {"target": "note:0", "text": "Corrected"})
    live.apply("correct", {"target": "feedback:0", "withdrawn": True})
    live.apply("minutes_approved", {"own": True, "amendments": "None"})
    doc = record.write(live)
    again = record.replay(record.parse(json.dumps(doc)))
    assert [(e.type, e.payload) for e in again.events] == [(e.type, e.payload) for e in live.events]
    assert MeetingSummary.of(again, 1).to_json() == MeetingSummary.of(live, 1).to_json()
    assert again.notes[0].text == "Corrected" and again.feedback[0].withdrawn
    assert again.minutes_status == "approved"
    # an approval of earlier minutes, recorded in a meeting, replays as history without the earlier meeting
    later = replay(
        small_record([{"t": 0, "do": "start_meeting"}]), previous_minutes=PreviousMinutes("S", "T")
    )
    later.apply("minutes_approved", {})
    again = record.replay(record.parse(json.dumps(record.write(later))))
    assert again.gave_approval is not None and again.gave_approval["approves"] == "S"
