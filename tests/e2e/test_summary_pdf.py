"""`meetingkit summary ID -o FILE.pdf` (DESIGN §5 "For representatives", §7): one or two pages of large type and
plain words, the figures as the app rounds them, fonts embedded, any name printed as typed."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from meetingkit import cli
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.representatives_summary import representatives_summary
from meetingkit.models.review_text import airtime, percent
from meetingkit.reports.summary_pdf import fit_to_pages, render_summary_pdf
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def text_sizes(data: bytes) -> list[tuple[str, float]]:
    """Every run of text on every page with the size it is printed at (font size times the text matrix)."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((text.strip(), round(size * abs(tm[3] or 1) * abs(cm[3] or 1), 1)))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.fixture
def example_id(store: Store) -> int:
    return store.import_record(record.parse(EXAMPLE_RECORD.read_bytes()))


def test_summary_of_the_example_meeting(store, example_id, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "summary.pdf"
    code, printed, err = run(capsys, "--db", str(db_path), "summary", str(example_id), "-o", str(out))
    assert (code, err) == (0, "")
    assert printed == f"Summary for representatives written to {out}\n"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    data = out.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 2
    text = flat(pdf_text(data))
    figures = store.summary(example_id).participation
    # The figures as the review window and the minutes say them (the one rounding).
    assert percent(figures.patient_voice_share) == "13.4%"
    assert f"{percent(figures.patient_voice_share)} of the time" in text
    assert f"representatives spoke for {airtime(figures.public_main_s)}" in text
    assert f"{percent(figures.patient_voice_share_with_break)} of all speaking time" in text
    for heading in (
        "How long representatives spoke",
        "Items with no patient or public voice",
        "Who was not heard",
        "How evenly people spoke",
        "What became of your feedback",
    ):
        assert heading in text
    assert "Gini" not in text and "0.3" not in text
    assert "we heard a lot about process, less about patients" in text
    assert reader.metadata.title.startswith("Summary for patient and public representatives")


def test_large_type(store, example_id) -> None:  # noqa: ANN001
    """Nothing a representative reads is under 14 pt: only the page's running header and foot are smaller."""
    live = store.rebuild(example_id, FakeClock(0))
    data = render_summary_pdf(representatives_summary(live))
    furniture = ("Summary for representatives", "Page ", "Produced with MeetingKit", "Tuesday 6 October 2026")
    sizes = [(t, size) for t, size in text_sizes(data) if not t.startswith(furniture) and not t.isdigit()]
    assert sizes, "no text found"
    small = [(t, size) for t, size in sizes if size < 14]
    assert small == []
    body = [size for t, size in sizes if "representatives spoke for" in t]
    assert body and min(body) >= 14


def test_the_busy_three_hour_meeting_keeps_to_two_pages() -> None:
    """The benchmark's 3-hour meeting: 40 items, 60 people, 2,000 turns, feedback at this and earlier meetings."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_minutes", BENCHMARKS / "minutes.py")
        bench = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(bench)  # type: ignore[union-attr]
    finally:
        sys.path.remove(str(BENCHMARKS))
    live, prior = bench.build(1)
    summary = representatives_summary(live, prior)
    data, printed = fit_to_pages(summary)
    assert len(PdfReader(io.BytesIO(data)).pages) <= 2
    text = flat(pdf_text(data))
    assert percent(live.participation().patient_voice_share) in text
    # Every list is printed whole, or its first points with how many more there are (never cut silently).
    for whole, cut in zip(summary.sections, printed.sections, strict=True):
        assert cut.points == whole.points[: len(cut.points)]
        for point in cut.points:
            assert flat(point) in text
        left = len(whole.points) - len(cut.points)
        assert (f"…and {left} more: the minutes list them all." in text) == (left > 0)
    assert any(
        len(c.points) < len(w.points) for w, c in zip(summary.sections, printed.sections, strict=True)
    )  # it was cut


def test_markup_and_any_script_in_names_print_as_typed(store, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    data = record.parse(EXAMPLE_RECORD.read_bytes())
    rep = next(p for p in data.meeting.people if p.key == "p1")
    rep.name = "<b>Zoë</b> & <img src='/etc/passwd'/> Łukasz Ηλίας Дмитрий Siân Ní Bhriain"
    data.meeting.title = "Board <font size=40>BIG</font>"
    mid = store.import_record(data)
    out = tmp_path / "odd.pdf"
    code, _, err = run(capsys, "--db", str(db_path), "summary", str(mid), "-o", str(out))
    assert (code, err) == (0, "")
    text = flat(pdf_text(out.read_bytes()))
    assert "<b>Zoë</b> & <img src='/etc/passwd'/> Łukasz Ηλίας Дмитрий Siân Ní Bhriain" in text
    assert "Board <font size=40>BIG</font>" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True)
    if fonts.returncode == 0:  # poppler-utils present: every font is embedded
        rows = fonts.stdout.splitlines()[2:]
        assert rows and all(" yes " in r for r in rows), fonts.stdout


def test_errors_are_one_line_and_exit_2(store, example_id, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    db = ["--db", str(db_path)]
    code, _, err = run(capsys, *db, "summary", "99", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and err.count("\n") == 1 and "There is no meeting 99" in err
    code, _, err = run(capsys, *db, "summary", str(example_id), "-o", str(tmp_path / "x.docx"))
    assert code == 2 and err.count("\n") == 1 and "written as a PDF" in err
    code, _, err = run(capsys, *db, "summary", str(example_id), "-o", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "folder" in err
    code, _, err = run(capsys, *db, "summary", str(example_id))
    assert code == 2 and err.count("\n") == 1 and "-o" in err
    code, _, err = run(
        capsys, "--db", str(tmp_path / "none.db"), "summary", "1", "-o", str(tmp_path / "y.pdf")
    )
    assert code == 2 and "There is no MeetingKit database" in err
    assert not (tmp_path / "none.db").exists() and not list(tmp_path.glob("*.pdf"))
    assert "Traceback" not in err


def test_a_meeting_not_started_is_refused_and_a_running_one_is_a_draft(
    store,
    db_path,
    tmp_path,
    capsys,
    clock,  # noqa: ANN001
) -> None:
    from tests.ui.secretary_series import first_meeting

    mid = store.create_meeting(first_meeting())
    code, _, err = run(capsys, "--db", str(db_path), "summary", str(mid), "-o", str(tmp_path / "n.pdf"))
    assert code == 2 and err.count("\n") == 1 and "has not started yet" in err
    assert not (tmp_path / "n.pdf").exists()
    live = store.open_live(mid, clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "p1"})
    clock.advance(90)
    live.apply("stop_speaking")
    out = tmp_path / "running.pdf"
    code, _, err = run(capsys, "--db", str(db_path), "summary", str(mid), "-o", str(out))
    assert (code, err) == (0, "")
    text = flat(pdf_text(out.read_bytes()))
    assert "DRAFT — the meeting is still running: figures so far" in text
    assert "The meeting is still running: these are the figures so far, not the final ones." in text


def test_no_representative_present_is_said_plainly_in_the_pdf(store, db_path, tmp_path, capsys) -> None:  # noqa: ANN001
    data = json.loads(EXAMPLE_RECORD.read_text())
    for p in data["people"]:
        if p["patient_rep"]:  # the same people, here as members: no representative in the room
            p["patient_rep"], p["role"], p["sector"] = False, "member", "voluntary sector"
    data = record.parse(data)
    mid = store.import_record(data)
    out = tmp_path / "no-reps.pdf"
    code, _, err = run(capsys, "--db", str(db_path), "summary", str(mid), "-o", str(out))
    assert (code, err) == (0, "")
    text = flat(pdf_text(out.read_bytes()))
    assert (
        "No patient or public representative was recorded as present at this meeting, so there was no patient or"
        " public voice in the room." in text
    )
    assert (
        "With no representative present, none of the 6 items discussed had a patient or public voice." in text
    )
