"""Issue 14's findings about the PDF minutes, one test each: bookmarks, updates at the break's second, rounding,
keep-together rules, the chart, action references, the action log and "you said, we did" for all feedback."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.platypus import Paragraph

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.models.review_text import minutes_text, patient_voice_line, percent
from meetingkit.models.session import LiveMeeting
from meetingkit.reports.minutes_blocks import Chart, Heading, Keep, Para, walk
from meetingkit.reports.minutes_document import build_minutes
from meetingkit.reports.minutes_pdf import MIN_ROWS, MinutesTable, render_pdf
from meetingkit.reports.styles import minutes_styles
from tests.unit.test_minutes_pdf import (
    between,
    first_meeting,
    flat,
    render,
    replay,
    second_meeting,
    small_record,
    text_of,
)


@pytest.fixture
def example(example_record_path: Path) -> LiveMeeting:
    return record.replay(record.parse(example_record_path.read_text()))


def outline(pdf: bytes) -> list[tuple[str, int]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: list[tuple[str, int]] = []

    def walk_outline(entries: list[Any]) -> None:
        for e in entries:
            if isinstance(e, list):
                walk_outline(e)
            else:
                found.append((e.title, reader.get_destination_page_number(e)))

    walk_outline(reader.outline)
    return found


def test_each_bookmark_opens_the_page_that_holds_its_heading(example: LiveMeeting) -> None:
    pdf = render(example, meeting_id=1)
    pages = [flat(p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    marks = outline(pdf)
    assert len(marks) >= 9 + len(example.meeting.agenda)
    assert len({page for _, page in marks}) > 1  # not every bookmark on page 1
    for title, page in marks:
        assert flat(title) in pages[page], (title, page)


def test_bookmarks_of_a_long_meeting_follow_their_sections() -> None:
    long_note = " ".join(f"word{i}" for i in range(2300))  # 19,589 characters: within DESIGN §6's 20,000
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 5, "do": "note", "text": long_note},
                {"t": 700, "do": "next_item"},
                {"t": 1300, "do": "end_break"},
                {"t": 1900, "do": "end_meeting"},
            ]
        )
    )
    pdf = render(live)
    pages = [flat(p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    marks = outline(pdf)
    assert max(page for _, page in marks) >= 3
    for title, page in marks:
        assert flat(title) in pages[page], (title, page)


def test_an_update_given_in_the_second_the_break_starts_stays_with_its_item() -> None:
    live = replay(
        small_record(
            [
                {"t": 0, "do": "start_meeting"},
                {"t": 30, "do": "action", "text": "Ask the wards", "owner": "me", "key": "K1"},
                {"t": 600, "do": "action_update", "action": "K1", "status": "done", "note": "Asked"},
                {"t": 600, "do": "start_break"},
                {"t": 1200, "do": "end_break"},
                {"t": 1800, "do": "end_meeting"},
            ]
        )
    )
    text = text_of(render(live))
    first = between(text, "1. First item", "2. Second item")
    assert "Update on K1 (Ask the wards): done: Asked" in first
    brk = between(text, "6. Patient and public feedback break", "7. Actions agreed")
    assert "Update on K1" not in brk


def test_an_item_shown_over_its_plan_is_listed_as_running_over() -> None:
    # 20:40 against 20 planned reads "21 min" in the agenda, so it ran over
    data = small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {"t": 1240, "do": "next_item"},
            {"t": 1840, "do": "end_break"},
            {"t": 2400, "do": "end_meeting"},
        ]
    )
    data["agenda"][0]["minutes"] = 20
    text = text_of(render(replay(data)))
    assert "21 min (planned 20 min)" in text
    assert "Items that ran over First item (+1 min)" in text


def test_a_break_of_7_min_36_reads_the_same_in_its_times_and_its_length() -> None:
    data = small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {"t": "0:23:12", "do": "next_item"},  # the break starts 10:53:12 (planned after the first item)
            {"t": "0:30:48", "do": "end_break"},  # and ends 11:00:48: 7 min 36 s
            {"t": "0:45:00", "do": "end_meeting"},
        ],
        scheduled_start="2026-03-02T10:30:00+00:00",
    )
    text = text_of(render(replay(data)))
    assert "10:53–11:01 8 min" in between(text, "4. Agenda and timings", "5. Items")
    assert "Held at 10:53, after “First item”, for 8 min (planned 10 min)." in text
    assert minutes_text(7 * 60 + 36) == "8 min"
    assert minutes_text(90) == "2 min"  # half up, never Python's half-to-even


def test_the_app_and_the_minutes_say_a_share_the_same_way() -> None:
    assert percent(0.0214) == "2.1%"
    assert percent(0.2) == "20%"
    assert percent(0.18449) == "18.4%" and percent(0.18451) == "18.5%"
    live = replay(first_meeting())
    share = live.participation().patient_voice_share
    app_line = patient_voice_line(share, live.participation().main_s, True, live.brk.status)
    text = text_of(render(live))
    # the headline on page 1 uses the very figure the app shows
    if live.participation().main_s > 0:
        assert percent(share) in app_line and f"spoke for {percent(share)}" in text


def test_the_break_line_keeps_with_what_was_recorded_last(example: LiveMeeting) -> None:
    doc = build_minutes(example, meeting_id=1)
    keeps = [b for b in doc.blocks if isinstance(b, Keep)]
    held = [
        k
        for k in keeps
        if any(isinstance(b, Para) and "was held after this item" in b.text for b in k.blocks)
    ]
    assert len(held) == 1 and len(held[0].blocks) >= 2


def test_the_participation_heading_keeps_with_its_chart(example: LiveMeeting) -> None:
    doc = build_minutes(example, meeting_id=1)
    together = [
        k
        for k in doc.blocks
        if isinstance(k, Keep)
        and any(isinstance(b, Heading) and "Participation" in b.text for b in k.blocks)
        and any(isinstance(b, Chart) for b in k.blocks)
    ]
    assert len(together) == 1


def _table(rows: int) -> MinutesTable:
    st = minutes_styles()
    data = [[Paragraph("Head", st.cell_head)]] + [[Paragraph(f"Row {i}", st.cell)] for i in range(rows)]
    return MinutesTable(data, colWidths=[200], repeatRows=1)


def test_a_table_never_leaves_one_or_two_rows_alone() -> None:
    table = _table(10)
    _, h = table.wrap(200, 10_000)
    row = table._rowHeights[1]
    # room for the header and 8 rows: only 2 would go on, so 3 go instead
    parts = table.split(200, table._rowHeights[0] + 8 * row + 1)
    assert len(parts) == 2
    assert len(parts[1]._cellvalues) - 1 >= MIN_ROWS
    # room for the header and 1 row at the foot of a page: the table starts on the next page
    assert _table(10).split(200, table._rowHeights[0] + row * 1.5) == []
    # a short table is never split at the foot of a page
    assert _table(4).split(200, table._rowHeights[0] + row * 2.5) == []
    assert h > 0


def test_the_chart_shows_values_main_discussion_apart_and_marks_representatives(example: LiveMeeting) -> None:
    doc = build_minutes(example, meeting_id=1)
    chart = next(b for b in walk(doc.blocks) if isinstance(b, Chart))
    reps = [b for b in chart.bars if b.public_voice]
    assert reps and all(b.break_s > 0 for b in reps)
    p = example.participation()
    graham = next(f for f in p.people if f.name == "Graham Lee")
    bar = next(b for b in chart.bars if b.label == "Graham Lee")
    assert bar.main_s == graham.main_seconds  # the break apart, not counted in the main bar
    text = text_of(render(example, meeting_id=1))
    part = between(text, "10. Participation", "Patient and public voice Patient")
    assert "Graham Lee (rep)" in part
    assert "in the break" in part
    assert "Graham Lee (rep)" in chart.alt


def test_action_references_are_series_initials_and_a_running_number() -> None:
    data = first_meeting()
    for ev in data["events"]:
        ev.pop("key", None)
    first = replay(data)
    assert list(first.actions) == ["SS-1", "SS-2"]  # "Small series"
    prior = [copy.deepcopy(a) for a in first.actions.values()]
    again = second_meeting()
    again["events"] = [
        {"t": 0, "do": "start_meeting"},
        {"t": 60, "do": "action", "text": "A third action"},
        {"t": 1500, "do": "end_meeting"},
    ]
    again["events"].insert(2, {"t": 600, "do": "skip_break", "reason": "No time"})
    second = replay(again, prior)
    assert list(second.actions) == ["SS-3"]


def test_action_references_without_a_series_come_from_the_title(clock: FakeClock) -> None:
    meeting = Meeting(
        "Executive group", clock.now_utc(), people=[Attendee("a", "Ann")], agenda=[AgendaItem("i", "Item", 5)]
    )
    live = LiveMeeting(meeting, clock)
    live.apply("start_meeting")
    assert live.apply("action", {"text": "Do it"}).payload["key"] == "EG-1"


def test_you_said_we_did_has_every_piece_of_feedback() -> None:
    data = first_meeting()
    data["events"].insert(3, {"t": 630, "do": "feedback", "who": "pr", "text": "The car park is too far"})
    first = replay(data)
    prior = [copy.deepcopy(a) for a in first.actions.values()]
    later = second_meeting()
    later["events"].insert(4, {"t": 650, "do": "feedback", "who": "pr", "text": "Thank you for the letters"})
    second = replay(later, prior)
    text = text_of(render(second, prior_actions=prior, prior_feedback=first.feedback, since=first.started_at))
    said = between(text, "9. You said, we did", "10. Participation")
    assert "Pat Rep: The car park is too far At the meeting of 2 Mar 2026 No action yet." in said
    assert "Pat Rep: Thank you for the letters At this meeting No action yet." in said
    assert "Carers never hear about discharge dates" in said


def test_render_pdf_carries_the_documents_title(example: LiveMeeting, tmp_path: Path) -> None:
    pdf = render_pdf(build_minutes(example))
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata.title == "Minutes: Stroke HIT steering group"
