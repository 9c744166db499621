"""The room view over a real network connection: the page by HTTP, the meeting over a WebSocket, requests to
speak that reach the meeting only when the chair accepts, and nothing left listening once sharing stops."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.room.server import HTTP_PER_SECOND, RoomServer
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from tests.no_network_probe import inet_sockets
from tests.room_clients import RoomClient, http_get
from tests.ui.console_meeting import open_board


@pytest.fixture
def bridge(store: Store, clock: FakeClock, qtbot: Any) -> Iterator[LiveBridge]:
    _, bridge = open_board(store, clock)
    yield bridge
    bridge.stop()


@pytest.fixture
def room(bridge: LiveBridge) -> Iterator[RoomServer]:
    server = RoomServer(bridge.session)
    bridge.changed.connect(server.publish)
    server.start("127.0.0.1", 0)
    yield server
    server.stop()


def ws_url(room: RoomServer, key: str | None = None) -> str:
    return f"ws://127.0.0.1:{room.port}/ws?k={room.token if key is None else key}"


def device(qtbot: Any, room: RoomServer, name: str = "a") -> RoomClient:
    client = RoomClient(qtbot, ws_url(room)).connected()
    client.send({"type": "hello", "device": (name * 20)[:20]})
    return client


def queue_by(bridge: LiveBridge) -> Any:
    return lambda who: bridge.command("queue", who=who) is not None


def sockets_on(port: int) -> list[str]:
    """This process's TCP sockets whose local port is `port` (listening or connected)."""
    return [s for s in inet_sockets() if s.split()[1].endswith(f":{port:04X}")]


def test_the_page_needs_the_key(qtbot: Any, room: RoomServer) -> None:
    page = http_get(qtbot, room.url)
    assert page.status == 200
    assert "Ask to speak" in page.body and "Queue to speak" in page.body
    assert page.headers["cache-control"] == "no-store"
    # The inline script is the one the policy names, so it runs; nothing else could.
    script = re.search(r"<script>(.*)</script>", page.body, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page.headers["content-security-policy"]
    for url in (
        f"http://127.0.0.1:{room.port}/",
        f"http://127.0.0.1:{room.port}/?k=wrong",
        room.url[:-1],
    ):
        refused = http_get(qtbot, url)
        assert refused.status == 403
        assert "This link does not open the meeting" in refused.body
        assert "Stroke HIT" not in refused.body and "<script" not in refused.body
    assert http_get(qtbot, f"http://127.0.0.1:{room.port}/other?k={room.token}").status == 404


def test_a_flood_of_page_loads_is_turned_away(qtbot: Any, room: RoomServer) -> None:
    statuses: list[int] = []

    def load() -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{room.port}/?k=guess", timeout=10) as reply:
                statuses.append(reply.status)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)

    threads = [threading.Thread(target=load, daemon=True) for _ in range(3 * HTTP_PER_SECOND)]
    for t in threads:
        t.start()
    qtbot.waitUntil(lambda: len(statuses) == len(threads), timeout=20000)
    assert 429 in statuses and 403 in statuses  # Too Many Requests beyond the limit; the rest refused


def test_the_key_is_long_and_new_each_time(room: RoomServer) -> None:
    first = room.token
    assert len(base64.urlsafe_b64decode(first + "=" * (-len(first) % 4))) * 8 >= 128
    port = room.port
    room.stop()
    room.start("127.0.0.1", port)
    assert room.token != first and room.url.endswith(room.token)


def test_a_page_is_sent_the_meeting_and_each_event(
    qtbot: Any, bridge: LiveBridge, clock: FakeClock, room: RoomServer
) -> None:
    client = RoomClient(qtbot, ws_url(room)).connected()
    first = client.last("state")
    assert first["title"] == "Stroke HIT steering group" and first["status"] == "ready"
    assert first["people"] == [] and first["queue"] == []
    bridge.command("start_meeting")
    bridge.command("queue", who="p1")
    bridge.command("speak", who="m1")
    clock.advance(20)
    state = client.wait_for("state", seq=3)
    assert state["item"] == {"title": "Welcome and apologies", "position": "Item 1 of 6"}
    assert state["speaker"]["name"] == "Dr Anil Kapoor"
    assert state["speaker"]["running"] is True and state["speaker"]["limit_s"] == 180
    assert state["queue"] == [
        {"key": "p1", "name": "Eileen Foster", "public_voice": True, "first_time": True, "next": True}
    ]
    # Only names of people present: the one who sent apologies is not offered, nor anyone's organisation.
    names = [p["name"] for p in state["people"]]
    assert "Tariq Aziz" not in names and "Eileen Foster" in names
    assert "Hospital Trust" not in str(state)
    bridge.command("pause")
    paused = client.wait_for("state", seq=4)
    assert paused["paused"] is True and paused["speaker"]["running"] is False


def test_a_wrong_key_or_foreign_page_gets_no_websocket(qtbot: Any, room: RoomServer) -> None:
    wrong = RoomClient(qtbot, ws_url(room, "not-the-key")).open()
    foreign = RoomClient(qtbot, ws_url(room), origin="http://elsewhere.example").open()
    qtbot.waitUntil(lambda: wrong.closed and foreign.closed, timeout=5000)
    assert wrong.received == [] and foreign.received == []
    assert room.client_count == 0


