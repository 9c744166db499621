"""Pieces every room uses: palette, text scale, the table-model base, the meeting's zone, the live bridge,
announcements and accessibility. Importing any room's widgets installs the app's accessibility factory."""

from meetingkit.ui.common import accessibility

accessibility.install()
