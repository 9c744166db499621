"""Before the app opens a window on Linux: are the system libraries Qt's xcb (X11) platform plugin loads there?

Without one of them Qt aborts with a message that can name the wrong package (it asks for libxcb-cursor0
whenever the plugin fails to load), so the app looks first and says in one line what to install.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Every library outside the PySide6 wheel that PySide6's libqxcb.so and libQt6XcbQpa.so.6 link against
# (`ldd`), with the Debian/Ubuntu package that ships it.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def can_load(soname: str) -> bool:
    """What Qt does: ask the dynamic loader for the library by name (LD_LIBRARY_PATH, ld.so.cache, /lib...)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _bundled_with_qt() -> set[str]:
    """Libraries the PySide6 wheel carries itself (none of the above today, but a later wheel may)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return set()
    lib = Path(next(iter(spec.submodule_search_locations)), "Qt", "lib")
    return {p.name for p in lib.glob("*.so*")} if lib.is_dir() else set()


def uses_xcb(platform: str, env: Mapping[str, str]) -> bool:
    """Whether Qt will try its xcb plugin: on Linux, unless another platform is asked for or the session is
    Wayland (Qt 6 then starts its wayland plugin)."""
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not (env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"))


def missing_packages(load: Callable[[str], bool], bundled: set[str] | None = None) -> list[str]:
    """The Debian/Ubuntu packages whose libraries the dynamic loader cannot find, in a stable order."""
    bundled = _bundled_with_qt() if bundled is None else bundled
    packages: list[str] = []
    for soname, package in XCB_LIBRARIES.items():
        if soname not in bundled and not load(soname) and package not in packages:
            packages.append(package)
    return packages


def problem(
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    load: Callable[[str], bool] | None = None,
    bundled: set[str] | None = None,
) -> str | None:
    """One line saying what to install before Qt can open a window, or None when nothing is missing.

    By default: this machine, this environment, the dynamic loader."""
    env = os.environ if env is None else env
    if not uses_xcb(sys.platform if platform is None else platform, env):
        return None
    packages = missing_packages(can_load if load is None else load, bundled)
    if packages:
        return (
            f"MeetingKit cannot open its window: the system lacks Qt's X11 libraries ({', '.join(packages)})."
            f" On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}"
        )
    if not env.get("DISPLAY"):  # Qt would abort here too, again asking for libxcb-cursor0
        return "MeetingKit cannot open its window: there is no X display (DISPLAY is not set)."
    return None