def test_a_request_accepted_becomes_a_queue_event(qtbot: Any, bridge: LiveBridge, room: RoomServer) -> None:
    bridge.command("start_meeting")
    phone = device(qtbot, room)
    chair_saw: list[int] = []
    room.requests_changed.connect(lambda: chair_saw.append(len(room.open_requests())))
    events = len(bridge.live.events)
    phone.send({"type": "ask", "who": "p2"})
    pending = phone.wait_for("request", status="pending")
    assert pending["text"] == "Your request is with the chair"
    assert chair_saw == [1] and room.open_requests()[0].name == "Graham Lee"
    assert len(bridge.live.events) == events  # a request is not part of the meeting record
    assert room.accept(pending["id"], queue_by(bridge))
    accepted = phone.wait_for("request", status="accepted")
    assert accepted["text"] == "The chair added you to the queue"
    assert bridge.live.events[-1].type == "queue" and bridge.live.events[-1].payload == {"who": "p2"}
    state = phone.wait_for("state")
    assert [q["name"] for q in state["queue"]] == ["Graham Lee"]
    assert room.open_requests() == []


def test_a_request_declined_or_withdrawn_leaves_no_trace(
    qtbot: Any, bridge: LiveBridge, store: Store, room: RoomServer
) -> None:
    bridge.command("start_meeting")
    phone, tablet = device(qtbot, room, "a"), device(qtbot, room, "b")
    events = len(bridge.live.events)
    phone.send({"type": "ask", "who": "p1"})
    tablet.send({"type": "ask", "who": "m3"})
    first = phone.wait_for("request", status="pending")
    tablet.wait_for("request", status="pending")
    assert [r.who for r in room.open_requests()] == ["p1", "m3"]
    assert room.decline(first["id"])
    declined = phone.wait_for("request", status="declined")
    assert declined["text"] == "The chair did not add you to the queue this time"
    tablet.send({"type": "withdraw"})
    tablet.wait_for("request", status="withdrawn")
    assert room.open_requests() == []
    assert len(bridge.live.events) == events and bridge.live.queue == []
    assert "p1" not in str(store.events(bridge.session.meeting_id)[events:])


def test_requests_are_refused_with_a_reason(
    qtbot: Any, bridge: LiveBridge, clock: FakeClock, room: RoomServer
) -> None:
    phone = device(qtbot, room)
    phone.send({"type": "ask", "who": "p1"})
    assert phone.wait_for("error")["text"] == "The meeting has not started yet"
    bridge.command("start_meeting")
    phone.send({"type": "ask", "who": "m5"})  # sent apologies: not here
    assert phone.wait_for("error")["text"] == "Choose your name from the list of people here"
    bridge.command("queue", who="p1")
    phone.send({"type": "ask", "who": "p1"})
    assert phone.wait_for("error")["text"] == "You are already in the queue (number 1)"
    stranger = RoomClient(qtbot, ws_url(room)).connected()
    stranger.send({"type": "ask", "who": "p2"})  # no hello: no device to hold the request
    assert stranger.wait_for("error")["text"] == "Say hello first"
    assert room.open_requests() == []


def test_a_device_may_ask_only_a_few_times_a_minute(
    qtbot: Any, bridge: LiveBridge, clock: FakeClock, room: RoomServer
) -> None:
    bridge.command("start_meeting")
    phone = device(qtbot, room)
    for _ in range(3):
        phone.send({"type": "ask", "who": "p2"})
        phone.wait_for("request", status="pending")
        phone.send({"type": "withdraw"})
        phone.wait_for("request", status="withdrawn")
    phone.send({"type": "ask", "who": "p2"})
    refused = phone.wait_for("error")
    assert refused["text"] == "You have asked several times in the last minute: please wait a little"
    assert room.open_requests() == []
    clock.advance(60)
    phone.send({"type": "ask", "who": "p2"})
    phone.wait_for("request", status="pending")


def test_a_request_overtaken_by_the_chair_settles_itself(
    qtbot: Any, bridge: LiveBridge, room: RoomServer
) -> None:
    bridge.command("start_meeting")
    phone, tablet = device(qtbot, room, "a"), device(qtbot, room, "b")
    phone.send({"type": "ask", "who": "p1"})
    tablet.send({"type": "ask", "who": "m2"})
    phone.wait_for("request", status="pending")
    tablet.wait_for("request", status="pending")
    bridge.command("speak", who="p1")  # the chair gave the floor from the console
    assert phone.wait_for("request", status="closed")["text"] == "The chair gave you the floor"
    bridge.command("skip_break", reason="A short meeting")  # the end is refused while the break is to come
    bridge.command("end_meeting")
    assert tablet.wait_for("request", status="closed")["text"] == "The meeting has ended"


def test_malformed_messages_are_answered_then_cut_off(qtbot: Any, room: RoomServer) -> None:
    client = RoomClient(qtbot, ws_url(room)).connected()
    for text in ("not json", "[1, 2]", '{"type": "hello", "device": "short"}', "{}", "x" * 2000):
        client.socket.sendTextMessage(text)
    qtbot.waitUntil(lambda: client.closed, timeout=5000)
    assert len(client.of("error")) >= 4
    assert room.client_count == 0


def test_sharing_off_closes_every_connection(qtbot: Any, bridge: LiveBridge, room: RoomServer) -> None:
    bridge.command("start_meeting")
    port, url = room.port, room.url
    phones = [device(qtbot, room, str(i)) for i in range(3)]
    phones[0].send({"type": "ask", "who": "p1"})
    phones[0].wait_for("request", status="pending")
    assert http_get(qtbot, url).status == 200  # and a kept-alive HTTP connection, perhaps
    assert sockets_on(port)
    room.stop()
    qtbot.waitUntil(lambda: all(p.closed for p in phones), timeout=5000)
    assert phones[0].last("closing")["text"] == "The chair stopped sharing the meeting"
    assert phones[0].last("request")["status"] == "closed"
    assert not room.is_sharing and room.url == "" and room.client_count == 0
    qtbot.waitUntil(lambda: sockets_on(port) == [], timeout=5000)
    with pytest.raises(urllib.error.URLError):
        http_get(qtbot, url)
    assert bridge.live.queue == []
