"""Meetings of one series replayed out of date order: each keeps its own actions, with keys of its own, and every
output of every meeting works (DESIGN §3 Actions: a key is unique within its series)."""

from __future__ import annotations

import copy
import csv
import itertools
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from meetingkit.cli import main
from meetingkit.resources import demo_record_path


def keyless_copy(weeks: int) -> dict[str, Any]:
    """The demo record `weeks` weeks later, its action keys left out so the engine numbers them."""
    data = json.loads(demo_record_path().read_text(encoding="utf-8"))
    data["events"] = [ev for ev in data["events"] if ev["do"] != "action_update"]
    for ev in data["events"]:
        ev.pop("key", None)
    start = datetime.fromisoformat(data["meeting"]["scheduled_start"]) + timedelta(weeks=weeks)
    data["meeting"]["scheduled_start"] = start.isoformat()
    return data


def write_copy(folder: Path, weeks: int) -> Path:
    path = folder / f"plus-{weeks}-weeks.json"
    path.write_text(json.dumps(keyless_copy(weeks)), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def own_action_keys(capsys: pytest.CaptureFixture[str], db: Path, mid: int, folder: Path) -> list[str]:
    """The keys of the actions a meeting agreed, as its exported record names them."""
    out = folder / f"export-{mid}.json"
    code, _, err = run(capsys, "export", str(mid), "-o", str(out), "--db", str(db))
    assert (code, err) == (0, "")
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    return [ev["key"] for ev in events if ev["do"] == "action"]


def register_keys(capsys: pytest.CaptureFixture[str], db: Path, folder: Path) -> list[str]:
    out = folder / "register.csv"
    code, _, err = run(capsys, "actions", "-o", str(out), "--db", str(db))
    assert (code, err) == (0, "")
    with out.open(encoding="utf-8", newline="") as f:
        return [row[0] for row in list(csv.reader(f))[1:]]


def test_the_later_meeting_first_then_the_earlier_one_every_output_works(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    """The colleague's steps: +8 weeks replayed first, then +4 weeks; minutes, approve and export of meeting 1
    said "There is already an action 'SHD-1' in this series"."""
    later, earlier = write_copy(tmp_path, 8), write_copy(tmp_path, 4)
    assert run(capsys, "replay", str(later), "--db", str(db_path))[:2] == (0, "1\n")
    assert run(capsys, "replay", str(earlier), "--db", str(db_path))[:2] == (0, "2\n")

    code, out, err = run(capsys, "minutes", "1", "-o", str(tmp_path / "x.pdf"), "--db", str(db_path))
    assert (code, err) == (0, "") and "Minutes written to" in out
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "approve", "1", "--db", str(db_path))
    assert (code, err) == (0, "") and "approved" in out
    later_keys = own_action_keys(capsys, db_path, 1, tmp_path)
    earlier_keys = own_action_keys(capsys, db_path, 2, tmp_path)
    # The later meeting keeps the references it was given; the earlier one takes the next free ones.
    assert later_keys == ["SHD-1", "SHD-2", "SHD-3"]
    assert earlier_keys == ["SHD-4", "SHD-5", "SHD-6"]
    assert sorted(register_keys(capsys, db_path, tmp_path)) == sorted(later_keys + earlier_keys)

    code, _, err = run(capsys, "minutes", "2", "-o", str(tmp_path / "y.html"), "--db", str(db_path))
    assert (code, err) == (0, "")
    page = (tmp_path / "y.html").read_text(encoding="utf-8")
    # The earlier meeting's minutes do not review the later meeting's actions as if agreed before it.
    assert "SHD-4" in page and "SHD-1" not in page
    later_page = tmp_path / "x.html"
    assert run(capsys, "minutes", "1", "-o", str(later_page), "--db", str(db_path))[0] == 0
    # The later meeting's action log has the series' six actions: its own and the earlier meeting's.
    assert all(k in later_page.read_text(encoding="utf-8") for k in later_keys + earlier_keys)


ORDERS = list(itertools.permutations([4, 8, 12]))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(map(str, o)) for o in ORDERS])
def test_any_import_order_gives_each_meeting_its_own_actions(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, order: tuple[int, ...]
) -> None:
    """Three meetings of a series imported in every order: each has its own three actions, no key is used
    twice in the series, and minutes, summary, stats, export and approve work for each meeting."""
    base = keyless_copy(0)
    for n, weeks in enumerate(order, start=1):
        data = copy.deepcopy(base)
        start = datetime.fromisoformat(base["meeting"]["scheduled_start"]) + timedelta(weeks=weeks)
        data["meeting"]["scheduled_start"] = start.isoformat()
        path = tmp_path / f"record-{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert run(capsys, "replay", str(path), "--db", str(db_path))[:2] == (0, f"{n}\n")

    keys = {mid: own_action_keys(capsys, db_path, mid, tmp_path) for mid in (1, 2, 3)}
    every = [k for mid in keys for k in keys[mid]]
    assert all(len(own) == 3 for own in keys.values())
    assert len(set(every)) == 9 and all(k.startswith("SHD-") for k in every)
    assert sorted(register_keys(capsys, db_path, tmp_path)) == sorted(every)
    for mid in (1, 2, 3):
        for argv in (
            ["minutes", str(mid), "-o", str(tmp_path / f"m{mid}.html")],
            ["summary", str(mid), "-o", str(tmp_path / f"s{mid}.pdf")],
            ["stats", str(mid), "--json"],
        ):
            code, _, err = run(capsys, *argv, "--db", str(db_path))
            assert (code, err) == (0, ""), argv
        page = (tmp_path / f"m{mid}.html").read_text(encoding="utf-8")
        weeks = order[mid - 1]
        # its own actions, and those of the meetings before it, never those of a later meeting
        seen = [m for m in (1, 2, 3) if order[m - 1] <= weeks]
        unseen = [m for m in (1, 2, 3) if order[m - 1] > weeks]
        assert all(k in page for m in seen for k in keys[m])
        assert not any(f"{k}<" in page or f"{k} " in page for m in unseen for k in keys[m])
    for mid in (1, 2, 3):  # each approves its own minutes (the record holds no approval of them)
        code, _, err = run(capsys, "approve", str(mid), "--db", str(db_path))
        assert (code, err) == (0, ""), mid
