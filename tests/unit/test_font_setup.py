"""Fontconfig set up on a thread while Qt loads (font_setup.py): once, only where it can be, and waited for."""

from __future__ import annotations

import ctypes
import sys

import pytest

from meetingkit import font_setup


def test_begin_runs_fcinit_once_on_its_own_thread_and_wait_joins_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Lib:
        def FcInit(self) -> int:  # noqa: N802 (fontconfig's name)
            import threading

            calls.append(threading.current_thread().name)
            return 1

    monkeypatch.setattr(font_setup, "_thread", None)
    monkeypatch.setattr(font_setup.sys, "platform", "linux")
    monkeypatch.setattr(font_setup.ctypes, "CDLL", lambda name: Lib())
    font_setup.begin()
    font_setup.begin()
    font_setup.wait()
    assert calls == ["meetingkit-fontconfig"]


def test_without_fontconfig_or_off_linux_nothing_is_begun(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> ctypes.CDLL:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(font_setup, "_thread", None)
    monkeypatch.setattr(font_setup.ctypes, "CDLL", missing)
    font_setup.begin()
    assert font_setup._thread is None
    monkeypatch.setattr(font_setup.sys, "platform", "darwin")
    font_setup.begin()
    assert font_setup._thread is None
    font_setup.wait()  # nothing to wait for


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_the_real_fcinit_runs_and_qt_still_finds_fonts(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(font_setup, "_thread", None)
    font_setup.begin()
    font_setup.wait()
    assert QFontDatabase.families()
