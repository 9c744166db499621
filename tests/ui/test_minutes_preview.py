"""The minutes preview: shows the PDF, offers the two editions, and saves what `meetingkit minutes` writes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from meetingkit import cli
from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store
from meetingkit.ui.minutes.minutes_preview import MinutesPreviewDialog


@pytest.fixture
def demo_id(store: Store) -> int:
    return store.import_record(record.parse(demo_record_path().read_bytes()))


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer the file dialog with `target`; returns the suggested names it was shown."""
    asked: list[str] = []

    def fake(parent, caption, start, filters, selected=""):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(target), selected or filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_preview_saves_the_same_minutes_as_the_command_line(
    store,
    demo_id,
    db_path,
    tmp_path,
    monkeypatch,
    qtbot,  # noqa: ANN001
) -> None:
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    assert dialog.problem == ""
    assert dialog.document.pageCount() >= 2
    assert dialog.pages_label.text() == f"{dialog.document.pageCount()} pages"
    asked = save_to(monkeypatch, tmp_path / "from-app")  # no suffix typed: .pdf is added
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "from-app.pdf"
    assert saved.read_bytes() == dialog.pdf_bytes
    assert Path(asked[0]).name == "Stroke-HIT-steering-group-demo-minutes.pdf"
    assert dialog.message.text() == f"✓ Saved to {saved}"

    from_cli = tmp_path / "from-cli.pdf"
    assert cli.main(["--db", str(db_path), "minutes", str(demo_id), "-o", str(from_cli)]) == 0
    assert pdf_text(saved) == pdf_text(from_cli)
    assert "Eileen Foster" in "".join(pdf_text(saved))


def test_redacted_edition_without_participation_matches_the_command_line(
    store,
    demo_id,
    db_path,
    tmp_path,
    monkeypatch,
    qtbot,  # noqa: ANN001
) -> None:
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    full = dialog.pdf_bytes
    dialog.redacted_box.setChecked(True)
    dialog.participation_box.setChecked(False)
    assert dialog.pdf_bytes != full
    asked = save_to(monkeypatch, tmp_path / "redacted.pdf")
    # The words that may still be names are all confirmed as they are (as the command line leaves them).
    monkeypatch.setattr(MinutesPreviewDialog, "ask_names", lambda self, words: [])
    assert dialog.save_as() == tmp_path / "redacted.pdf"
    assert asked[0].endswith("-minutes-redacted.pdf")
    from_cli = tmp_path / "cli-redacted.pdf"
    argv = [
        "--db",
        str(db_path),
        "minutes",
        str(demo_id),
        "-o",
        str(from_cli),
        "--redacted",
        "--no-participation",
    ]
    assert cli.main(argv) == 0
    text = pdf_text(tmp_path / "redacted.pdf")
    assert text == pdf_text(from_cli)
    assert "Eileen Foster" not in "".join(text)


def test_a_missing_minutes_writer_gives_a_message_not_a_crash(store, demo_id, monkeypatch, qtbot) -> None:  # noqa: ANN001
    monkeypatch.setitem(sys.modules, "meetingkit.reports.minutes_pdf", None)  # import now fails
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    assert "the PDF writer is missing" in dialog.message.text()
    assert not dialog.message.isHidden()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_as() is None
    assert dialog.pages_label.text() == ""


def test_a_failing_writer_and_a_failing_save_are_reported(
    store, demo_id, tmp_path, monkeypatch, qtbot
) -> None:  # noqa: ANN001
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    save_to(monkeypatch, tmp_path / "no such folder" / "minutes.pdf")
    assert dialog.save_as() is None
    assert dialog.message.text().startswith("⚠ The minutes were not saved: ")

    import meetingkit.reports.minutes_pdf as minutes_pdf

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no fonts")

    monkeypatch.setattr(minutes_pdf, "render_pdf", broken)
    dialog.rebuild()
    assert dialog.message.text() == "⚠ The minutes could not be made: ValueError: no fonts"
    assert not dialog.save_button.isEnabled()


def test_preview_offers_the_accessible_edition_as_the_command_line_writes_it(
    store,
    demo_id,
    db_path,
    tmp_path,
    monkeypatch,
    qtbot,  # noqa: ANN001
) -> None:
    """Issue 18: the preview offers the HTML edition (DESIGN §5's edition for screen-reader users), the same page
    `meetingkit minutes -o FILE.html` writes; and a Word file for a draft to edit."""
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    asked = save_to(monkeypatch, tmp_path / "from-app")  # no ending typed: the web page's is added
    qtbot.mouseClick(dialog.save_web_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "from-app.html"
    assert Path(asked[0]).name == "Stroke-HIT-steering-group-demo-minutes.html"
    page = saved.read_text(encoding="utf-8")
    assert "<html lang=" in page and "<h1" in page and "Eileen Foster" in page
    from_cli = tmp_path / "from-cli.html"
    assert cli.main(["--db", str(db_path), "minutes", str(demo_id), "-o", str(from_cli)]) == 0
    assert page == from_cli.read_text(encoding="utf-8")
    assert oct(saved.stat().st_mode & 0o777) == "0o600"

    save_to(monkeypatch, tmp_path / "draft.docx")
    assert dialog.save_as(".pdf") == tmp_path / "draft.docx"  # the ending typed decides the edition
    assert (tmp_path / "draft.docx").read_bytes()[:2] == b"PK"


def _ink(image: QImage) -> tuple[int, int]:
    """How many different colours a picture has, and how many of its pixels are dark (text), on a 5 px grid."""
    colours, dark = set(), 0
    for x in range(0, image.width(), 5):
        for y in range(0, image.height(), 5):
            c = image.pixelColor(x, y)
            colours.add(c.rgb())
            dark += c.lightness() < 110
    return len(colours), dark


def test_the_first_look_at_the_preview_already_shows_page_one(store, demo_id, qtbot) -> None:  # noqa: ANN001
    """Issue 14: the preview grabbed blank for a moment after opening — the pages were drawn a paint later."""
    dialog = MinutesPreviewDialog(store, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    colours, dark = _ink(dialog.view.viewport().grab().toImage())  # no event loop yet: the very first look
    assert colours > 20 and dark > 50, "the pages on show are blank"
    # New options make new minutes: they show at once too, and so they do after a resize.
    dialog.redacted_box.setChecked(True)
    colours, dark = _ink(dialog.view.viewport().grab().toImage())
    assert colours > 20 and dark > 50
    dialog.resize(dialog.width() - 120, dialog.height() - 80)
    colours, dark = _ink(dialog.view.viewport().grab().toImage())
    assert colours > 20 and dark > 50
