"""The life of the minutes through the store and the command line: approved at the next meeting of the
series or by `meetingkit approve`, DRAFT on every page until then, corrections after the meeting."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from meetingkit.cli import main
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from tests.e2e.test_series_minutes import FIRST, SECOND


def pages(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


@pytest.fixture
def series(tmp_path: Path, db_path: Path) -> Path:
    second = copy.deepcopy(SECOND)
    second["events"].insert(
        1, {"t": 20, "do": "minutes_approved", "amendments": "Item 3: 'twelve' not 'ten'"}
    )
    second["events"].insert(
        2, {"t": 30, "do": "declaration", "who": "gl", "text": "Trustee of the carers' network"}
    )
    for i, rec in enumerate((FIRST, second)):
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(rec))
        assert main(["replay", str(path), "--db", str(db_path)]) == 0
    return db_path


def minutes(db: Path, mid: int, out: Path) -> list[str]:
    assert main(["minutes", str(mid), "-o", str(out), "--db", str(db)]) == 0
    return pages(out)


def test_minutes_approved_at_the_next_meeting_say_so_and_lose_the_draft_mark(
    series: Path, tmp_path: Path
) -> None:
    june = minutes(series, 1, tmp_path / "june.pdf")
    assert not any("DRAFT" in p for p in june)
    assert (
        "Status Approved at the meeting of Monday 6 July 2026, with these amendments: Item 3: 'twelve' not 'ten'"
        in " ".join(june)
    )
    assert "Date of the next meeting Monday 6 July 2026 at 10:00" in " ".join(june)
    july = minutes(series, 2, tmp_path / "july.pdf")
    assert all("DRAFT — not yet approved" in p for p in july)
    assert "Date of the next meeting Not yet arranged." in " ".join(july)
    text = " ".join(july)
    assert "Status Draft — not yet approved" in text
    assert (
        "The minutes of “Steering group, June” (1 Jun 2026) were approved as a true record, with these amendments"
        in text
    )
    assert (
        "Declarations of interest Who Item Interest declared Graham Lee 1. Welcome Trustee of the carers' network"
        in text
    )


def test_approve_from_the_command_line(
    series: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["approve", "2", "--amendments", "None", "--db", str(series)]) == 0
    assert "approved" in capsys.readouterr().out
    july = minutes(series, 2, tmp_path / "july.pdf")
    assert not any("DRAFT" in p for p in july)
    assert "(outside a meeting), with these amendments: None" in " ".join(july)
    assert main(["approve", "2", "--db", str(series)]) == 2
    assert capsys.readouterr().err.strip() == "meetingkit: error: These minutes are already approved"
    assert main(["approve", "1", "--db", str(series)]) == 2  # approved at the July meeting already
    assert main(["approve", "9", "--db", str(series)]) == 2
    assert "There is no meeting 9" in capsys.readouterr().err


def test_a_second_approval_of_the_same_minutes_is_refused(series: Path, tmp_path: Path) -> None:
    third = copy.deepcopy(SECOND)
    third["meeting"]["title"] = "Steering group, August"
    third["meeting"]["scheduled_start"] = "2026-08-03T10:00:00+01:00"
    third["events"] = [{"t": 0, "do": "start_meeting"}, {"t": 10, "do": "end_meeting"}]
    path = tmp_path / "m2.json"
    path.write_text(json.dumps(third))
    assert main(["replay", str(path), "--db", str(series)]) == 0
    with Store(series) as store:
        session = store.open_live(3, FakeClock())
        # July's minutes are the latest earlier ones: approvable once
        assert session.live.previous_minutes is not None and not session.live.previous_minutes.approved
        session.apply("minutes_approved", {})
        assert store.approval_of(2) is not None
        with pytest.raises(Exception, match="already approved"):
            session.apply("minutes_approved", {})


def test_corrections_reach_the_minutes_and_the_next_meetings_you_said(series: Path, tmp_path: Path) -> None:
    with Store(series) as store:
        session = store.open_live(2, FakeClock())
        session.apply(
            "correct", {"target": "declaration:0", "text": "Trustee of the carers' network (unpaid)"}
        )
        assert session.is_saved
    text = " ".join(minutes(series, 2, tmp_path / "july.pdf"))
    assert "Trustee of the carers' network (unpaid)" in text
    with Store(series) as store:
        # June was approved in July: no more corrections
        june = store.open_live(1, FakeClock())
        with pytest.raises(Exception, match="approved"):
            june.apply("correct", {"target": "feedback:1", "withdrawn": True})


def test_a_damaged_approval_names_the_meeting_whose_log_holds_it(
    series: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # July's approval of June's minutes altered outside MeetingKit: June's minutes blamed June ("a stored value
    # of meeting 1 cannot be read"), whose own record is intact, and sent the secretary looking in the wrong place.
    import sqlite3

    with sqlite3.connect(series) as db:
        db.execute(
            "UPDATE events SET payload = '{not json' WHERE meeting_id = 2 AND type = 'minutes_approved'"
        )
    assert main(["minutes", "1", "-o", str(tmp_path / "june.pdf"), "--db", str(series)]) == 2
    err = capsys.readouterr().err
    assert "a stored value of meeting 2 cannot be read" in err and "meeting 1" not in err
    assert main(["verify", "1", "--db", str(series)]) == 0  # June's own record is intact
