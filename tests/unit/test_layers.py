"""The layers of DESIGN §1, read from the source of every module of the package: every import counts, at the
top of a file, inside a function or under TYPE_CHECKING, since each is a place where one file leans on another.

- models (and clock) import nothing of the project but the clock, and no Qt or SQL;
- store and reports import no Qt;
- Qt widgets only in ui/ and app.py (so the room view, if present, serves its page without widgets);
- nothing imports ui but app.py (and ui itself); nothing imports the front doors (app, cli) but the entry points;
- no import cycles between modules.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.unit.test_models_imports import PACKAGE, imported, module_name

BINDINGS = ("PySide6", "PySide2", "PyQt5", "PyQt6")
QT = (*BINDINGS, "shiboken6", "shiboken2", "qtpy")
SQL = ("sqlite3", "sqlite_utils")
WIDGET_MODULES = (
    "QtWidgets",
    "QtSvgWidgets",
    "QtOpenGLWidgets",
    "QtQuickWidgets",
    "QtMultimediaWidgets",
    "QtWebEngineWidgets",
    "QtCharts",
    "QtPrintSupport",
    "QtUiTools",
    "QtDesigner",
)
WIDGETS = tuple(f"{b}.{m}" for b in (*BINDINGS, "qtpy") for m in WIDGET_MODULES)


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@dataclass(frozen=True)
class Rule:
    """Modules in `where` (but not in `exempt`) must not import `forbids` (unless it is in `allows`)."""

    why: str
    where: tuple[str, ...]
    forbids: tuple[str, ...]
    exempt: tuple[str, ...] = ()
    allows: tuple[str, ...] = ()

    def applies_to(self, module: str) -> bool:
        return within(module, self.where) and not within(module, self.exempt)

    def broken_by(self, name: str) -> bool:
        return within(name, self.forbids) and not within(name, self.allows)


RULES = (
    Rule(
        "models import nothing of the project but clock and models, and no Qt or SQL",
        where=("meetingkit.models", "meetingkit.clock"),
        forbids=(*QT, *SQL, "meetingkit"),
        allows=("meetingkit.models", "meetingkit.clock"),
    ),
    Rule("store and reports import no Qt", where=("meetingkit.store", "meetingkit.reports"), forbids=QT),
    Rule(
        "Qt widgets only in meetingkit/ui and app.py",
        where=("meetingkit",),
        exempt=("meetingkit.ui", "meetingkit.app"),
        forbids=WIDGETS,
    ),
    Rule(
        "nothing imports meetingkit.ui but app.py",
        where=("meetingkit",),
        exempt=("meetingkit.ui", "meetingkit.app"),
        forbids=("meetingkit.ui",),
    ),
    Rule(
        "nothing imports the front doors: __main__ -> cli -> app",
        where=("meetingkit",),
        exempt=("meetingkit.__main__", "meetingkit.cli"),
        forbids=("meetingkit.app", "meetingkit.cli"),
    ),
)

SOURCES = {
    module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in path.parts
}


def imports_of(
    module: str, source: str | None = None, is_package: bool | None = None
) -> list[tuple[int, str]]:
    path = SOURCES.get(module)
    if source is None:
        assert path is not None
        source = path.read_text(encoding="utf-8")
    if is_package is None:
        is_package = path is not None and path.name == "__init__.py"
    return imported(source, module, is_package)


def breaches(module: str, names: list[tuple[int, str]]) -> list[str]:
    return [
        f"{module} line {line}: {name} ({rule.why})"
        for rule in RULES
        if rule.applies_to(module)
        for line, name in names
        if rule.broken_by(name)
    ]


def graph(sources: dict[str, list[tuple[int, str]]]) -> dict[str, set[str]]:
    """Module -> the project modules it imports; `from a.b import c` names a.b.c when that is a module."""

    def target(name: str) -> str | None:
        while name and name not in sources:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {m: set() for m in sources}
    for module, names in sources.items():
        for _, name in names:
            found = target(name)
            if found is not None and found != module:
                edges[module].add(found)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every set of modules that import each other round a loop (strongly connected, more than one module),
    each shown as one loop through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan; the package is a few hundred modules, far within the recursion limit
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(loop_through(sorted(component), edges))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def loop_through(component: list[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest path from the first module of the component back to itself (breadth first)."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v] & members):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"no loop through {component}")


def test_every_module_of_the_package_is_read() -> None:
    assert {
        "meetingkit.app",
        "meetingkit.cli",
        "meetingkit.store.repository",
        "meetingkit.models.session",
    } <= set(SOURCES)
    assert any(m.startswith("meetingkit.ui.console.") for m in SOURCES)
    assert any(m.startswith("meetingkit.reports.") for m in SOURCES)


@pytest.mark.parametrize("module", sorted(SOURCES))
def test_the_module_keeps_to_its_layer(module: str) -> None:
    found = breaches(module, imports_of(module))
    assert not found, "\n".join(found)


def test_no_import_cycles_between_modules() -> None:
    loops = cycles(graph({m: imports_of(m) for m in SOURCES}))
    assert loops == [], "import cycles: " + "; ".join(" -> ".join(loop) for loop in loops)


# ---- the checks themselves ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("meetingkit.models.session", "from meetingkit.store.database import StoreError"),
        ("meetingkit.models.session", "def later():\n    import sqlite3"),
        ("meetingkit.clock", "from PySide6.QtCore import QTimer"),
        ("meetingkit.store.repository", "from PySide6.QtCore import QObject"),
        ("meetingkit.reports.minutes_pdf", "import PySide6.QtGui"),
        (
            "meetingkit.reports.minutes_pdf",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import qtpy",
        ),
        ("meetingkit.room.server", "from PySide6 import QtWidgets"),
        ("meetingkit.cli", "from PySide6.QtWidgets import QApplication"),
        ("meetingkit.store.live_session", "def later():\n    from PySide6.QtCharts import QChartView"),
        ("meetingkit.cli", "from meetingkit.ui.prep.main_window import MainWindow"),
        ("meetingkit.reports.minutes_pdf", "from ..ui.common import palette"),
        ("meetingkit.store.repository", "import importlib\nimportlib.import_module('meetingkit.ui.console')"),
        ("meetingkit.ui.prep.main_window", "from meetingkit.cli import main"),
        ("meetingkit.store.repository", "from meetingkit import app"),
    ],
)
def test_the_layer_check_catches_each_kind_of_breach(module: str, source: str) -> None:
    assert breaches(module, imports_of(module, source, is_package=False))


def test_the_layer_check_lets_each_layer_use_what_it_may() -> None:
    allowed = {
        "meetingkit.models.session": "from meetingkit.clock import Clock\nfrom . import schedule\nimport json",
        "meetingkit.store.repository": "from sqlite_utils import Database\nfrom meetingkit.models import meeting",
        "meetingkit.room.server": "from PySide6.QtCore import QObject\nfrom PySide6.QtWebSockets import QWebSocket",
        "meetingkit.ui.console.console_window": "from PySide6.QtWidgets import QWidget\nfrom ..common import palette",
        "meetingkit.app": "from PySide6.QtWidgets import QApplication\nfrom meetingkit.ui.prep import main_window",
        "meetingkit.cli": "from meetingkit import app\nfrom meetingkit.reports import minutes_pdf",
    }
    for module, source in allowed.items():
        assert breaches(module, imports_of(module, source, is_package=False)) == [], module


def test_the_cycle_check_finds_a_loop_through_a_function_level_import() -> None:
    sources = {
        "p.a": imported("from p.b import B", "p.a"),
        "p.b": imported("from p import c", "p.b"),
        "p.c": imported("def later():\n    from .a import A", "p.c"),
        "p.d": imported("from p.a import A", "p.d"),
        "p": [],
    }
    assert cycles(graph(sources)) == [["p.a", "p.b", "p.c", "p.a"]]
    sources["p.c"] = []
    assert cycles(graph(sources)) == []
