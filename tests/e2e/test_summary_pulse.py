"""Were you heard? in the summary for representatives (DESIGN §5, §11): its own section right after how long
representatives spoke, in plain words and large type, both questions for both groups, the threshold of 3 applied,
and "No pulse was taken at this meeting" when none was; `meetingkit summary` prints it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from meetingkit import cli
from meetingkit.models import record
from meetingkit.models.representatives_summary import PULSE_KEY, VOICE_KEY, representatives_summary
from meetingkit.reports.summary_pdf import render_summary_pdf
from tests.e2e.test_summary_pdf import text_sizes
from tests.pulse_records import REPS_TOO_FEW, SHOWN_AND_TOO_FEW, board_with_pulse


def summary_of(data: dict):  # type: ignore[no-untyped-def,type-arg]
    return representatives_summary(record.replay(record.parse(data)))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_both_questions_for_both_groups_after_the_voice_figures() -> None:
    s = summary_of(board_with_pulse(SHOWN_AND_TOO_FEW))
    keys = [x.key for x in s.sections]
    assert keys[keys.index(VOICE_KEY) + 1] == PULSE_KEY
    heard = s.section(PULSE_KEY)
    assert heard.heading == "Were you heard?"
    assert heard.points == [
        "Did you get the chance to say what you wanted?\nPatient and public representatives: 3 of 4 got the "
        "chance to say what they wanted, 1 partly.\nEveryone else: too few answers to show.",
        "Did you feel listened to?\nPatient and public representatives: 3 of 4 felt listened to, 1 not.\n"
        "Everyone else: too few answers to show.",
    ]
    assert "Nobody's answer is kept with their name." in heard.lines[0]
    assert heard.lines[1] == (
        "Where fewer than 3 people of a group answered, their answers are not shown, so that nobody's answer "
        "can be told."
    )


def test_two_answers_are_too_few_three_are_shown_and_a_later_pulse_stands() -> None:
    heard = summary_of(board_with_pulse(REPS_TOO_FEW)).section(PULSE_KEY)
    assert heard.points[1] == (
        "Did you feel listened to?\nPatient and public representatives: too few answers to show.\n"
        "Everyone else: 1 of 3 felt listened to, 1 partly and 1 not."
    )
    assert "of 2" not in " ".join(heard.points)
    later = [("listened", "patient_public", 2, 1, 0), ("listened", "others", 3, 0, 0)]
    heard = summary_of(board_with_pulse(REPS_TOO_FEW, later)).section(PULSE_KEY)
    assert heard.points[1] == (
        "Did you feel listened to?\nPatient and public representatives: 2 of 3 felt listened to, 1 partly.\n"
        "Everyone else: 3 of 3 felt listened to."
    )


def test_without_a_pulse_it_says_so() -> None:
    heard = summary_of(board_with_pulse()).section(PULSE_KEY)
    assert heard.lines == [
        "No pulse was taken at this meeting: nobody was asked whether they got the chance to say what they "
        "wanted, or felt listened to."
    ]
    assert heard.points == []


def test_the_pdf_prints_it_in_large_type(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = board_with_pulse(SHOWN_AND_TOO_FEW)
    data["meeting"]["title"] = "<b>Board</b> & <img src=x>"
    path = tmp_path / "board.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["replay", str(path), "--db", str(db_path)]) == 0
    out = tmp_path / "summary.pdf"
    assert cli.main(["summary", "1", "-o", str(out), "--db", str(db_path)]) == 0
    pdf = out.read_bytes()
    text = flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "<b>Board</b> & <img src=x>" in text
    assert "Were you heard?" in text
    assert "Patient and public representatives: 3 of 4 felt listened to, 1 not." in text
    assert text.index("How long representatives spoke") < text.index("Were you heard?")
    assert text.index("Were you heard?") < text.index("Items with no patient or public voice")
    sizes = [size for t, size in text_sizes(pdf) if "felt listened to" in t or "too few answers" in t]
    assert sizes and min(sizes) >= 14
    assert text_sizes(render_summary_pdf(summary_of(board_with_pulse())))  # and without a pulse it renders
