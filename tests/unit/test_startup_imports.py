"""Start-up loads only what the main window needs: importing the app pulls in neither the live engine nor the
report code (they load when a meeting is run, reviewed or written up). The start-up benchmark is judged against a
bare window with sqlite-utils; an import at the top of a store module once brought the whole engine back."""

from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_START = ("meetingkit.models.session", "meetingkit.models.record", "meetingkit.reports", "reportlab")


def test_importing_the_app_loads_neither_the_engine_nor_the_reports() -> None:
    probe = "import json, sys; import meetingkit.app; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert [m for m in loaded if m.startswith(NOT_AT_START)] == []
