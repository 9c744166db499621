"""A two-meeting series through the store and `meetingkit minutes`: you said, we did; actions taken since."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from meetingkit.cli import main

PEOPLE = [
    {"key": "ch", "name": "Rachel Hughes", "role": "chair", "sector": "acute care"},
    {"key": "pr", "name": "Eileen Foster", "role": "patient_rep", "sector": "patients and public"},
    {"key": "gl", "name": "Graham Lee", "role": "member", "sector": "social care"},
]


def meeting(title: str, start: str, events: list[dict], people: list[dict] = PEOPLE) -> dict:
    return {
        "meetingkit_record": 1,
        "meeting": {"title": title, "series": "Stroke HIT", "scheduled_start": start},
        "people": people,
        "agenda": [
            {"key": "a", "title": "Welcome", "minutes": 10},
            {"key": "r", "title": "Review of actions", "minutes": 10, "kind": "actions_review"},
            {"key": "b", "title": "Discharge", "minutes": 20},
        ],
        "events": events,
    }


FIRST = meeting(
    "Steering group, June",
    "2026-06-01T10:00:00+01:00",
    [
        {"t": 0, "do": "start_meeting"},
        {"t": 60, "do": "speak", "who": "ch"},
        {"t": 600, "do": "next_item"},
        {"t": 1200, "do": "next_item"},
        {"t": 1300, "do": "feedback", "who": "pr", "text": "Carers never get the discharge letter"},
        {"t": 1305, "do": "feedback", "who": "pr", "text": "The hospital car park is too far from the ward"},
        {
            "t": 1310,
            "do": "action",
            "text": "Copy discharge letters to carers",
            "owner": "gl",
            "key": "st1",
            "feedback": 0,
        },
        {"t": 1320, "do": "action", "text": "Map rehab waiting times", "owner": "ch", "key": "st2"},
        {
            "t": 1330,
            "do": "action_update",
            "action": "st2",
            "status": "in_progress",
            "note": "Started in June",
        },
        {"t": 2000, "do": "end_break"},
        {"t": 3000, "do": "end_meeting"},
    ],
)
SECOND = meeting(
    "Steering group, July",
    "2026-07-06T10:00:00+01:00",
    [
        {"t": 0, "do": "start_meeting"},
        {"t": 300, "do": "next_item"},
        {
            "t": 360,
            "do": "action_update",
            "action": "st1",
            "status": "done",
            "note": "Letters now go to carers",
        },
        {"t": 900, "do": "next_item"},
        {"t": 2000, "do": "end_meeting"},
    ],
    # The representative who raised it is not at the second meeting.
    people=[p for p in PEOPLE if p["key"] != "pr"],
)


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


@pytest.fixture
def series(tmp_path: Path, db_path: Path) -> Path:
    for i, rec in enumerate((FIRST, SECOND)):
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(rec))
        assert main(["replay", str(path), "--db", str(db_path)]) == 0
    return db_path


def test_second_minutes_show_you_said_we_did_and_only_new_updates(series: Path, tmp_path: Path) -> None:
    out = tmp_path / "july.pdf"
    assert main(["minutes", "2", "-o", str(out), "--db", str(series)]) == 0
    text = text_of(out)
    assert "Carers never get the discharge letter" in text  # the words that led to the action
    assert "Eileen Foster" in text
    assert "Letters now go to carers" in text
    taken = text.split("Record of actions taken", 1)[1].split("All actions of the series", 1)[0]
    assert "Letters now go to carers" in taken
    assert "Started in June" not in taken  # reported at the June meeting: in June's minutes, not again here


def test_redacted_minutes_name_nobody_even_from_earlier_meetings(series: Path, tmp_path: Path) -> None:
    out = tmp_path / "july-redacted.pdf"
    assert main(["minutes", "2", "-o", str(out), "--redacted", "--db", str(series)]) == 0
    text = text_of(out)
    raw = out.read_bytes()
    assert "Carers never get the discharge letter" in text
    for part in ("Eileen", "Foster", "Rachel", "Hughes", "Graham"):
        assert part not in text, part
        assert part.encode() not in raw, part
    assert "E.F." in text


def test_updates_are_recorded_under_the_actions_review_item(series: Path, tmp_path: Path) -> None:
    out = tmp_path / "july.pdf"
    assert main(["minutes", "2", "-o", str(out), "--db", str(series)]) == 0
    text = text_of(out)
    review = text.split("Review of actions", 2)[2].split("Discharge", 1)[0]
    assert "Update on st1 (Copy discharge letters to carers): done: Letters now go to carers" in review
    assert "No notes, decisions or actions were recorded" not in review


def test_feedback_that_became_no_action_is_still_in_you_said_we_did(series: Path, tmp_path: Path) -> None:
    out = tmp_path / "july.pdf"
    assert main(["minutes", "2", "-o", str(out), "--db", str(series)]) == 0
    said = text_of(out).split("You said, we did", 1)[1].split("Participation", 1)[0]
    assert (
        "Eileen Foster: The hospital car park is too far from the ward At the meeting of 1 Jun 2026 No action yet."
        in said
    )


def test_redaction_covers_text_carried_from_earlier_meetings_and_lists_what_is_left(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11: Tariq Aziz, at June's meeting only, is named in June's action; July's update note names a
    Dr Lucy Webb, who attends neither; "Apologies from Tariq." keeps one full stop; a name MeetingKit cannot
    know (Bob) is listed on stderr, and --redact replaces it too."""
    tariq = {
        "key": "ta",
        "name": "Tariq Aziz",
        "role": "member",
        "sector": "research",
        "organisation": "Acme Ltd",
    }
    first = json.loads(json.dumps(FIRST))
    first["people"].append(tariq)
    first["events"].insert(
        -2, {"t": 1340, "do": "action", "text": "Tariq Aziz to map referrals", "key": "st3"}
    )
    second = json.loads(json.dumps(SECOND))
    second["events"][3:3] = [
        {
            "t": 370,
            "do": "note",
            "text": "Apologies from Tariq. Acme Ltd sent figures; Bob from the council called",
        },
        {
            "t": 380,
            "do": "action_update",
            "action": "st3",
            "status": "in_progress",
            "note": "Dr Lucy Webb helps",
        },
    ]
    for i, rec in enumerate((first, second)):
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(rec))
        assert main(["replay", str(path), "--db", str(db_path)]) == 0
    capsys.readouterr()
    out = tmp_path / "july-redacted.pdf"
    assert main(["minutes", "2", "-o", str(out), "--redacted", "--db", str(db_path)]) == 0
    text, err = text_of(out), capsys.readouterr().err
    for part in ("Tariq", "Aziz", "Lucy", "Webb", "Acme"):
        assert part not in text, part
    assert "Apologies from T.A. [organisation] sent figures" in text and "T.A.." not in text
    assert "warning" in err and "Bob" in err and "Tariq" not in err
    assert main(["minutes", "2", "-o", str(out), "--redacted", "--redact", "Bob", "--db", str(db_path)]) == 0
    assert "Bob" not in text_of(out) and "B. from the council" in text_of(out)
    assert "Bob" not in capsys.readouterr().err
