"""The meeting editor: preparing a meeting's details, its people and its agenda, each on its own tab.

`dialog.py` is the dialog; `details_tab.py`, `people_tab.py` and `agenda_tab.py` are its tabs.
"""

from meetingkit.ui.prep.meeting_editor.dialog import MeetingEditor

__all__ = ["MeetingEditor"]
