// The room view: shows what the speaker display shows, counts down between the server's messages, and lets a
// person present ask the chair for the floor. Every text goes in as textContent: nothing from the server is
// ever read as markup.
(function () {
  "use strict";

  var LABELS = { speaking: "Speaking", wrap_up: "Please wrap up", over: "Over time" };
  var ICONS = { speaking: "play", wrap_up: "warning", over: "alarm", idle: "idle", paused: "pause",
                break: "break", ended: "ended" };
  var IDLE_TIME = "\u2014";
  var key = new URLSearchParams(location.search).get("k") || "";
  var state = null;        // the last `state` message
  var receivedAt = 0;      // performance.now() when it came: the local countdown runs from there
  var request = null;      // this device's latest request message
  var socket = null;
  var retryMs = 1000;
  var stopped = false;     // the chair stopped sharing: this link will not work again
  var shownState = "";

  function $(id) { return document.getElementById(id); }

  function stored(name) {
    try { return window.localStorage.getItem(name); } catch (e) { return null; }
  }
  function store(name, value) {
    try {
      if (value === null) { window.localStorage.removeItem(name); } else { window.localStorage.setItem(name, value); }
    } catch (e) { /* private mode: the choice lasts as long as the page */ }
  }
  function newDeviceId() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  var device = stored("meetingkit-room-device");
  if (!device || !/^[A-Za-z0-9_-]{16,64}$/.test(device)) {
    device = newDeviceId();
    store("meetingkit-room-device", device);
  }
  var me = null;  // {key, name}: the person this device speaks for
  try { me = JSON.parse(stored("meetingkit-room-person") || "null"); } catch (e) { me = null; }

  function clock(seconds) {
    var s = Math.floor(Math.max(0, seconds) + 1e-6);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var ss = (sec < 10 ? "0" : "") + sec;
    if (h) { return h + ":" + (m < 10 ? "0" : "") + m + ":" + ss; }
    return m + ":" + ss;
  }

  // A timer as the engine's TimerView: its text and its state at this moment.
  function timerNow(t) {
    var elapsed = t.elapsed_s + (t.running ? (performance.now() - receivedAt) / 1000 : 0);
    if (!(t.limit_s > 0)) { return { text: clock(elapsed), state: "speaking", over: false }; }
    var rem = t.limit_s - elapsed;
    if (rem <= 0) { return { text: "+" + clock(-rem) + " over", state: "over", over: true }; }
    return { text: clock(Math.ceil(rem - 1e-6)), state: rem <= t.warn_s ? "wrap_up" : "speaking", over: false };
  }

  // The same faces as the speaker display (ui/console/timer_faces.speaker_face).
  function face(s) {
    if (s.status === "ended") { return { state: "ended", words: "Meeting ended", name: "", time: "", detail: "" }; }
    if (s.status === "ready") {
      return { state: "idle", words: "Meeting not started", name: "", time: IDLE_TIME, detail: "" };
    }
    var brk = s["break"] ? timerNow(s["break"]) : null;
    if (!s.speaker && brk) {
      if (s.paused) { return { state: "paused", words: "Meeting paused", name: "Feedback break", time: brk.text, detail: "" }; }
      return { state: "break", words: "Feedback break", name: "Patient and public voices", time: brk.text, detail: "" };
    }
    var sp = s.speaker ? timerNow(s.speaker) : null;
    var details = [];
    if (s.speaker && s.speaker.interjection) {
      details.push(s.speaker.waiting ? "Interjection \u2014 " + s.speaker.waiting + " waits" : "Interjection");
    }
    if (s.speaker && brk) { details.push("In the feedback break"); }
    var detail = details.join(" \u00b7 ");
    if (s.paused) {
      return { state: "paused", words: "Meeting paused", name: s.speaker ? s.speaker.name : "",
               time: sp ? sp.text : IDLE_TIME, detail: "Every clock is stopped" };
    }
    if (!sp) { return { state: "idle", words: "Nobody speaking", name: "", time: IDLE_TIME, detail: "Nobody has the floor" }; }
    return { state: sp.state, words: LABELS[sp.state], name: s.speaker.name, time: sp.text, detail: detail };
  }

  function setText(el, text) { if (el.textContent !== text) { el.textContent = text; } }

  function paint() {
    if (!state) { return; }
    var f = face(state);
    var panel = $("panel");
    var cls = "panel state-" + f.state;
    if (f.state !== shownState) {
      // One gentle pulse into wrap-up or over time, never repeated flashing (WCAG 2.3.1).
      if (shownState && (f.state === "wrap_up" || f.state === "over")) { cls += " pulse"; }
      shownState = f.state;
      panel.className = cls;
      $("icon").setAttribute("href", "#icon-" + ICONS[f.state]);
    }
    setText($("state-words"), f.words);
    setText($("speaker"), f.name);
    var time = $("time");
    setText(time, f.time);
    time.className = "time" + (f.time === IDLE_TIME || f.time === "" ? " small" : f.time.indexOf("over") >= 0 ? " over-text" : "");
    time.setAttribute("aria-label", f.time === IDLE_TIME ? "Speaker time: none" : "Speaker time: " + f.time);
    setText($("detail"), f.detail);
    var line = $("break-line");
    if (state["break"] && state.speaker) {
      var b = timerNow(state["break"]);
      setText(line, "Feedback break: " + (b.over ? b.text : b.text + " left"));
      line.hidden = false;
    } else {
      line.hidden = true;
    }
  }

  function render() {
    var s = state;
    setText($("meeting"), s.title);
    setText($("item"), s.item ? s.item.title : s.title);
    setText($("position"), s.item ? s.item.position : (s.status === "ended" ? "The meeting has ended" : s.status === "ready" ? "The meeting has not started yet" : "No item under way"));
    renderQueue(s.queue);
    renderAsk();
    paint();
  }

  function renderQueue(queue) {
    var list = $("queue");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    queue.forEach(function (q) {
      var li = document.createElement("li");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = q.name;
      li.appendChild(name);
      if (q.next) { li.appendChild(tag("next", "Next to speak")); }
      if (q.first_time) { li.appendChild(tag("first", state["break"] ? "First time in the break" : "First time on this item")); }
      if (q.public_voice) { li.appendChild(tag("voice", "Patient or public representative")); }
      list.appendChild(li);
    });
    $("queue-empty").hidden = queue.length > 0;
  }

  function tag(kind, text) {
    var t = document.createElement("span");
    t.className = "tag " + kind;
    t.textContent = text;
    return t;
  }

  function person(k) {
    if (!state) { return null; }
    for (var i = 0; i < state.people.length; i++) { if (state.people[i].key === k) { return state.people[i]; } }
    return null;
  }

  function renderAsk() {
    var running = state && state.status === "running";
    var closed = $("ask-closed");
    closed.hidden = running;
    if (!running) {
      setText(closed, state && state.status === "ended" ? "The meeting has ended." : "Asking to speak opens when the meeting starts.");
    }
    var known = me && person(me.key);
    var mine = known && known.name === me.name;
    $("choose").hidden = !running || mine;
    $("asking").hidden = !running || !mine;
    if (running && !mine) { fillNames(); }
    if (running && mine) {
      setText($("me-name"), me.name);
      var open = request && request.status === "pending" && request.who === me.key;
      var queued = state.queue.some(function (q) { return q.key === me.key; });
      var speaking = !!(state.speaker && state.speaker.key === me.key);
      $("ask").hidden = !!open;
      $("withdraw").hidden = !open;
      $("ask").disabled = queued || speaking;
      setText($("ask"), speaking ? "You have the floor" : queued ? "You are in the queue" : "Ask to speak");
      // The button that had the keyboard may just have been hidden: hand the focus to the one shown instead.
      var focused = document.activeElement;
      if (focused && (focused.id === "ask" || focused.id === "withdraw") && focused.hidden) {
        $(open ? "withdraw" : "ask").focus();
      }
    }
  }

  function fillNames() {
    var select = $("who");
    var wanted = state.people.map(function (p) { return p.key + "\u0000" + p.name; }).join("\u0001");
    if (select.getAttribute("data-list") === wanted) { return; }
    var keep = select.value;
    while (select.firstChild) { select.removeChild(select.firstChild); }
    var blank = document.createElement("option");
    blank.value = "";
    blank.textContent = "Choose your name";
    select.appendChild(blank);
    state.people.forEach(function (p) {
      var o = document.createElement("option");
      o.value = p.key;
      o.textContent = p.name;
      select.appendChild(o);
    });
    select.value = keep;
    select.setAttribute("data-list", wanted);
  }

  function say(text) { setText($("ask-status"), text); }

  // ---- Were you heard? The page's own ballot for this pulse: a new random id each pulse, never the device's
  // id; its answers stay on this device until the pulse closes, so a reload keeps them.
  var PULSE_KEY = "meetingkit-room-pulse";
  var QUESTIONS = ["group", "chance", "listened"];
  var ballot = null;  // {id: pulse id, ballot, answers: {group, chance, listened}}
  try { ballot = JSON.parse(stored(PULSE_KEY) || "null"); } catch (e) { ballot = null; }

  function showAnswers() {
    QUESTIONS.forEach(function (name) {
      var inputs = document.querySelectorAll("input[name='" + name + "']");
      Array.prototype.forEach.call(inputs, function (input) {
        input.checked = !!(ballot && ballot.answers[name] === input.value);
      });
    });
  }

  function sendBallot() {
    var a = ballot.answers;
    if (!socket || socket.readyState !== WebSocket.OPEN) { return false; }
    socket.send(JSON.stringify({ type: "pulse", id: ballot.id, ballot: ballot.ballot,
                                 group: a.group, chance: a.chance, listened: a.listened }));
    return true;
  }

  function onPulse(m) {
    var box = $("heard");
    if (!m.open) {
      ballot = null;
      store(PULSE_KEY, null);
      showAnswers();
      box.hidden = true;
      setText($("heard-status"), "");
      return;
    }
    if ("counted" in m) { setText($("heard-status"), m.text); return; }
    var answered = false;
    if (ballot && ballot.id === m.id) {
      answered = QUESTIONS.some(function (name) { return ballot.answers[name] !== null; });
    } else {
      ballot = { id: m.id, ballot: newDeviceId(), answers: { group: null, chance: null, listened: null } };
      store(PULSE_KEY, JSON.stringify(ballot));
    }
    showAnswers();
    box.hidden = false;
    setText($("heard-status"), m.text);
    if (answered) { sendBallot(); }  // after a lost connection: the same answers, counted once
  }

  Array.prototype.forEach.call(document.querySelectorAll("#heard input[type='radio']"), function (input) {
    input.addEventListener("change", function () {
      if (!ballot) { return; }
      ballot.answers[input.name] = input.value;
      store(PULSE_KEY, JSON.stringify(ballot));
      setText($("heard-status"), sendBallot() ? "Sending your answers\u2026" :
              "Not connected just now: your answers are kept and sent when the page reconnects");
    });
  });

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
    say("Not connected to the meeting just now: try again in a moment");
    return false;
  }

  function onMessage(m) {
    if (m.type === "state") {
      state = m;
      receivedAt = performance.now();
      render();
    } else if (m.type === "request") {
      request = m;
      say(m.text);
      if (state) { renderAsk(); }
    } else if (m.type === "pulse") {
      onPulse(m);
    } else if (m.type === "error") {
      say(m.text);
    } else if (m.type === "closing") {
      stopped = true;
      setText($("connection"), m.text + ". Ask the chair for the new link if sharing starts again.");
    }
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws?k=" + encodeURIComponent(key));
    socket.onopen = function () {
      retryMs = 1000;
      socket.send(JSON.stringify({ type: "hello", device: device }));
      setText($("connection"), "Connected: the page updates as the meeting goes on.");
    };
    socket.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      onMessage(m);
    };
    socket.onclose = function () {
      socket = null;
      if (stopped) { return; }
      setText($("connection"), "Connection lost: trying again\u2026");
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
  }

  $("this-is-me").addEventListener("click", function () {
    var p = person($("who").value);
    if (!p) { say("Choose your name from the list first"); $("who").focus(); return; }
    me = { key: p.key, name: p.name };
    store("meetingkit-room-person", JSON.stringify(me));
    say("");
    renderAsk();
    $("ask").focus();
  });
  $("change").addEventListener("click", function () {
    if (request && request.status === "pending") { send({ type: "withdraw" }); }
    me = null;
    store("meetingkit-room-person", null);
    say("");
    renderAsk();
    $("who").focus();
  });
  $("ask").addEventListener("click", function () {
    if (me && send({ type: "ask", who: me.key })) { say("Sending your request\u2026"); }
  });
  $("withdraw").addEventListener("click", function () {
    if (send({ type: "withdraw" })) { say("Withdrawing\u2026"); }
  });

  window.setInterval(paint, 250);
  connect();
}());
