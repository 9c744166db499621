"""Were you heard? through the room view (DESIGN §11), with real WebSocket clients: devices answer, the chair
sees how many (never who), closing writes the counts as `pulse` events and nothing identifying is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import Attendee
from meetingkit.room.pulse_box import COUNTED
from meetingkit.room.server import RoomServer
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.pulse_panel import PulsePanel
from tests.room_clients import RoomClient
from tests.ui.console_meeting import board

# Four representatives and six others present (Tariq Aziz sent apologies).
EXTRA = [
    Attendee("p3", "Nadia Okafor", "Healthwatch", "patients and public", "patient_rep", True),
    Attendee("p4", "Owen Price", "Stroke survivors' group", "patients and public", "member", True),
]


@pytest.fixture
def bridge(store: Store, clock: FakeClock, qtbot: Any) -> Iterator[LiveBridge]:
    meeting = board(clock)
    meeting.people.extend(EXTRA)
    mid = store.create_meeting(meeting)
    bridge = LiveBridge(store.open_live(mid, clock))
    c = bridge.command
    c("start_meeting")
    c("speak", who="p1")
    clock.advance(90)
    c("skip_break", reason="Short of time")
    c("end_meeting")
    yield bridge
    bridge.stop()


@pytest.fixture
def room(bridge: LiveBridge) -> Iterator[RoomServer]:
    server = RoomServer(bridge.session)
    bridge.changed.connect(server.publish)
    server.start("127.0.0.1", 0)
    yield server
    server.stop()


@pytest.fixture
def panel(qtbot: Any, bridge: LiveBridge, room: RoomServer) -> PulsePanel:
    said: list[str] = []
    p = PulsePanel(bridge, room, said.append)
    p.said = said  # type: ignore[attr-defined]
    qtbot.addWidget(p)
    return p


class Device:
    """One phone on the room page, reduced to its WebSocket: it says hello and answers the pulse."""

    def __init__(self, qtbot: Any, room: RoomServer, n: int) -> None:
        self.device = f"device-secret-{n:04d}-abcdef"
        self.ballot = f"ballot-secret-{n:04d}-uvwxyz"
        self.client = RoomClient(qtbot, f"ws://127.0.0.1:{room.port}/ws?k={room.token}").connected()
        self.client.send({"type": "hello", "device": self.device})
        self.pulse = self.client.wait_for("pulse")

    def answer(self, group: str | None, chance: str | None, listened: str | None) -> dict[str, Any]:
        self.client.send(
            {
                "type": "pulse",
                "id": self.pulse["id"],
                "ballot": self.ballot,
                "group": group,
                "chance": chance,
                "listened": listened,
            }
        )
        return self.client.wait_for("pulse", id=self.pulse["id"], open=True)


def opened(qtbot: Any, room: RoomServer, panel: PulsePanel, n: int) -> list[Device]:
    assert panel.open_pulse()
    return [Device(qtbot, room, i) for i in range(n)]


def pulse_events(bridge: LiveBridge) -> list[dict[str, Any]]:
    return [e.payload for e in bridge.live.events if e.type == "pulse"]


def test_devices_answer_and_closing_writes_the_counts(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel, store: Store
) -> None:
    devices = opened(qtbot, room, panel, 7)
    assert all(d.pulse["open"] and d.pulse["id"] for d in devices)
    answers = [
        ("patient_public", "yes", "yes"),
        ("patient_public", "yes", "partly"),
        ("patient_public", "no", "yes"),
        ("others", "yes", "yes"),
        ("others", "partly", None),  # one question left unanswered
        ("others", "yes", "no"),
    ]
    for device, answer in zip(devices, answers, strict=False):
        assert device.answer(*answer)["counted"] is True
    reply = devices[6].answer(None, "yes", "yes")  # no group: not counted
    assert reply["counted"] is False and "patient or public representative" in reply["text"]
    qtbot.waitUntil(lambda: room.pulse.answered == 6)
    assert panel.words.text() == "Pulse open: 6 answered so far"
    assert not pulse_events(bridge)  # nothing reaches the record while the pulse is open

    assert panel.close_pulse() == 6
    for d in devices:
        d.client.wait_for("pulse", open=False)
    assert pulse_events(bridge) == [
        {"question": "chance", "group": "patient_public", "yes": 2, "partly": 0, "no": 1},
        {"question": "chance", "group": "others", "yes": 2, "partly": 1, "no": 0},
        {"question": "listened", "group": "patient_public", "yes": 2, "partly": 1, "no": 0},
        {"question": "listened", "group": "others", "yes": 1, "partly": 0, "no": 1},
    ]
    assert panel.said[-1] == "Pulse closed: 6 answers recorded"  # type: ignore[attr-defined]
    stats = store.summary(bridge.session.meeting_id).to_json()["pulse"]
    assert stats[2] == {
        "question": "listened",
        "group": "patient_public",
        "answers": 3,
        "yes": 2,
        "partly": 1,
        "no": 0,
    }
    assert stats[3]["answers"] == 2 and stats[3]["yes"] is None  # fewer than 3: not shown
    assert panel.words.text() == "Pulse taken — representatives: 2 of 3 felt listened to, 1 partly"


def test_one_answer_set_per_device_and_a_second_open_is_harmless(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    devices = opened(qtbot, room, panel, 3)
    for d in devices:
        d.answer("patient_public", "yes", "yes")
    first_id = room.pulse.id
    # The same device answering again (a reload, a second tab) changes its answers, never adds to them.
    assert devices[0].answer("patient_public", "no", "no")["counted"] is True
    assert devices[0].answer("patient_public", "no", "no")["text"] == COUNTED
    assert not panel.open_pulse()  # pressed twice: the same pulse, answers kept
    assert panel.said[-1] == "The pulse is already open"  # type: ignore[attr-defined]
    assert room.pulse.id == first_id and room.pulse.answered == 3
    panel.close_pulse()
    reps = [p for p in pulse_events(bridge) if p["group"] == "patient_public"]
    assert reps == [
        {"question": "chance", "group": "patient_public", "yes": 2, "partly": 0, "no": 1},
        {"question": "listened", "group": "patient_public", "yes": 2, "partly": 0, "no": 1},
    ]
    panel.close_pulse()  # pressed twice: nothing more written
    assert len(pulse_events(bridge)) == 4


def test_closing_with_no_answers_writes_nothing_and_says_why(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    devices = opened(qtbot, room, panel, 2)
    devices[0].answer("others", None, None)  # a group but no answer: not counted
    assert panel.close_pulse() == 0
    assert pulse_events(bridge) == []
    assert panel.said[-1] == "Pulse closed: nobody answered, so nothing was recorded"  # type: ignore[attr-defined]
    assert devices[1].client.wait_for("pulse", open=False)["id"] is None


def test_no_group_answers_more_than_its_people_here(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    devices = opened(qtbot, room, panel, 5)
    for d in devices[:4]:
        assert d.answer("patient_public", "yes", "yes")["counted"]
    refused = devices[4].answer("patient_public", "yes", "yes")
    assert refused["counted"] is False and "as there are here" in refused["text"]
    assert devices[4].answer("others", "yes", "yes")["counted"]
    assert room.pulse.answered == 5


def test_odd_messages_are_refused_and_count_for_nothing(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    (device,) = opened(qtbot, room, panel, 1)
    stranger = RoomClient(qtbot, f"ws://127.0.0.1:{room.port}/ws?k={room.token}").connected()
    good = {"type": "pulse", "id": room.pulse.id, "ballot": "b" * 20, "group": "others", "chance": "yes"}
    stranger.send(good)  # no hello first
    assert stranger.wait_for("error")["text"] == "Say hello first"
    for bad in (
        {**good, "group": "<b>chair</b>"},
        {**good, "chance": "maybe"},
        {**good, "ballot": "short"},
        {**good, "listened": ["yes"]},
    ):
        device.client.send(bad)
        assert device.client.wait_for("error")["text"] == "Not a message this page sends"
    device.client.send({**good, "id": "an-old-pulse"})
    assert "closed" in device.client.wait_for("pulse", counted=False)["text"]
    assert room.pulse.answered == 0


def test_sharing_off_mid_pulse_keeps_its_answers_until_the_chair_closes_it(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    devices = opened(qtbot, room, panel, 3)
    for d in devices:
        d.answer("others", "yes", "partly")
    pulse_id = room.pulse.id
    room.stop()
    for d in devices:
        qtbot.waitUntil(lambda d=d: d.client.closed)
    assert room.pulse.is_open and room.pulse.answered == 3
    assert (
        panel.words.text() == "Pulse open: 3 answered so far — share with the room so that devices can answer"
    )
    room.start("127.0.0.1", 0)
    again = Device(qtbot, room, 0)  # the first phone, on the new link: the same pulse, its answers changed
    assert again.pulse == {
        "type": "pulse",
        "id": pulse_id,
        "open": True,
        "text": again.pulse["text"],
    }
    assert again.answer("others", "no", "no")["counted"]
    panel.close_pulse()
    assert [p for p in pulse_events(bridge) if p["question"] == "chance"][1] == {
        "question": "chance",
        "group": "others",
        "yes": 2,
        "partly": 0,
        "no": 1,
    }


def test_nothing_identifying_is_stored(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel, db_path: Path
) -> None:
    devices = opened(qtbot, room, panel, 4)
    for d in devices:
        # Each phone also chose its name and asked to speak, as the page lets a person do.
        d.client.send({"type": "ask", "who": "p1"})
        d.answer("patient_public", "yes", "no")
    panel.close_pulse()
    bridge.session.store.backup("test")
    secrets = [s.encode() for d in devices for s in (d.device, d.ballot)]
    files = [p for p in db_path.parent.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {db_path.name, db_path.name + "-wal"} <= names  # the file and its write-ahead log, read as bytes
    assert any(p.parent != db_path.parent for p in files)  # and the backup
    pulses = bridge.session.store.db.execute("SELECT COUNT(*) FROM events WHERE type = 'pulse'").fetchone()
    assert pulses == (4,)
    # The search can find what is there: a name stored with the meeting is in the file's bytes.
    assert any(b"Nadia Okafor" in p.read_bytes() for p in files)
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"{secret!r} found in {path.name}"
    for payload in pulse_events(bridge):
        assert set(payload) == {"question", "group", "yes", "partly", "no"}


def test_one_connection_cannot_answer_for_a_group_under_made_up_ballots(
    qtbot: Any, bridge: LiveBridge, room: RoomServer, panel: PulsePanel
) -> None:
    """A script on one connection sent 10,000 answers under new ballot ids and filled "Everyone else" with No:
    a connection answers under one ballot per pulse, and changes its answers there."""
    (device,) = opened(qtbot, room, panel, 1)
    assert device.answer("others", "no", "no")["counted"] is True
    for n in range(5):
        device.ballot = f"made-up-ballot-{n:04d}-xyz"
        reply = device.answer("others", "no", "no")
        assert reply["counted"] is False
        assert reply["text"] == "This page has answered already: change its answers instead"
    assert room.pulse.answered == 1
    device.ballot = "ballot-secret-0000-uvwxyz"  # its own ballot: a change of mind is taken
    assert device.answer("others", "yes", "yes")["counted"] is True
    assert room.pulse.answered == 1
    panel.close_pulse()
    others = [p for p in pulse_events(bridge) if p["group"] == "others"]
    assert [(p["yes"], p["partly"], p["no"]) for p in others] == [
        (1, 0, 0),
        (1, 0, 0),
    ]  # one answer set, changed
