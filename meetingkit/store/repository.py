"""The store of one MeetingKit user: `Store` joins its parts, each the one owner of the SQL for what it keeps.

people.py       the directory and the series
meetings.py     meetings as planned (settings, people, agenda)       -> MeetingRow
actions_store.py actions, their updates, the series' feedback -> ActionRow
events_store.py the event log, live sessions, records, turns and figures
"""

from __future__ import annotations

from meetingkit.store.actions_store import ActionRow
from meetingkit.store.busy_file import writes_report_busy
from meetingkit.store.damage import reads_report_damage
from meetingkit.store.events_store import EventsStore
from meetingkit.store.meetings import MeetingRow

__all__ = ["ActionRow", "MeetingRow", "Store"]


@writes_report_busy
@reads_report_damage
class Store(EventsStore):
    """The database of one MeetingKit user: opened once at start-up and handed to whoever needs it."""
