"""`meetingkit actions -o FILE.csv`: the action log from the register, with formulas disarmed (DESIGN §5)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from meetingkit.cli import main
from tests.unit.test_minutes_pdf import small_record


def test_the_action_log_as_csv_with_formulas_written_as_text(tmp_path: Path, db_path: Path) -> None:
    data = small_record(
        [
            {"t": 0, "do": "start_meeting"},
            {"t": 10, "do": "action", "text": '=HYPERLINK("http://x","click")', "owner": "+44 7700"},
            {"t": 20, "do": "action", "text": "Ask the wards", "owner": "me", "due": "2026-04-01"},
            {
                "t": 30,
                "do": "action_update",
                "action": "SS-2",
                "status": "in_progress",
                "note": "@ward 3 first",
            },
            {"t": 600, "do": "skip_break", "reason": "Short meeting"},
            {"t": 610, "do": "end_meeting"},
        ]
    )
    rec = tmp_path / "m.json"
    rec.write_text(json.dumps(data))
    assert main(["replay", str(rec), "--db", str(db_path)]) == 0
    out = tmp_path / "log.csv"
    assert main(["actions", "-o", str(out), "--db", str(db_path)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == [
        "Reference",
        "Series",
        "Raised at",
        "Action",
        "Owner",
        "Due",
        "Status",
        "Latest update",
        "Source",
    ]
    first, second = rows[1], rows[2]
    assert first[0] == "SS-1" and first[3].startswith("'=HYPERLINK") and first[4] == "'+44 7700"
    assert second[:3] == ["SS-2", "Small series", "Small board, 2026-03-02"]
    assert second[4:7] == ["Mo Member", "2026-04-01", "In progress"]
    assert second[7] == "2026-03-02: In progress — @ward 3 first"  # not at the cell's start: left as typed


def test_an_ending_other_than_csv_is_refused_and_nothing_written(
    tmp_path: Path, db_path: Path, capsys
) -> None:  # noqa: ANN001
    # `-o log.pdf` (or .xlsx) wrote CSV text under that name, which the program it opens in cannot read; the
    # minutes and the summary refuse an ending they do not write, and so does the action log now.
    rec = tmp_path / "m.json"
    rec.write_text(json.dumps(small_record([{"t": 0, "do": "start_meeting"}])))
    assert main(["replay", str(rec), "--db", str(db_path)]) == 0
    for name in ("log.pdf", "log.xlsx"):
        out = tmp_path / name
        assert main(["actions", "-o", str(out), "--db", str(db_path)]) == 2
        assert not out.exists()
        assert "the action log is written as CSV (.csv)" in capsys.readouterr().err
    assert main(["actions", "-o", str(tmp_path / "log"), "--db", str(db_path)]) == 0  # no ending: as before
