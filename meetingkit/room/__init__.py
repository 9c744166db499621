"""The room view (DESIGN §9): the meeting on the devices in the room, served while the chair shares it.

A QTcpServer and a QWebSocketServer in the console's process (listener.py says why not QHttpServer); no
widgets here. `room` imports `models`, `store`, `clock` and `resources`, and only `ui` imports it.
`RoomServer` (server.py) is the entry point.

Message protocol (version 1)
============================
One port serves both:

- `GET /?k=KEY` (or HEAD): the page (HTML with its CSS and JavaScript inline; CSP by hash). Any other key, a missing
  key, or sharing started again since (a new key each time): 403 and a page that says so, nothing else.
  Any other path: 404. Every reply closes its connection; more than 20 requests a second from one address
  get 429.
- `GET /ws?k=KEY` with `Upgrade: websocket`: the page's WebSocket. A wrong key or a foreign `Origin`: 403 and
  the connection closed. Messages are JSON text frames of at most 1,024 bytes from the page; binary frames
  and malformed messages earn an `error`, and five of them close the connection.

Server to page (`type` first):

- `state`: sent on connecting, after every event of the meeting, and at least every 10 s::

      {"type": "state", "v": 1, "now": <server epoch seconds>, "seq": <events so far>,
       "title": str, "status": "ready" | "running" | "ended", "paused": bool,
       "item": {"title": str, "position": "Item 2 of 6"} | null,      (the break: its own title)
       "speaker": {"key", "name", "elapsed_s", "limit_s", "warn_s", "running": bool,
                   "interjection": bool, "waiting": name of the speaker an interjection paused | null} | null,
       "break": {"elapsed_s", "limit_s", "warn_s", "running"} | null,  (only while the break runs)
       "queue": [{"key", "name", "public_voice": bool, "first_time": bool,   (first time in this item)
                  "next": bool}],                          (whom Next speaker calls: "unheard first")
       "people": [{"key", "name"}]}                                     (present now; for choosing oneself)

  Timers are figures, not text: the page counts from `elapsed_s` by its own monotonic clock
  (performance.now()) since the message arrived, so each message corrects it and a wrong clock on the device
  does not matter. `limit_s` 0 means no limit. `queue` and `people` are empty unless the meeting is running.
- `request`: the state of this device's own request (sent to that device only, and again after `hello`)::

      {"type": "request", "id": str, "who": key, "status": "pending" | "accepted" | "declined" |
       "withdrawn" | "closed", "text": words to show}
- `error`: `{"type": "error", "text": words to show}` (a refused request, a rate limit, a bad message).
- `closing`: `{"type": "closing", "text": ...}` just before sharing stops and every connection closes.
- `pulse` (DESIGN §11, "were you heard?"): whether the chair's pulse is open, sent after `hello`, to every
  page when it opens or closes, and to one page in reply to its answer (with `counted`)::

      {"type": "pulse", "id": str | null (a new one each pulse), "open": bool, "text": words to show,
       "counted": bool}                            (only in a reply: whether this page's answers now count)

Page to server:

- `{"type": "hello", "device": "<16-64 of A-Z a-z 0-9 _ ->"}` first: a random id the browser keeps, which
  ties requests (and the rate limit) to the device.
- `{"type": "ask", "who": key}`: ask to speak as the person `key` (one of `people`). At most 3 a minute per
  device and 6 per network address; one open request per device and per person.
- `{"type": "withdraw"}`: withdraw this device's open request.
- `{"type": "pulse", "id": the open pulse's id, "ballot": "<16-64 of A-Z a-z 0-9 _ ->", "group":
  "patient_public" | "others" | null, "chance": "yes" | "partly" | "no" | null, "listened": ... | null}`:
  this page's whole answer set, replacing any it sent before in this pulse. `ballot` is a random id the page
  makes for this pulse only (never its device id), so one device has one answer set per pulse. Its answers
  count once it has a group and at least one answer; no group may have more answers than it has people at
  the meeting. A connection answers under one ballot per pulse (a second ballot id on it is refused with
  words, so one page cannot answer for a whole group). The server keeps the answer sets in memory while the
  pulse is open (pulse_box.py), never with a device id or a name, and only the counts leave it when the chair
  closes the pulse (as `pulse` events); turning sharing off keeps an open pulse's answers until the chair
  closes it.

A request is never a meeting event. The chair accepts it (the console gives `queue {who}`) or declines it; a
request whose person is queued or given the floor meanwhile, leaves, or whose meeting ends, is settled by
itself. Anything a later feature adds (a poll) should be a new `type` in both directions, so that older pages
ignore it.
"""
