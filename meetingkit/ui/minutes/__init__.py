"""The secretary's room: the notes panel, the minutes preview and the action register."""

# Installs the accessibility factory: windows read as windows, values are read.
from meetingkit.ui.common import accessibility  # noqa: F401
