"""The review window's "Summary for representatives": the PDF `meetingkit summary` writes, with the figures the
window shows, saved through the one writer (DESIGN §5 "For representatives")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meetingkit import cli
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.review.review_window import ReviewWindow
from tests.conftest import EXAMPLE_RECORD
from tests.review_records import silent_rep
from tests.ui.test_review_window import running_board


def flat_text(path: Path) -> str:
    return " ".join(
        "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).split()
    )


def answer_with(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, caption, start, filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_the_summary_holds_the_figures_the_window_shows(
    qtbot: QtBot, store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.import_record(record.parse(EXAMPLE_RECORD.read_bytes()))
    w = ReviewWindow(store, mid)
    qtbot.addWidget(w)
    assert w.summary_button.accessibleName() == "Summary for representatives"
    assert w.summary_button.isEnabled()
    asked = answer_with(monkeypatch, tmp_path / "for-reps")  # no ending typed: .pdf is added
    qtbot.mouseClick(w.summary_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "for-reps.pdf"
    assert Path(asked[0]).name == "Stroke HIT steering group-summary-for-representatives.pdf"
    assert w.export_result.text() == f"Summary for representatives saved to {saved}"
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    text = flat_text(saved)
    # The window's figures, rounded the one way: the patient and public voice with and without the break.
    assert w.voice.value.text() == "13.4%"
    assert f"{w.voice.value.text()} of the time" in text
    assert f"{w.voice_with_break.value.text()} of all speaking time" in text
    # The same file as the command line's.
    from_cli = tmp_path / "from-cli.pdf"
    assert cli.main(["--db", str(db_path), "summary", str(mid), "-o", str(from_cli)]) == 0
    assert flat_text(from_cli) == text


def test_a_running_meeting_gives_a_draft_of_the_figures_so_far(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid, bridge = running_board(store, clock)
    try:
        w = ReviewWindow(store, mid, live=bridge)
        qtbot.addWidget(w)
        answer_with(monkeypatch, tmp_path / "draft.pdf")
        assert w.save_summary() == tmp_path / "draft.pdf"
        text = flat_text(tmp_path / "draft.pdf")
        assert "DRAFT — the meeting is still running: figures so far" in text
        assert f"{w.voice.value.text()} of the time" in text  # 25%, as the window says
    finally:
        bridge.stop()


def test_before_the_start_the_button_says_why_it_waits(qtbot: QtBot, store: Store) -> None:
    mid = store.create_meeting(record.parse(silent_rep()).meeting)
    w = ReviewWindow(store, mid)
    qtbot.addWidget(w)
    assert not w.summary_button.isEnabled()
    assert w.summary_button.toolTip() == "The meeting has not started yet: there is nothing to summarise."


def test_a_file_that_cannot_be_written_is_said_and_left_alone(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.import_record(record.parse(EXAMPLE_RECORD.read_bytes()))
    w = ReviewWindow(store, mid)
    qtbot.addWidget(w)
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"mine")
    kept.chmod(0o444)
    answer_with(monkeypatch, kept)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    assert w.save_summary() is None
    assert warned == [
        f"The summary was not saved. Cannot write {kept}: the file is read-only; it was left as it was"
    ]
    assert kept.read_bytes() == b"mine"
    answer_with(monkeypatch, tmp_path / "cancelled.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert w.save_summary() is None and not (tmp_path / "cancelled.pdf").exists()


def test_an_ending_added_to_the_name_typed_never_replaces_a_file_unasked(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "for-reps" typed in the dialog, which asked about "for-reps" only; .pdf is added, and for-reps.pdf (another
    # document of the same name) was replaced without a word.
    mid = store.import_record(record.parse(EXAMPLE_RECORD.read_bytes()))
    w = ReviewWindow(store, mid)
    qtbot.addWidget(w)
    kept = tmp_path / "for-reps.pdf"
    kept.write_bytes(b"mine")
    answer_with(monkeypatch, tmp_path / "for-reps")
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda parent, title, text, *a: asked.append(text) or answers.pop(0)),
    )
    assert w.save_summary() is None
    assert kept.read_bytes() == b"mine"
    assert asked == [f"for-reps.pdf already exists in {tmp_path}. Replace it?"]
    assert w.save_summary() == kept  # agreed: replaced
    assert kept.read_bytes().startswith(b"%PDF")
