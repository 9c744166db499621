"""The participation review of one meeting: who spoke, for how long, which voices were missing, what came of it.

`window.py` is the window; beside it, its 'At a glance' box and one file per tab.
"""

from meetingkit.ui.review.review_window.window import ReviewWindow

__all__ = ["ReviewWindow"]
