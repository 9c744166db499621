"""Exporting the meeting record (every event so far, saved or not) to a file the chair chooses.

It comes from the engine in memory, not the database, so it works while the disk refuses writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from meetingkit.models import record
from meetingkit.models.session import LiveMeeting
from meetingkit.reports.file_writer import file_name, write_file
from meetingkit.ui.console.status_line import StatusLine


def record_file_name(live: LiveMeeting) -> str:
    """A file name for the meeting record: the title (cleaned, short: reports.file_writer.file_name) and the date."""
    return file_name(live.meeting.title, f" {live.meeting.scheduled_start.date().isoformat()} record.json")


def export_record(parent: QWidget, live: LiveMeeting, status: StatusLine) -> Path | None:
    """Ask where, write the record there, and say on the status line how it went."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        "Export meeting record",
        str(Path(folder) / record_file_name(live)),
        "Meeting records (*.json);;All files (*)",
    )
    if not chosen:
        return None
    path = Path(chosen)
    try:
        write_file(path, json.dumps(record.write(live), ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        why = getattr(exc, "why", None) or exc.strerror or str(exc)
        status.not_done(f"the record could not be written to {path}: {why}")
        return None
    status.done(f"meeting record ({len(live.events)} events) exported to {path}")
    return path
