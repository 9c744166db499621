"""Fontconfig's own set-up (reading its configuration files and font caches) begun on a thread of its own while
Python loads Qt, on Linux.

Qt calls `FcInit()` the first time the window measures text; that call reads and parses fontconfig's XML and
caches, about 6 ms of the start and work a bare window never does. Called earlier, from a thread through ctypes
(which lets go of Python's lock), it overlaps the loading of Qt's modules, and Qt's own call then finds it
done: FcInit does nothing once the default configuration is loaded. The app waits for it before it creates
its QApplication, so fontconfig is never set up by two threads at once. Anywhere this cannot run (another
system, no libfontconfig), Qt sets fontconfig up as it always does.
"""

from __future__ import annotations

import ctypes
import sys
import threading

WAIT_S = 5.0  # a font folder on a slow network share: Qt would wait as long for it

_thread: threading.Thread | None = None


def begin() -> None:
    """Starts FcInit on its own thread (once; Linux only)."""
    global _thread
    if _thread is not None or not sys.platform.startswith("linux"):
        return
    try:
        init = ctypes.CDLL("libfontconfig.so.1").FcInit
    except (OSError, AttributeError):
        return
    _thread = threading.Thread(target=init, name="meetingkit-fontconfig", daemon=True)
    _thread.start()


def wait() -> None:
    """Returns once the set-up begun by `begin` is over (or at once if none was begun)."""
    if _thread is not None:
        _thread.join(WAIT_S)
