"""The representatives' room: who spoke and for how long, and what became of their feedback."""

# Installs the accessibility factory: the review and series windows read as windows.
from meetingkit.ui.common import accessibility  # noqa: F401
