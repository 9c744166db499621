"""The review's Timeline tab: who spoke when, zoomable, with the selected turn in words below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from meetingkit.ui.review.timeline_view import TimelineView


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_in_button = zoom_in = QPushButton("Zoom in")
        zoom_in.setAccessibleName("Zoom timeline in")
        self.zoom_out_button = zoom_out = QPushButton("Zoom out")
        zoom_out.setAccessibleName("Zoom timeline out")
        hint = QLabel("Hover over a turn, or click it (then use the arrow keys), to see who spoke when.")
        hint.setWordWrap(True)
        bar.addWidget(zoom_in)
        bar.addWidget(zoom_out)
        bar.addWidget(hint, 1)
        self.timeline = TimelineView()
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName("Timeline area")
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the timeline inside takes focus and speaks
        self.area.setWidget(self.timeline)
        self.area.horizontalScrollBar().valueChanged.connect(self.timeline.set_label_offset)
        self.turn_label = QLabel("No turn selected.")
        self.turn_label.setTextFormat(Qt.TextFormat.PlainText)
        self.turn_label.setWordWrap(True)
        self.timeline.turn_selected.connect(lambda text: self.turn_label.setText(text or "No turn selected."))
        zoom_in.clicked.connect(lambda: self.timeline.set_zoom(self.timeline.zoom * 2))
        zoom_out.clicked.connect(lambda: self.timeline.set_zoom(self.timeline.zoom / 2))
        lay.addLayout(bar)
        lay.addWidget(self.area, 1)
        lay.addWidget(self.turn_label)
