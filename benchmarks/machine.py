"""Which machine ran the benchmarks: processor, cores, Python, Qt, SQLite, system and how busy it was."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
from pathlib import Path


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(("model name", "Model", "Hardware")):
                return " ".join(line.split(":", 1)[1].split())
    if sys.platform == "darwin":
        done = subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    return platform.processor() or platform.machine() or "unknown processor"


def cores() -> str:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    total = os.cpu_count()
    return f"{usable} cores" if usable == total else f"{usable} of {total} cores"


def qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "Qt not installed"
    return f"Qt {qVersion()} (PySide6 {PySide6.__version__})"


def load() -> str:
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def describe() -> str:
    """One line naming the machine and the software the figures were measured with."""
    return (
        f"{cpu_model()}, {cores()}; Python {platform.python_version()}; {qt_versions()};"
        f" SQLite {sqlite3.sqlite_version}; {platform.system()} {platform.release()}"
    )
