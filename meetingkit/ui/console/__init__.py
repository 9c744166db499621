"""The chair's room: the live console, its panels and the speaker display."""

# Installs the accessibility factory: the console and speaker display read as windows.
from meetingkit.ui.common import accessibility  # noqa: F401
