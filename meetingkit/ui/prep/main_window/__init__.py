"""The main window: the meetings by series, and the place to prepare, run, review and minute each one.

`window.py` is the window; beside it, the parts it shows: the details of the selected meeting, its menus
and tool bar, the next-meeting dialog and the questions it asks.
"""

from meetingkit.ui.prep.main_window.window import MainWindow

__all__ = ["MainWindow"]
