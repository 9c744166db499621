"""Before Qt opens a window on Linux, a missing X11 library is named with the package to install (issue 15)."""

from __future__ import annotations

import sys
import types

import pytest

from meetingkit import cli, desktop_libs

X11_SESSION = {"DISPLAY": ":0"}


def loader_without(*missing: str):
    def load(soname: str) -> bool:
        return soname not in missing

    return load


def test_nothing_to_say_when_every_library_loads() -> None:
    assert desktop_libs.problem("linux", X11_SESSION, loader_without(), bundled=set()) is None


def test_a_missing_cursor_library_names_its_debian_package_in_one_line() -> None:
    message = desktop_libs.problem("linux", X11_SESSION, loader_without("libxcb-cursor.so.0"), bundled=set())
    assert message is not None and "\n" not in message
    assert message.endswith("On Debian or Ubuntu: sudo apt-get install libxcb-cursor0")


def test_every_missing_library_is_named_once_in_one_command() -> None:
    load = loader_without("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    message = desktop_libs.problem("linux", X11_SESSION, load, bundled=set())
    assert message is not None
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")


def test_a_library_the_qt_wheel_carries_itself_is_not_asked_for() -> None:
    load = loader_without("libxcb-cursor.so.0")
    assert desktop_libs.problem("linux", X11_SESSION, load, bundled={"libxcb-cursor.so.0"}) is None


@pytest.mark.parametrize(
    ("platform", "env"),
    [
        ("darwin", X11_SESSION),
        ("win32", X11_SESSION),
        ("linux", {"QT_QPA_PLATFORM": "offscreen"}),
        ("linux", {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}),
        ("linux", {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}),
    ],
)
def test_no_check_where_qt_does_not_use_its_xcb_plugin(platform: str, env: dict[str, str]) -> None:
    everything_missing = loader_without(*desktop_libs.XCB_LIBRARIES)
    assert desktop_libs.problem(platform, env, everything_missing, bundled=set()) is None


def test_xcb_asked_for_by_name_is_checked() -> None:
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    assert desktop_libs.problem("linux", env, loader_without("libxcb.so.1"), bundled=set()) is not None


def test_no_display_is_said_plainly() -> None:
    message = desktop_libs.problem("linux", {}, loader_without(), bundled=set())
    assert message == "MeetingKit cannot open its window: there is no X display (DISPLAY is not set)."


def test_the_real_loader_finds_the_c_library_and_not_a_made_up_one() -> None:
    assert desktop_libs.can_load("libc.so.6")
    assert not desktop_libs.can_load("libmeetingkit-no-such-library.so.9")


def test_the_app_stops_with_the_one_line_before_qt_starts(monkeypatch, capsys, tmp_path) -> None:
    never_started = types.ModuleType("meetingkit.app")  # were the check to let it through, no real Qt abort
    never_started.run_app = lambda db_path: pytest.fail("the app started without its X11 libraries")
    monkeypatch.setitem(sys.modules, "meetingkit.app", never_started)
    monkeypatch.setattr(desktop_libs.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(desktop_libs, "can_load", loader_without("libxcb-cursor.so.0"))
    monkeypatch.setattr(desktop_libs, "_bundled_with_qt", set)

    assert cli.main(["--db", str(tmp_path / "mk.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "sudo apt-get install libxcb-cursor0" in err
    assert not (tmp_path / "mk.db").exists()
