"""Were you heard? in the minutes' participation section (DESIGN §11), from the one block context: both questions
for both groups in every edition, the threshold of 3 applied, the redacted edition keeping the counts (they name
nobody), and the first page's patient and public voice with the representatives' answer beside it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdf

from meetingkit.models import record
from meetingkit.models.session import LiveMeeting
from meetingkit.reports.minutes_blocks import Facts, Heading, MinutesDoc, Para, TableBlock, walk
from meetingkit.reports.minutes_document import build_minutes
from meetingkit.reports.minutes_docx import render_docx
from meetingkit.reports.minutes_html import render_html
from meetingkit.reports.minutes_pdf import render_pdf
from tests.pulse_records import REPS_TOO_FEW, SHOWN_AND_TOO_FEW, board_with_pulse, with_pulse


def minutes_of(data: dict, **options: object) -> MinutesDoc:  # type: ignore[type-arg]
    live: LiveMeeting = record.replay(record.parse(data))
    return build_minutes(live, meeting_id=1, **options)  # type: ignore[arg-type]


def pulse_part(doc: MinutesDoc) -> list[object]:
    """The blocks under the 'Were you heard?' heading, up to the next heading."""
    blocks = walk(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Were you heard?")
    end = next(i for i, b in enumerate(blocks[start + 1 :], start + 1) if isinstance(b, Heading))
    return blocks[start + 1 : end]


def pulse_table(doc: MinutesDoc) -> TableBlock:
    return next(b for b in pulse_part(doc) if isinstance(b, TableBlock))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_both_questions_for_both_groups_with_the_threshold() -> None:
    doc = minutes_of(board_with_pulse(SHOWN_AND_TOO_FEW))
    headings = [b.text for b in walk(doc.blocks) if isinstance(b, Heading) and b.level == 3]
    # right after the patient and public voice, inside the participation section
    assert headings[headings.index("Patient and public voice") + 1] == "Were you heard?"
    table = pulse_table(doc)
    assert table.head == ["Question", "Patient and public representatives", "Everyone else"]
    assert table.rows == [
        [
            "Did you get the chance to say what you wanted?",
            "3 of 4 got the chance to say what they wanted, 1 partly",
            "too few answers to show",
        ],
        ["Did you feel listened to?", "3 of 4 felt listened to, 1 not", "too few answers to show"],
    ]


def test_two_answers_are_too_few_and_three_are_shown() -> None:
    table = pulse_table(minutes_of(board_with_pulse(REPS_TOO_FEW)))
    assert [row[1] for row in table.rows] == ["too few answers to show", "too few answers to show"]
    assert table.rows[1][2] == "1 of 3 felt listened to, 1 partly and 1 not"
    assert not any("of 2" in cell for row in table.rows for cell in row)


def test_a_later_pulse_replaces_the_earlier_one() -> None:
    later = [("listened", "patient_public", 5, 0, 0)]
    table = pulse_table(minutes_of(board_with_pulse(SHOWN_AND_TOO_FEW, later)))
    assert table.rows[1][1] == "5 of 5 felt listened to"
    assert table.rows[0][1] == "3 of 4 got the chance to say what they wanted, 1 partly"


def test_no_pulse_says_so_and_the_first_page_adds_nothing() -> None:
    doc = minutes_of(board_with_pulse())
    (para,) = pulse_part(doc)
    assert isinstance(para, Para) and para.text == "No pulse was taken at this meeting."
    facts = next(b for b in walk(doc.blocks) if isinstance(b, Facts))
    voice = dict(facts.rows)["Patient and public voice"]
    assert "listened" not in voice and "pulse" not in voice


def test_the_first_page_puts_the_answer_beside_the_airtime() -> None:
    facts = next(
        b for b in walk(minutes_of(board_with_pulse(SHOWN_AND_TOO_FEW)).blocks) if isinstance(b, Facts)
    )
    assert dict(facts.rows)["Patient and public voice"] == (
        "Representatives spoke for <b>9.2%</b> of the main discussion (15.4% with the feedback break); "
        "3 of 4 felt listened to, 1 not."
    )
    facts = next(b for b in walk(minutes_of(board_with_pulse(REPS_TOO_FEW)).blocks) if isinstance(b, Facts))
    assert dict(facts.rows)["Patient and public voice"].endswith(
        "; whether they felt listened to: too few answers to show."
    )


def test_every_edition_says_it_and_a_title_with_markup_stays_text() -> None:
    data = board_with_pulse(REPS_TOO_FEW)
    data["meeting"]["title"] = "<b>Board</b> & <img src=x>"
    doc = minutes_of(data)
    pdf = flat(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(render_pdf(doc))).pages))
    word = docx.Document(io.BytesIO(render_docx(doc)))
    word_text = flat(
        " ".join(
            [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
        )
    )
    page = render_html(doc).decode("utf-8")
    for said in (
        "Were you heard?",
        "Did you feel listened to?",
        "Everyone else",
        "1 of 3 felt listened to, 1 partly and 1 not",
        "too few answers to show",
    ):
        assert said in pdf and said in word_text and said in page, said
    assert "<b>Board</b> & <img src=x>" in pdf and "<b>Board</b> & <img src=x>" in word_text
    assert "&lt;b&gt;Board&lt;/b&gt; &amp; &lt;img src=x&gt;" in page and "<img src=x>" not in page
    # a real heading (a part of its section), so a reader can jump to it
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 2"].count("Were you heard?") == 1


def test_the_redacted_edition_keeps_the_counts(example_record_path: Path) -> None:
    data = with_pulse(json.loads(example_record_path.read_text()), SHOWN_AND_TOO_FEW, t="1:30:00")
    doc = minutes_of(data, redacted=True)
    assert doc.redacted
    assert pulse_table(doc).rows[1][1] == "3 of 4 felt listened to, 1 not"


def test_without_participation_there_is_no_pulse_either() -> None:
    doc = minutes_of(board_with_pulse(SHOWN_AND_TOO_FEW), participation=False)
    assert "Were you heard?" not in [b.text for b in walk(doc.blocks) if isinstance(b, Heading)]
