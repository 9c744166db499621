"""'Page N of M' at the foot of every page of a MeetingKit PDF (the minutes and the summary for representatives).

M is drawn once, at the end, into a form that every page refers to: the pages are finished as they come, so
each bookmark points at the page it was made on and no second pass over the document is needed."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from meetingkit.reports.fonts import REGULAR
from meetingkit.reports.styles import MUTED

FORM = "mk_page_count"


def page_count_canvas(left: float, y: float, size: float) -> type[Canvas]:
    """A canvas class (for `build(canvasmaker=...)`) that writes 'Page N of M' at (left, y) in `size` points."""

    class PageCountCanvas(Canvas):
        def showPage(self) -> None:
            self.saveState()
            self.setFont(REGULAR, size)
            self.setFillColor(MUTED)
            lead = f"Page {self.getPageNumber()} of "
            self.drawString(left, y, lead)
            self.translate(left + stringWidth(lead, REGULAR, size), y)
            self.doForm(FORM)
            self.restoreState()
            super().showPage()

        def save(self) -> None:
            self.beginForm(FORM, 0, -3, 60, size + 4.5)
            self.setFont(REGULAR, size)
            self.setFillColor(MUTED)
            self.drawString(0, 0, str(self.getPageNumber() - 1))
            self.endForm()
            super().save()

    return PageCountCanvas
