"""The dependency rule of DESIGN §1: the domain (meetingkit/models and meetingkit/clock.py) uses no Qt, no SQL,
no PDF library, and nothing of the project but the clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import meetingkit

PACKAGE = Path(meetingkit.__file__).resolve().parent
DOMAIN = sorted((PACKAGE / "models").rglob("*.py")) + [PACKAGE / "clock.py"]

FORBIDDEN = (
    "PySide6",
    "PySide2",
    "PyQt5",
    "PyQt6",
    "shiboken6",
    "qtpy",
    "sqlite3",
    "sqlite_utils",
    "reportlab",
    "meetingkit.store",
    "meetingkit.reports",
    "meetingkit.ui",
    "meetingkit.app",
    "meetingkit.cli",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module the source imports (relative imports resolved), with its line; also string
    arguments to importlib.import_module / __import__, the usual way round a plain import."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((node.lineno, arg.value))
    return found


def offending(names: list[tuple[int, str]]) -> list[str]:
    bad = []
    for line, name in names:
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
            bad.append(f"line {line}: {name}")
        elif name.startswith("meetingkit.") and not name.startswith(
            ("meetingkit.models", "meetingkit.clock")
        ):
            bad.append(f"line {line}: {name} (models import nothing of the project but clock)")
    return bad


def test_the_domain_modules_are_all_found() -> None:
    names = {p.name for p in DOMAIN}
    assert {"meeting.py", "session.py", "schedule.py", "participation.py", "record.py", "summary.py"} <= names
    assert "clock.py" in names


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_sql_pdf_or_outer_layer_in_the_domain(path: Path) -> None:
    names = imported(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    assert offending(names) == [], f"{path.relative_to(PACKAGE.parent)} imports what the domain must not"


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6.QtCore",
        "from PySide6 import QtWidgets",
        "import sqlite3 as db",
        "from sqlite_utils import Database",
        "from reportlab.platypus import Paragraph",
        "from meetingkit.store.repository import Store",
        "from ..ui import live_bridge",
        "from .. import cli",
        "from meetingkit import app",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "__import__('sqlite3')",
        "def later():\n    import reportlab",
    ],
)
def test_the_check_itself_catches_each_kind_of_import(source: str) -> None:
    assert offending(imported(source, "meetingkit.models.session"))


def test_the_check_lets_the_domain_use_itself_and_the_standard_library() -> None:
    source = (
        "import json, math\nfrom datetime import UTC\nfrom meetingkit.clock import Clock\n"
        "from meetingkit.models import schedule\nfrom . import participation\nfrom .meeting import BREAK\n"
    )
    assert offending(imported(source, "meetingkit.models.session")) == []
