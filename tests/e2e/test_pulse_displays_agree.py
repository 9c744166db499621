"""One recorded meeting's pulse (DESIGN §11) reads the same everywhere: `stats --json`, the review window, the
minutes (the HTML edition written by the command line), the summary for representatives and the series view give
the same figures, and a group below the threshold has no counts in any of them."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meetingkit.cli import main
from meetingkit.models.pulse import TOO_FEW, PulseFigure, group_label, question_text
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.series_view import SeriesWindow
from tests.pulse_records import REPS_TOO_FEW, board_with_pulse
from tests.review_records import SERIES
from tests.ui.test_series_view import column


def test_stats_review_minutes_and_series_agree(
    qtbot: QtBot, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an earlier pulse, then the one that stands (representatives 2 answers: too few; everyone else 3: shown)
    earlier = [("listened", "patient_public", 3, 0, 0), ("listened", "others", 0, 0, 4)]
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board_with_pulse(earlier, REPS_TOO_FEW)), encoding="utf-8")
    assert main(["replay", str(path), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["stats", "1", "--json", "--db", str(db_path)]) == 0
    stats = [PulseFigure(**e) for e in json.loads(capsys.readouterr().out)["pulse"]]
    assert [(f.question, f.group, f.answers, f.yes) for f in stats] == [
        ("chance", "patient_public", 2, None),
        ("chance", "others", 3, 2),
        ("listened", "patient_public", 2, None),
        ("listened", "others", 3, 1),
    ]
    out = tmp_path / "minutes.html"
    assert main(["minutes", "1", "-o", str(out), "--db", str(db_path)]) == 0
    minutes = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8"))).split())
    pdf = tmp_path / "summary.pdf"
    assert main(["summary", "1", "-o", str(pdf), "--db", str(db_path)]) == 0
    summary = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages).split()
    )

    with Store(db_path) as store:
        review = ReviewWindow(store, 1)
        qtbot.addWidget(review)
        panel = review.pulse_panel
        series = SeriesWindow(store, SERIES)
        qtbot.addWidget(series)
        for f in stats:
            assert panel.cells[(f.question, f.group)].text() == f.sentence(), f
            assert f"{question_text(f.question)} {group_label(f.group)}: {f.sentence()}" in (
                review.pulse_panel.accessibleDescription()
            )
            assert f.sentence() in minutes, f
            assert f"{group_label(f.group)}: {f.sentence()}." in summary, f
        reps = {f.question: f for f in stats if f.group == "patient_public"}
        for q in ("chance", "listened"):
            cell = column(series.model, f"pulse.{q}.patient_public", Qt.ItemDataRole.DisplayRole)
            assert cell == [TOO_FEW] and reps[q].sentence() == TOO_FEW
        assert review.voice.text.text().endswith(f"whether they felt listened to: {TOO_FEW}.")
    # the two representatives' answers are in none of them as counts; the earlier pulse is replaced
    for text in (minutes, summary, " ".join(c.text() for c in panel.cells.values())):
        assert (
            not re.search(r"\d of 2 (felt|got)", text)
            and "3 of 3 felt listened to" not in text
            and "0 of 4" not in text
        )
