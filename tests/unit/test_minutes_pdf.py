"""The PDF minutes, read back with pypdf and checked against the meeting and its MeetingSummary figures."""

from __future__ import annotations

import copy
import io
import json
import re
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab import rl_config
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import ROLE_LABELS, ActionUpdate, AgendaItem, Attendee, Meeting
from meetingkit.models.redaction import PeopleNames, initials, name_parts
from meetingkit.models.review_text import airtime
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.minutes_blocks import ChartBar
from meetingkit.reports.minutes_pdf import write_minutes
from meetingkit.reports.participation_chart import top_bars
from meetingkit.reports.report_text import clock_time, duration, markup, share

# ---- reading a PDF back -----------------------------------------------------------------------------------


def render(live: LiveMeeting, **options: Any) -> bytes:
    buf = io.BytesIO()
    write_minutes(buf, live, **options)
    return buf.getvalue()


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace runs as one space: table cells and wrapped lines read as the text that was typed."""
    return " ".join(text.split())


def bare(text: str) -> str:
    """No whitespace at all: a word too long for its column is broken across lines."""
    return "".join(text.split())


def text_of(pdf: bytes) -> str:
    return flat(" ".join(pages_of(pdf)))


def between(text: str, start: str, end: str | None) -> str:
    """The part of the minutes from one section heading to the next."""
    i = text.index(start)
    j = text.index(end, i) if end else len(text)
    return text[i:j]


@pytest.fixture
def example(example_record_path: Path) -> LiveMeeting:
    return record.replay(record.parse(example_record_path.read_text()))


@pytest.fixture
def example_text(example: LiveMeeting) -> str:
    return text_of(render(example, meeting_id=1))


def replay(data: dict[str, Any], prior: list[Any] | None = None) -> LiveMeeting:
    return record.replay(record.parse(json.dumps(data)), prior)


def small_record(events: list[dict[str, Any]], **meeting: Any) -> dict[str, Any]:
    """A two-item board with a chair, a member and a patient representative."""
    return {
        "meetingkit_record": 1,
        "meeting": {
            "title": "Small board",
            "series": "Small series",
            "scheduled_start": "2026-03-02T09:30:00+00:00",
            "venue": "Room 1",
            **meeting,
        },
        "people": [
            {
                "key": "ch",
                "name": "Ann Chair",
                "organisation": "Trust",
                "sector": "acute care",
                "role": "chair",
            },
            {"key": "me", "name": "Mo Member", "organisation": "Council", "sector": "social care"},
            {
                "key": "pr",
                "name": "Pat Rep",
                "organisation": "Survivors",
                "sector": "patients and public",
                "role": "patient_rep",
                "patient_rep": True,
            },
        ],
        "agenda": [
            {"key": "a", "title": "First item", "minutes": 10},
            {"key": "b", "title": "Second item", "minutes": 10},
        ],
        "events": events,
    }


SECTIONS = [
    "1. Attendance",
    "2. Declarations of interest",
    "3. Minutes of the previous meeting",
    "4. Agenda and timings",
    "5. Items: notes, decisions and actions",
    "6. Patient and public feedback break",
    "7. Actions agreed",
    "8. Action log",
    "9. You said, we did",
    "10. Participation",
    "11. Timing",
    "12. Date of the next meeting",
]


# ---- the example meeting, section by section ---------------------------------------------------------------


def test_sections_come_in_order(example_text: str) -> None:
    positions = [example_text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)


def test_heading_has_title_series_date_and_venue(example: LiveMeeting, example_text: str) -> None:
    head = example_text[: example_text.index("1. Attendance")]
    assert "Stroke HIT steering group" in head
    assert "Series Stroke HIT" in head
    assert "Date Tuesday 6 October 2026" in head
    assert "Time 14:00–15:27 (scheduled 14:00–15:25)" in head  # ended 15:26:33, to the nearest minute
    assert "Venue Council House, Room 2" in head


def test_attendance_lists_present_and_apologies_with_role_and_organisation(
    example: LiveMeeting, example_text: str
) -> None:
    part = between(example_text, "1. Attendance", "4. Agenda")
    present = between(part, "Present (8)", "Apologies (1)")
    apologies = part[part.index("Apologies (1)") :]
    for p in example.meeting.people:
        row = f"{p.name} {ROLE_LABELS[p.role]} {p.organisation}"
        assert row in (present if p.attendance == "present" else apologies), row
    assert "Tariq Aziz" not in present


def test_agenda_shows_planned_and_actual_times(example: LiveMeeting, example_text: str) -> None:
    part = between(example_text, "4. Agenda and timings", "5. Items")
    tz = example.meeting.scheduled_start.tzinfo
    summary = MeetingSummary.of(example, 1)
    planned_start = example.scheduled_start
    for i, (it, t) in enumerate(zip(example.meeting.agenda, summary.timing.items, strict=True)):
        run = example.items[it.key]
        planned = f"{clock_time(planned_start, tz)}–{clock_time(planned_start + it.planned_s, tz)}"
        actual = f"{clock_time(run.started_at, tz)}–{clock_time(run.ended_at, tz)}"
        row = f"{i + 1} {it.title} {example.meeting.person(it.presenter).name} {planned} "
        assert f"{row}{duration(t.planned_s)} {actual} {duration(t.actual_s)}" in part
        planned_start += it.planned_s + (600 if it.key == "i3" else 0)  # the break is planned after i3
    assert "14:15–14:35 20 min 14:15–14:39 24 min" in part
    assert (
        "Patient and public feedback break Patient and public representatives 14:35–14:45 10 min 14:39–14:46 7 min"
        in part
    )


def test_items_carry_their_decisions_and_actions(example_text: str) -> None:
    items = between(example_text, "5. Items", "6. Patient and public feedback break")
    third = between(items, "3. Early supported discharge", "4. Thrombectomy access")
    assert "Decision: Continue early supported discharge for another year" in third
    assert (
        "Action st1 for Claire Dunne, due 3 Nov 2026: Share discharge results with the survivors' group"
        in third
    )
    assert "held after this item" in third
    assert "Action st2 for Dr Lucy Webb: Draft the research bid" in items
    assert "1. Welcome and apologies Led by Dr Rachel Hughes · 14:00–14:05 · 5 min (planned 5 min)" in items
    assert "No notes, decisions or actions were recorded." in items


def test_break_taken_says_when_after_what_how_long_and_what_was_said(example_text: str) -> None:
    part = between(example_text, "6. Patient and public feedback break", "7. Actions agreed")
    assert (
        "Held at 14:39, after “Early supported discharge: six-month results”, for 7 min (planned 10 min)."
        in part
    )
    assert "Eileen Foster: Feedback from p1: we heard a lot about process, less about patients." in part
    assert "Graham Lee: Feedback from p2: we heard a lot about process, less about patients." in part


def test_actions_agreed_table(example_text: str) -> None:
    part = between(example_text, "7. Actions agreed", "8. Action log")
    assert (
        "st1 Share discharge results with the survivors' group From patient and public feedback "
        "Claire Dunne 3 Nov 2026 Open" in part
    )
    assert "st2 Draft the research bid with carers as co-applicants Dr Lucy Webb — Open" in part


def test_empty_action_sections_say_none(example_text: str) -> None:
    part = between(example_text, "8. Action log", "9. You said, we did")
    assert "No updates were reported." in part
    assert "All actions of the series" in part and "st2 This meeting Draft the research bid" in part


def test_participation_figures_come_from_the_summary(example: LiveMeeting, example_text: str) -> None:
    part = between(example_text, "10. Participation", "11. Timing")
    p = MeetingSummary.of(example, 1).participation
    for f in p.people:
        row = (
            f"{f.name} {ROLE_LABELS[f.role]} {f.sector} {airtime(f.seconds)} {share(f.share)} {f.turns} "
            f"{airtime(f.longest_s)} {f.interjections_made} / {f.interjections_received}"
        )
        assert row in part, row
    for role, a in p.roles.items():
        assert f"{ROLE_LABELS[role]} {airtime(a.seconds)} {share(a.share)}" in part
    for sector, a in p.sectors.items():
        assert f"{sector} {airtime(a.seconds)} {share(a.share)}" in part
    assert (
        f"spoke for {share(p.patient_voice_share)} of the main discussion "
        f"({share(p.patient_voice_share_with_break)} including the feedback break)" in part
    )
    assert f"Balance figure {p.gini:.2f}" in part
    assert "people of the 8 present spoke for half of the main discussion" in part
    assert "Not heard in the main discussion: none" in part
    assert (
        "no patient or public voice: Welcome and apologies; Life after stroke research bid; Next steps"
        in part
    )
    # the figures the shared example states, as a secretary would read them
    assert "Dr Rachel Hughes Chair acute care 15 min 06 s 18.4% 9 2 min 54 s 2 / 2" in part


def test_participation_has_a_chart_of_people(example_text: str) -> None:
    part = between(example_text, "10. Participation", "By person")
    assert "Speaking time per person, most in the main discussion first" in part
    assert "Graham Lee (rep)" in part  # representatives told apart in words, not by colour alone
    for name in ("Dr Rachel Hughes", "Graham Lee"):
        assert name in part


def test_timing_summary(example: LiveMeeting, example_text: str) -> None:
    part = example_text[example_text.index("11. Timing") :]
    t = MeetingSummary.of(example, 1).timing
    assert "Started 14:00 (scheduled 14:00)" in part
    assert "Ended 15:27 (scheduled end 15:25)" in part
    assert f"Over by {duration(t.over_s or 0)}" in part
    assert "Items not reached None" in part
    assert "Early supported discharge: six-month results (+4 min)" in part


def test_every_page_has_the_title_and_page_n_of_m(example: LiveMeeting) -> None:
    pages = pages_of(render(example))
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert "Stroke HIT steering group" in page
        assert f"Page {n} of {len(pages)}" in flat(page)


def test_participation_can_be_left_out(example: LiveMeeting) -> None:
    text = text_of(render(example, participation=False))
    assert "Participation" not in text and "Balance figure" not in text
    assert "10. Timing" in text and "Started 14:00" in text


def test_metadata_names_the_meeting(example: LiveMeeting) -> None:
    meta = pypdf.PdfReader(io.BytesIO(render(example))).metadata
    assert meta is not None
    assert meta.title == "Minutes: Stroke HIT steering group"
    assert meta.author == "MeetingKit"


def test_writes_to_a_path(example: LiveMeeting, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    write_minutes(out, example)
    assert out.read_bytes().startswith(b"%PDF")
    write_minutes(str(out), example, participation=False)
    assert "Participation" not in text_of(out.read_bytes())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# ---- the feedback break, every way it can go ---------------------------------------------------------------


def test_skipped_break_shows_its_reason() -> None:
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 60, "do": "skip_break", "reason": "Fire alarm & <evacuation>"},
                {"t": 600, "do": "next_item"},
                {"t": 1200, "do": "end_meeting"},
            ]
        )
    )
    part = between(text_of(render(live)), "6. Patient and public feedback break", "7. Actions agreed")
    assert "Skipped at 09:31. Reason given: Fire alarm & <evacuation>" in part


def test_break_not_held_when_the_meeting_ends_first() -> None:
    live = replay(small_record([{"t": 0, "do": "start_meeting"}, {"t": 300, "do": "end_meeting"}]))
    text = text_of(render(live))
    part = between(text, "6. Patient and public feedback break", "7. Actions agreed")
    assert "Not held: the meeting ended before the break was reached" in part
    timing = text[text.index("11. Timing") :]
    assert "Feedback break Not held" in timing
    assert "Items not reached Second item" in timing
    assert "Finished 25 min early" in timing


def test_no_break_planned() -> None:
    data = small_record(
        [{"t": 0, "do": "start_meeting"}, {"t": 600, "do": "next_item"}, {"t": 1200, "do": "end_meeting"}],
        **{"break": {"enabled": False}},
    )
    text = text_of(render(replay(data)))
    assert "No feedback break was planned for this meeting." in text
    assert "feedback break" not in between(text, "4. Agenda and timings", "5. Items")


def test_mid_item_break_and_feedback_outside_it() -> None:
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 10, "do": "feedback", "who": "pr", "text": "Early thought"},
                {"t": 120, "do": "start_break"},
                {"t": 130, "do": "speak", "who": "pr"},
                {"t": 200, "do": "feedback", "who": "pr", "text": "In the break"},
                {"t": 210, "do": "note", "text": "Noted during the break"},
                {"t": 400, "do": "end_break"},
                {"t": 600, "do": "next_item"},
                {"t": 1200, "do": "end_meeting"},
            ]
        )
    )
    text = text_of(render(live))
    part = between(text, "6. Patient and public feedback break", "7. Actions agreed")
    assert "Held at 09:32, during “First item”" in part
    assert "What representatives said Pat Rep: In the break" in part
    assert "Notes, decisions and actions during the break Noted during the break" in part
    assert "Feedback given outside the break Pat Rep: Early thought" in part
    assert "was held during this item" in between(text, "1. First item", "2. Second item")


def test_minutes_of_a_meeting_still_running() -> None:
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 10, "do": "speak", "who": "pr"},
                {"t": 600, "do": "next_item"},  # the break starts
            ]
        )
    )
    text = text_of(render(live))
    timing = text[text.index("11. Timing") :]
    assert "Ended Still running (scheduled to end 10:00)" in timing
    assert "Against the plan Not known until the meeting ends" in timing
    assert "Feedback break Under way" in timing
    assert "Items not yet reached Second item" in timing
    assert "Under way since 09:40." in text


def test_minutes_of_a_meeting_not_started() -> None:
    text = text_of(render(replay(small_record([]))))
    assert "Time Scheduled 09:30–10:00; not started" in text
    assert "1. First item Not reached 2. Second item Not reached" in text
    assert "No speaking time was recorded, so there is no chart." in text
    assert "Balance No speaking time was recorded." in text
    assert "Items with discussion but no patient or public voice: none — no item was discussed." in text
    assert "Started Not started (scheduled 09:30)" in text


def test_a_note_edited_shows_its_last_text_and_a_cleared_one_nothing() -> None:
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 5, "do": "note", "text": "First draft"},
                {"t": 9, "do": "note", "text": "Final wording", "replaces": 0},
                {"t": 600, "do": "next_item"},
                {"t": 660, "do": "end_break"},
                {"t": 700, "do": "note", "text": "Said in haste"},
                {"t": 710, "do": "note", "text": "", "replaces": 1},
                {"t": 1200, "do": "end_meeting"},
            ]
        )
    )
    items = between(text_of(render(live)), "5. Items", "6. Patient and public feedback break")
    assert "First draft" not in items and "Said in haste" not in items
    assert "Final wording" in between(items, "1. First item", "2. Second item")
    assert "No notes, decisions or actions were recorded." in items[items.index("2. Second item") :]


# ---- markup in user text -------------------------------------------------------------------------------------


def test_markup_prints_as_typed_and_loads_nothing(tmp_path: Path) -> None:
    picture = tmp_path / "secret.png"
    Image.new("RGB", (4, 4), "red").save(picture)
    tricky = f'<img src="{picture}" width="50" height="50"/> & <b>bold</b> &amp; <font color=red>x'
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 5, "do": "note", "text": tricky + "\nsecond line"},
                {"t": 6, "do": "action", "text": "<img src='x'>", "owner": "A & B <team>"},
                {"t": 1200, "do": "end_meeting"},
            ],
            title="Board <b>&amp;</b>",
        )
    )
    pdf = render(live)
    text = text_of(pdf)
    assert flat(tricky) in text and "second line" in text
    assert "<img src='x'>" in text and "A & B <team>" in text
    assert "Board <b>&amp;</b>" in text
    assert b"/Subtype /Image" not in pdf
    # the same markup unescaped would have loaded the picture: the check above can see it
    raw = io.BytesIO()
    unsafe = f'<img src="{picture}" width="50" height="50"/>'
    SimpleDocTemplate(raw).build([Paragraph(unsafe, getSampleStyleSheet()["Normal"])])
    assert b"/Subtype /Image" in raw.getvalue()


def test_markup_helper_escapes_and_keeps_lines() -> None:
    assert markup("a < b & c\r\nd") == "a &lt; b &amp; c<br/>d"


def test_a_note_longer_than_a_page_splits_across_pages() -> None:
    long_note = " ".join(f"word{i}" for i in range(2200))  # 17,989 characters: within DESIGN §6's 20,000
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 5, "do": "note", "text": long_note},
                {"t": 6, "do": "action", "text": long_note, "owner": "me"},
                {"t": 1200, "do": "end_meeting"},
            ]
        )
    )
    pages = pages_of(render(live))
    assert len(pages) >= 6
    text = flat(" ".join(pages))
    # the note and the action under their item, the actions agreed and the action log
    assert text.count("word2199") == 4
    assert sum("word2000" in p for p in pages) >= 1


# ---- any text a person may type -------------------------------------------------------------------------------

LATIN = st.characters(
    categories=("Lu", "Ll", "Lt", "Lm", "Lo"),
    min_codepoint=0x41,
    max_codepoint=0x24F,
) | st.sampled_from("ŵŷŴŶẁẃẅỳłżŁŻąęćńśźĄĘĆŃŚŹ")
CHARS = st.one_of(LATIN, st.sampled_from(list(" <>&\"'/=;.,:!?()-\n")))
MARKUP = st.sampled_from(["<img src='x'>", "&amp;", "<b>", "</para>", "<br/>", "&#60;"])


def typed(piece_size: int) -> st.SearchStrategy[str]:
    """Text as a person might type it: Latin letters of any language, punctuation, markup, line breaks."""
    piece = st.one_of(st.text(CHARS, min_size=1, max_size=piece_size), MARKUP)
    return st.lists(piece, min_size=1, max_size=4).map("".join).filter(lambda s: any(c.isalpha() for c in s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=typed(30), note=typed(900), action=typed(150), owner=typed(20))
def test_any_typed_text_comes_out_as_typed(name: str, note: str, action: str, owner: str) -> None:
    assume(owner.strip() not in ("ch", "me", "pr"))  # those are people's keys, shown as their names
    data = small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {"t": 5, "do": "speak", "who": "me"},
            {"t": 30, "do": "note", "text": note},
            {"t": 31, "do": "action", "text": action, "owner": owner},
            {"t": 1200, "do": "end_meeting"},
        ]
    )
    data["people"][1]["name"] = name
    text = bare(" ".join(pages_of(render(replay(data)))))
    for typed_text in (name, note, action, owner):
        assert bare(typed_text) in text


# ---- a series: actions agreed at one meeting, updated at the next -----------------------------------------------


def first_meeting() -> dict[str, Any]:
    return small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {"t": 600, "do": "next_item"},  # the break, planned after the first item
            {"t": 620, "do": "feedback", "who": "pr", "text": "Carers never hear about discharge dates"},
            {
                "t": 640,
                "do": "action",
                "text": "Tell carers the discharge date",
                "owner": "me",
                "key": "K1",
                "feedback": 0,
            },
            {"t": 900, "do": "end_break"},
            {
                "t": 950,
                "do": "action",
                "text": "Audit referrals",
                "owner": "Audit team",
                "key": "K2",
                "due": "2026-04-01",
            },
            {"t": 1500, "do": "end_meeting"},
        ]
    )


def second_meeting() -> dict[str, Any]:
    data = small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {
                "t": 60,
                "do": "action_update",
                "action": "K1",
                "status": "done",
                "note": "Letters now name the date",
            },
            {
                "t": 90,
                "do": "action_update",
                "action": "K2",
                "status": "in_progress",
                "note": "Half the wards audited",
            },
            {"t": 600, "do": "next_item"},
            {"t": 900, "do": "end_break"},
            {"t": 1500, "do": "end_meeting"},
        ]
    )
    data["meeting"]["scheduled_start"] = "2026-04-06T09:30:00+01:00"
    data["meeting"]["title"] = "Small board, April"
    return data


def test_series_record_of_actions_and_you_said_we_did() -> None:
    first = replay(first_meeting())
    prior = [copy.deepcopy(a) for a in first.actions.values()]
    for a in prior:
        a.meeting_id = 1
    # an update reported before the previous meeting is not repeated in these minutes
    old = first.started_at - 86400
    prior[1].updates.append(ActionUpdate("K2", "open", "Reported long ago", old, 99))
    second = replay(second_meeting(), prior)
    text = text_of(
        render(
            second,
            meeting_id=2,
            prior_actions=prior,
            since=first.started_at,
            prior_feedback=first.feedback,
        )
    )
    record_part = between(text, "8. Action log", "All actions of the series")
    assert "since the previous meeting of the series (2 Mar 2026)" in record_part
    assert (
        "K1 Tell carers the discharge date Mo Member Done Letters now name the date This meeting, 09:31"
        in record_part
    )
    assert (
        "K2 Audit referrals Audit team due 1 Apr 2026 In progress Half the wards audited This meeting, 09:32"
        in record_part
    )
    assert "Reported long ago" not in text
    assert record_part.count("This meeting") == 2  # each update once, though both lists hold it
    log = between(text, "All actions of the series", "9. You said, we did")
    # the action log: reference, raised at, text, owner, due, status, latest update
    assert (
        "K2 2 Mar 2026 Audit referrals Audit team 1 Apr 2026 In progress "
        "6 Apr 2026: In progress — Half the wards audited" in log
    )
    assert (
        "K1 2 Mar 2026 Tell carers the discharge date From patient and public feedback Mo Member — Done"
        in log
    )
    said = between(text, "9. You said, we did", "10. Participation")
    assert "Pat Rep: Carers never hear about discharge dates" in said
    assert "K1: Tell carers the discharge date" in said
    assert "Done (6 Apr 2026): Letters now name the date" in said
    assert "Audit referrals" not in said


def test_first_meeting_of_the_series_shows_its_own_feedback_action() -> None:
    text = text_of(render(replay(first_meeting())))
    said = between(text, "9. You said, we did", "10. Participation")
    assert "Pat Rep: Carers never hear about discharge dates" in said
    assert "Open Agreed at this meeting; no update yet." in said
    part = between(text, "6. Patient and public feedback break", "7. Actions agreed")
    assert "(became action K1)" in part
    assert "Action K1 for Mo Member: Tell carers the discharge date" in part


# ---- the redacted edition -----------------------------------------------------------------------------------


@pytest.fixture
def redacted_pdf(example_record_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[LiveMeeting, bytes]:
    monkeypatch.setattr(rl_config, "invariant", 1)  # the same bytes every run, so the byte search is stable
    data = json.loads(example_record_path.read_text())
    extra = [
        {
            "t": "1:26:00",
            "do": "note",
            "text": "Rachel thanked CLAIRE DUNNE and Dr Lucy\nWebb; Kapoor's slides follow.",
        },
        {
            "t": "1:26:01",
            "do": "action",
            "text": "Ask Eileen about transport",
            "owner": "Graham Lee's network",
        },
        {"t": "1:26:02", "do": "feedback", "who": "p2", "text": "Steve Marsh and Tariq were helpful"},
    ]
    data["events"][-1:-1] = extra
    data["meeting"]["title"] = "Stroke HIT with Dr Hughes"
    live = replay(data)
    return live, render(live, redacted=True)


def test_redacted_edition_has_no_names_in_text_or_bytes(redacted_pdf: tuple[LiveMeeting, bytes]) -> None:
    live, pdf = redacted_pdf
    text = text_of(pdf)
    parts = {part for p in live.meeting.people for part in name_parts(p.name)}
    assert parts >= {"Rachel", "Hughes", "Lee", "Ben", "Tariq"}
    streams = _decoded_streams(pdf)
    for part in sorted(parts):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE), part
        assert part.encode() not in pdf, part
        assert part.encode("utf-16-be") not in pdf, part
        assert part.encode() not in streams, part


def test_redacted_edition_shows_initials_and_role(redacted_pdf: tuple[LiveMeeting, bytes]) -> None:
    live, pdf = redacted_pdf
    text = text_of(pdf)
    assert "R.H. Chair acute care" in text  # sector, not organisation: a small group could identify someone
    assert "Stroke Health Integration Team" not in text
    assert "Led by R.H. (Chair)" in text
    assert "E.F. (Patient / public representative): Feedback from p1" in text
    assert "R.H. thanked C.D. and L.W.; A.K.'s slides follow." in text
    assert "Ask E.F. about transport" in text and "G.L.'s network" in text
    assert "S.M. and T.A. were helpful" in text
    assert "Speaking time per role" in text
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert "Hughes" not in (meta.title or "") and "redacted" in (meta.subject or "")


def _decoded_streams(pdf: bytes) -> bytes:
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return b"\n".join(out)


# ---- the small parts ----------------------------------------------------------------------------------------


def test_initials_leave_out_titles() -> None:
    assert initials("Dr Rachel Hughes") == "R.H."
    assert initials("Cllr Anne-Marie O'Neill") == "A.M.O.N."
    assert name_parts("Dr Jo Li-Thompson") == ["Thompson"]


def test_scrubbing_is_whole_word_and_case_blind() -> None:
    people = [Attendee("a", "Dr Rachel Hughes", role="chair"), Attendee("b", "Graham Lee")]
    names = PeopleNames(people, redacted=True)
    assert (
        names.text("rachel HUGHES met Lee at Leeds; Graham Lee agreed")
        == "R.H. met G.L. at Leeds; G.L. agreed"
    )
    assert names.who("a") == "R.H. (Chair)"
    assert names.owner("free text by Graham") == "free text by G.L."
    assert PeopleNames(people, redacted=False).text("Rachel") == "Rachel"


def test_the_chart_groups_the_rest_as_others() -> None:
    bars = [ChartBar(f"P{i}", float(i), 0.0) for i in range(60)]
    shown = top_bars(bars)
    assert len(shown) == 25
    assert shown[0].label == "P59"
    assert shown[-1].label == "Others (36), average" and shown[-1].seconds == sum(range(36)) / 36


def test_durations_read_as_minutes_and_hours() -> None:
    assert duration(12 * 60 + 10) == "12 min"
    assert duration(65 * 60) == "1 h 05 min"
    assert duration(20) == "under 1 min"
    assert airtime(906) == "15 min 06 s"
    assert airtime(45) == "45 s"


def test_a_meeting_of_sixty_people_charts_twenty_five_bars(clock: FakeClock) -> None:
    people = [Attendee(f"p{i}", f"Person {i}", role="chair" if i == 0 else "member") for i in range(60)]
    meeting = Meeting("Big board", clock.now_utc(), people=people, agenda=[AgendaItem("a", "Only item", 30)])
    live = LiveMeeting(meeting, clock)
    at = clock.now_utc()
    live.apply("start_meeting", at=at)
    for i in range(60):
        live.apply("speak", {"who": f"p{i}"}, at=at + timedelta(seconds=10 * i + 1))
    live.apply("skip_break", {"reason": "One item only"}, at=at + timedelta(seconds=700))
    live.apply("end_meeting", at=at + timedelta(seconds=700))
    text = text_of(render(live))
    assert "Others (36), average" in text
    assert "The last bar is the average of the other 36 people." in text


def test_every_font_the_pdf_uses_is_embedded(example: LiveMeeting) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render(example, meeting_id=1)))
    fonts = {
        str(f.get_object().get("/BaseFont"))
        for page in reader.pages
        for f in page["/Resources"].get("/Font", {}).values()
    }
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
