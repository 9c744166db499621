"""Previewing a meeting's PDF minutes in the app (QtPdf) and saving the very file the command line would write."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import Clock, SystemClock
from meetingkit.store.repository import Store


class MinutesPreviewDialog(QDialog):
    """The minutes as they will print, with the two editions the command line offers, and Save as…"""

    def __init__(
        self, store: Store, meeting_id: int, parent: QWidget | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.clock = clock or SystemClock()
        self.pdf_bytes = b""
        self.problem = ""
        self._title = store.load_meeting(meeting_id).title
        self.setWindowTitle(f"Minutes: {self._title}")
        self.resize(820, 960)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._build()
        self.rebuild()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        self.redacted_box = QCheckBox("Redacted edition")
        self.redacted_box.setAccessibleName("Redacted edition")
        self.redacted_box.setToolTip("People shown as initials and role; names taken out of all text")
        self.participation_box = QCheckBox("Include participation")
        self.participation_box.setAccessibleName("Include participation")
        self.participation_box.setToolTip("The participation summary with its chart")
        self.participation_box.setChecked(True)
        self.redacted_box.toggled.connect(self.rebuild)
        self.participation_box.toggled.connect(self.rebuild)
        options.addWidget(self.redacted_box)
        options.addWidget(self.participation_box)
        options.addStretch(1)
        self.pages_label = QLabel()
        self.pages_label.setAccessibleName("Number of pages")
        options.addWidget(self.pages_label)
        layout.addLayout(options)

        self.message = QLabel()
        self.message.setAccessibleName("Minutes message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.view = QPdfView(self)
        self.view.setAccessibleName("Minutes preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton("Save as…")
        self.save_button.setAccessibleName("Save minutes as")
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close preview")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    @property
    def redacted(self) -> bool:
        return self.redacted_box.isChecked()

    @property
    def participation(self) -> bool:
        return self.participation_box.isChecked()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def rebuild(self) -> None:
        """Make the minutes in memory with the chosen options and show them."""
        self.pdf_bytes = b""
        self.problem = self._make_pdf()
        self._show_pdf()
        self.save_button.setEnabled(bool(self.pdf_bytes))
        self._say(self.problem)

    def _make_pdf(self) -> str:
        """Fill `pdf_bytes`; returns what went wrong, in words, or "" when the minutes were made."""
        try:
            from meetingkit.reports.minutes_pdf import write_minutes
        except ImportError as exc:  # the report writer may be missing from a partial install or build
            return f"⚠ The minutes cannot be made in this version of MeetingKit: the PDF writer is missing ({exc})."
        mid = self.meeting_id
        try:
            live = self.store.rebuild(mid, self.clock)
            buf = io.BytesIO()
            write_minutes(
                buf,
                live,
                meeting_id=mid,
                **self.store.minutes_context(mid),
                redacted=self.redacted,
                participation=self.participation,
            )
        except Exception as exc:  # a preview that fails must say why, not take the app down with it
            return f"⚠ The minutes could not be made: {type(exc).__name__}: {exc}"
        self.pdf_bytes = buf.getvalue()
        return ""

    def _show_pdf(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if not self.pdf_bytes:
            self.pages_label.setText("")
            return
        # QPdfDocument reads from the device while the document is open, so the buffer must outlive the load.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        n = self.document.pageCount()
        self.pages_label.setText(f"{n} page{'s' if n != 1 else ''}")

    def suggested_name(self) -> str:
        stem = re.sub(r"[^\w\- ]+", "", self._title).strip().replace(" ", "-") or "meeting"
        return f"{stem}-minutes{'-redacted' if self.redacted else ''}.pdf"

    def save_as(self) -> Path | None:
        """Ask where, then write the bytes shown (the same the `minutes` command writes); returns the path."""
        if not self.pdf_bytes:
            return None
        start = str(Path.home() / self.suggested_name())
        name, _ = QFileDialog.getSaveFileName(self, "Save the minutes", start, "PDF files (*.pdf)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_whole(path, self.pdf_bytes)
        except OSError as exc:
            self._say(f"⚠ The minutes were not saved: {exc.strerror or exc} ({path})")
            return None
        self._say(f"✓ Saved to {path}")
        return path


def write_whole(path: Path, data: bytes) -> None:
    """Write whole or not at all: a private temporary file beside the target, then a rename over it."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
