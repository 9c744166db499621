"""Previewing a meeting's PDF minutes in the app (QtPdf) and saving the very file the command line would write."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import Clock, SystemClock
from meetingkit.reports.file_writer import file_name, write_file
from meetingkit.reports.minutes_editions import ENDINGS, render_edition
from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.save_name import may_replace
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.minutes.names_left_dialog import NamesLeftDialog

# The three editions (DESIGN §5) by the file-dialog filter that names them; the HTML one is the accessible edition.
SAVE_FILTERS = {
    "PDF (*.pdf)": ".pdf",
    "Web page: the accessible edition, for screen readers and websites (*.html)": ".html",
    "Word document, to edit the draft (*.docx)": ".docx",
}


class PagesView(QPdfView):
    """QPdfView whose pages on show are drawn before it paints, never a blank white page first.

    QPdfView asks for a page's picture while painting and draws it when it arrives, a paint later (from its own
    thread): so the first look at the preview, and the first after a resize or new options, was blank pages.
    Here the pages are rendered in this thread (a page takes a few ms) as soon as the view has its size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = self.findChild(QPdfPageRenderer)  # the view's own; absent, pages come as before
        self._rendering = False
        if self._renderer is not None:
            self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.SingleThreaded)

    def render_pages_on_show(self) -> None:
        """Have the pictures of the pages in view ready for the next paint."""
        if self._renderer is None or self._rendering or not self.isVisible() or self.document() is None:
            return
        self._rendering = (
            True  # delivering the calls below may resize the view (its scroll bar): once is enough
        )
        try:
            self.viewport().grab()  # a paint off screen: the view asks for the pages it shows
            # The renderer answers through a queued call to its worker; deliver it now, not after the paint.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        finally:
            self._rendering = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.render_pages_on_show()  # fitted to the width: new sizes, new pictures


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
        self.doc: Any = None  # the minutes laid out once: every edition is rendered from it
        self.problem = ""
        self.also: list[str] = []  # words the secretary marked to be replaced too (redacted edition)
        self.kept: set[str] = set()  # words the secretary confirmed are not names
        self.names_left: list[str] = []  # words of the redacted edition on show that still look like names
        self._title = store.load_meeting(meeting_id).title
        self.setWindowTitle(f"Minutes: {self._title}")
        fit_to_screen(self, 820, 960)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._build()
        self.rebuild()
        self.editions.tabBar().setFocus()  # first: which edition to read (the Text tab for a screen reader)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        self.redacted_box = QCheckBox("Redacted edition")
        self.redacted_box.setAccessibleName("Redacted edition")
        self.redacted_box.setToolTip(
            "People shown as initials and role, organisations left out, and the names MeetingKit knows replaced "
            "in the text (this series' people, and names after a title such as Dr). Before saving, you check the "
            "words that still look like names."
        )
        self.participation_box = QCheckBox("Include participation")
        self.participation_box.setAccessibleName("Include participation")
        self.participation_box.setToolTip("The participation summary with its chart")
        self.participation_box.setChecked(True)
        self.redacted_box.toggled.connect(self.rebuild)
        self.participation_box.toggled.connect(self.rebuild)
        options.addWidget(self.redacted_box)
        options.addWidget(self.participation_box)
        options.addStretch(1)
        self.pages_label = ValueLabel()
        self.pages_label.setAccessibleName("Number of pages")
        options.addWidget(self.pages_label)
        layout.addLayout(options)

        self.message = ValueLabel()
        self.message.setAccessibleName("Minutes message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.view = PagesView(self)
        self.view.setAccessibleName("Minutes preview")
        self.view.setAccessibleDescription("The pages as they print; the Text tab has the same words to read")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # The pages are pictures to a screen reader: the Text tab gives the same minutes as text, page by
        # page, in a read-only field that a screen reader reads line by line (its caret moves with the arrows).
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text_view.setAccessibleName("Minutes text")
        self.text_view.setTabChangesFocus(True)
        self.editions = QTabWidget()
        self.editions.setAccessibleName("Minutes editions")
        self.editions.tabBar().setAccessibleName("Minutes editions")
        self.editions.addTab(self.view, "&Pages")
        self.editions.addTab(self.text_view, "&Text (for a screen reader)")
        layout.addWidget(self.editions, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton("Save as…")
        self.save_button.setAccessibleName("Save minutes as")
        self.save_button.clicked.connect(lambda: self.save_as(".pdf"))
        self.save_web_button = QPushButton("Save as &web page (accessible)…")
        self.save_web_button.setAccessibleName("Save the accessible edition as a web page")
        self.save_web_button.setToolTip(
            "The minutes as one web page with real headings and tables: the edition for screen readers"
            " and for publishing on a website"
        )
        self.save_web_button.clicked.connect(lambda: self.save_as(".html"))
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close preview")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_web_button)
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
        tell(self.message, text)  # shown and said
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
            from meetingkit.reports.minutes_document import build_minutes
            from meetingkit.reports.minutes_pdf import render_pdf
        except ImportError as exc:  # the report writer may be missing from a partial install or build
            return f"⚠ The minutes cannot be made in this version of MeetingKit: the PDF writer is missing ({exc})."
        from meetingkit.models.redaction import PeopleNames
        from meetingkit.reports.redaction_check import names_left, printed_text
        from meetingkit.store.series_people import series_people

        mid = self.meeting_id
        self.names_left = []
        try:
            live = self.store.rebuild(mid, self.clock)
            context = self.store.minutes_context(mid)
            # The same people the `minutes --redacted` command scrubs, so the two files agree.
            others = series_people(self.store.db, mid) if self.redacted else []
            self.doc = build_minutes(
                live,
                meeting_id=mid,
                **context,
                redacted=self.redacted,
                participation=self.participation,
                others=others,
                also=self.also,
            )
            pdf = render_pdf(self.doc)
            if self.redacted:
                names = PeopleNames(live.meeting.people, True, others=others, also=self.also)
                texts = printed_text(live, context["prior_actions"], context["prior_feedback"])
                self.names_left = [w for w in names_left(names, texts) if w not in self.kept]
        except Exception as exc:  # a preview that fails must say why, not take the app down with it
            return f"⚠ The minutes could not be made: {type(exc).__name__}: {exc}"
        self.pdf_bytes = pdf
        return ""

    def _show_pdf(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if not self.pdf_bytes:
            self.pages_label.setText("")
            self.text_view.setPlainText(self.problem)
            return
        # QPdfDocument reads from the device while the document is open, so the buffer must outlive the load.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        n = self.document.pageCount()
        self.pages_label.setText(f"{n} page{'s' if n != 1 else ''}")
        self.text_view.setPlainText(self.minutes_text())
        self.view.render_pages_on_show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.render_pages_on_show()  # the first look already shows page 1

    def minutes_text(self) -> str:
        """The words of the minutes as printed (the PDF's own text), with where each page begins."""
        n = self.document.pageCount()
        pages = [self.document.getAllText(i).text().strip() for i in range(n)]
        return "\n\n".join(f"— Page {i + 1} of {n} —\n{words}" for i, words in enumerate(pages))

    def suggested_name(self) -> str:
        stem = re.sub(r"[^\w\- ]+", "", self._title).strip().replace(" ", "-") or "meeting"
        return file_name(stem, f"-minutes{'-redacted' if self.redacted else ''}.pdf")

    def ask_names(self, words: list[str]) -> list[str] | None:
        """The words to replace too (None: the secretary cancelled)."""
        dialog = NamesLeftDialog(words, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.ticked()

    def check_names(self) -> bool:
        """Redacted edition: the secretary marks each word that still looks like a name, to be replaced or kept;
        the minutes are made again with the marked words replaced. False if they cancelled."""
        if not self.redacted or not self.names_left:
            return True
        words = list(self.names_left)
        replace = self.ask_names(words)
        if replace is None:
            self._say("Not saved: the words that may still be names were not checked.")
            return False
        self.kept |= set(words) - set(replace)
        if replace:
            self.also += [w for w in replace if w not in self.also]
            self.rebuild()
        return bool(self.pdf_bytes)

    def save_as(self, ending: str = ".pdf") -> Path | None:
        """Ask where, then write the edition the name's ending asks for (the same the `minutes` command writes
        for that ending); returns the path."""
        if not self.pdf_bytes or not self.check_names():
            return None
        start = str(Path.home() / self.suggested_name()).removesuffix(".pdf") + ending
        first = next(f for f, e in SAVE_FILTERS.items() if e == ending)
        name, chosen = QFileDialog.getSaveFileName(
            self, "Save the minutes", start, ";;".join(SAVE_FILTERS), first
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in ENDINGS:  # the ending of the kind of file chosen in the dialog
            ending = SAVE_FILTERS.get(chosen, ".pdf")
            path = path.with_name(path.name + ending)
        if not may_replace(self, path, name):
            return None
        try:
            data = self.pdf_bytes if path.suffix.lower() == ".pdf" else render_edition(path, self.doc)
            write_file(path, data)
        except OSError as exc:  # OutputError names the path chosen
            self._say(f"⚠ The minutes were not saved: {exc.strerror or exc}")
            return None
        self._say(f"✓ Saved to {path}")
        return path
