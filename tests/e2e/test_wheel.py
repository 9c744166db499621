"""MeetingKit installed as a user would get it (issue 15): the wheel built from this checkout, installed with
its dependencies (at the versions in constraints.txt) into a fresh virtual environment, runs `meetingkit demo`
and `meetingkit minutes` from a folder outside the checkout, with nothing of the checkout on the path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "artifacts", ".*_cache", ".hypothesis"
)


# Dependency wheels kept between runs of this checkout (build/ is ignored by git): a fresh clone downloads them
# once from the index; later runs install them with --no-index. The venv itself is new every run.
WHEELS = ROOT / "build" / "wheel-test-cache"


def _pip(*args: str, cwd: Path, check: bool = True) -> bool:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    if check:
        assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.returncode == 0


@dataclass(frozen=True)
class Installed:
    wheel: Path
    env_dir: Path
    bin_dir: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel of this checkout, and a fresh venv holding it and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy, so that setuptools' build/ folder never lands in (or leaks stale files from) the checkout.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    dist = work / "dist"
    constrained = ["-c", str(CONSTRAINTS), "--build-constraint", str(CONSTRAINTS)]
    _pip("wheel", "--quiet", "--no-deps", *constrained, "-w", str(dist), str(source), cwd=work)
    (wheel,) = dist.glob("meetingkit-*.whl")

    env_dir = work / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # the test's own pip installs into it (--python)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    local = ["--no-index", "--find-links", str(WHEELS), "--no-compile", *constrained]
    install = ["--python", str(bin_dir / "python"), "install", "--quiet"]
    if not _pip(*install, *local, str(wheel), cwd=work, check=False):
        _pip("download", "--quiet", *constrained, "-d", str(WHEELS), str(wheel), cwd=work)
        for copy in WHEELS.glob("meetingkit-*.whl"):
            copy.unlink()
        _pip(*install, *local, str(wheel), cwd=work)
    return Installed(wheel, env_dir, bin_dir)


def _run(bin_dir: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(bin_dir / argv[0]), *argv[1:]], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_wheel_carries_fonts_their_licence_demo_record_room_page_sounds_and_the_licence(
    installed: Installed,
) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for name in (
        "meetingkit/resources/__init__.py",
        "meetingkit/resources/fonts/DejaVuSans.ttf",
        "meetingkit/resources/fonts/DejaVuSans-Bold.ttf",
        "meetingkit/resources/fonts/LICENSE-DejaVu.txt",
        "meetingkit/resources/fonts/DroidSansFallbackFull.ttf",
        "meetingkit/resources/fonts/LICENSE-DroidSansFallback.txt",
        "meetingkit/resources/fonts/NanumGothic.ttf",
        "meetingkit/resources/fonts/LICENSE-Nanum.txt",
        "meetingkit/resources/demo/partnership-board.json",
        "meetingkit/resources/room/room.html",
        "meetingkit/resources/room/room.css",
        "meetingkit/resources/room/room.js",
        "meetingkit/resources/sounds/chime.wav",
        "meetingkit/resources/sounds/chime.wav",
        "meetingkit-0.1.0.dist-info/licenses/LICENSE",
    ):
        assert name in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "resources/", "scripts/"))]


def _fonts(pdf: Path) -> set[str]:
    reader = PdfReader(pdf)
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def test_demo_and_minutes_work_from_the_installed_wheel(installed: Installed, tmp_path: Path) -> None:
    outside = tmp_path / "somewhere else"
    outside.mkdir()
    probe = "import meetingkit.resources as r; print(r.__file__)"
    where = _run(installed.bin_dir, outside, "python", "-c", probe)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.env_dir)  # the wheel, not this checkout

    demo = _run(installed.bin_dir, outside, "meetingkit", "demo", "--db", "mk.db", "--out", "x.pdf")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.splitlines() == [
        "Demo meeting 1: Stroke HIT steering group (demo)",
        "Minutes written to x.pdf",
    ]
    minutes = _run(installed.bin_dir, outside, "meetingkit", "minutes", "1", "--db", "mk.db", "-o", "m.pdf")
    assert (minutes.returncode, minutes.stderr) == (0, "")

    for pdf in (outside / "x.pdf", outside / "m.pdf"):
        assert "Stroke HIT steering group (demo)" in PdfReader(pdf).pages[0].extract_text()
        assert any("DejaVuSans" in name for name in _fonts(pdf)), _fonts(pdf)
