"""Issue 11, items 2, 4 and 5 in the app: every file it writes for people goes through the one writer (private,
whole, never over a pipe or a read-only file, messages naming the file chosen), and a redacted edition is
written only after the secretary has checked the words that still look like names."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.minutes.minutes_preview import MinutesPreviewDialog
from meetingkit.ui.minutes.names_left_dialog import NamesLeftDialog
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.series_view import SeriesWindow
from tests.review_records import SERIES, silent_rep
from tests.ui.console_meeting import open_board


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def answer(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: said.append(text))
    )
    return said


def review_csv(qtbot: QtBot, store: Store) -> tuple[Callable[[], Any], Callable[[], str]]:
    w = ReviewWindow(store, store.import_record(record.parse(silent_rep())))
    qtbot.addWidget(w)
    return (lambda: qtbot.mouseClick(w.export_csv_button, Qt.MouseButton.LeftButton)), w.export_result.text


def review_png(qtbot: QtBot, store: Store) -> tuple[Callable[[], Any], Callable[[], str]]:
    w = ReviewWindow(store, store.import_record(record.parse(silent_rep())))
    qtbot.addWidget(w)
    return (lambda: qtbot.mouseClick(w.export_png_button, Qt.MouseButton.LeftButton)), w.export_result.text


def series_png(qtbot: QtBot, store: Store) -> tuple[Callable[[], Any], Callable[[], str]]:
    store.import_record(record.parse(silent_rep()))
    w = SeriesWindow(store, SERIES)
    qtbot.addWidget(w)
    return (lambda: qtbot.mouseClick(w.png_button, Qt.MouseButton.LeftButton)), w.result.text


def minutes_pdf(qtbot: QtBot, store: Store) -> tuple[Callable[[], Any], Callable[[], str]]:
    dialog = MinutesPreviewDialog(store, store.import_record(record.parse(demo_record_path().read_bytes())))
    qtbot.addWidget(dialog)
    return dialog.save_as, dialog.message.text


def console_record(qtbot: QtBot, store: Store) -> tuple[Callable[[], Any], Callable[[], str]]:
    mid, bridge = open_board(store, FakeClock(store_start()))
    bridge.stop()
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.meeting_id = mid
    return window.export_record, window.status.text.text


def store_start() -> Any:
    from datetime import UTC, datetime

    return datetime(2026, 6, 12, 9, 0, tzinfo=UTC)


EXPORTS = {
    "review CSV": review_csv,
    "review PNG": review_png,
    "series PNG": series_png,
    "minutes PDF": minutes_pdf,
    "console record JSON": console_record,
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_app_exports_are_private_like_the_command_lines(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    export, _said = EXPORTS[kind](qtbot, store)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / f"file.{kind.split()[-1].lower()}"
    answer(monkeypatch, target)
    export()
    assert target.exists() and target.stat().st_size > 0
    assert mode(target) == 0o600, f"{kind} is {oct(mode(target))}"
    assert [p.name for p in target.parent.iterdir()] == [target.name], "no temporary file left beside it"


@pytest.mark.parametrize("kind", EXPORTS)
@pytest.mark.parametrize("target_kind", ["fifo", "read-only"])
def test_app_exports_refuse_a_pipe_or_a_read_only_file_naming_it(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, target_kind: str
) -> None:
    export, said = EXPORTS[kind](qtbot, store)
    boxes = warnings(monkeypatch)
    ending = kind.split()[-1].lower()
    target = tmp_path / f"shared.{ending}"
    if target_kind == "fifo":
        os.mkfifo(target)
    else:
        target.write_bytes(b"signed")
        target.chmod(0o444)
    answer(monkeypatch, target)
    export()  # returns at once: a pipe is never opened
    message = " ".join([*boxes, said()])
    assert str(target) in message and ".part" not in message and ".tmp" not in message
    if target_kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    else:
        assert target.read_bytes() == b"signed" and mode(target) == 0o444


def test_a_redacted_edition_is_saved_after_the_words_left_are_checked(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = record.parse(demo_record_path().read_bytes())
    mid = store.import_record(data)
    dialog = MinutesPreviewDialog(store, mid)
    qtbot.addWidget(dialog)
    tip = dialog.redacted_box.toolTip()
    assert "names MeetingKit knows" in tip and "check the words that still look like names" in tip
    assert "all text" not in tip  # it does not claim what it cannot do
    dialog.redacted_box.setChecked(True)
    left = list(dialog.names_left)
    assert left, "the demo's redacted text still holds words like names"
    asked: list[list[str]] = []

    def cancel(self: MinutesPreviewDialog, words: list[str]) -> None:
        asked.append(words)

    monkeypatch.setattr(MinutesPreviewDialog, "ask_names", cancel)
    answer(monkeypatch, tmp_path / "redacted.pdf")
    assert dialog.save_as() is None and not (tmp_path / "redacted.pdf").exists()
    assert asked == [left] and "Not saved" in dialog.message.text()

    replace = left[0]
    monkeypatch.setattr(MinutesPreviewDialog, "ask_names", lambda self, words: [replace])
    assert dialog.save_as() == tmp_path / "redacted.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "redacted.pdf").pages)
    assert replace not in text.replace(f"{replace[0]}.", "")
    assert dialog.names_left == [], "the words kept are not asked about again"


def test_the_words_dialog_lists_each_word_ticked_to_be_replaced(qtbot: QtBot) -> None:
    dialog = NamesLeftDialog(["Jones", "<b>Leeds</b>"])
    qtbot.addWidget(dialog)
    assert dialog.ticked() == ["Jones", "<b>Leeds</b>"]
    dialog.set_ticked({"Jones"})
    assert dialog.ticked() == ["Jones"]
    assert dialog.words.accessibleName() == "Words that may be names"
