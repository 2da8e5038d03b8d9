// The room page: join with the code, follow the agenda live, send items; or the facilitator's remote.
// Everything from the server is shown as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  code: "", token: "", pin: "", live: null, offset: 0, socket: null, retry: 1000,
  lastTick: Date.now(), lastHeard: Date.now(), waiting: null,
};
// The laptop sends the state at least every 5 s: this long without a word, the connection is
// dead even if the socket does not know it yet (a phone that lost the Wi-Fi hears no goodbye).
const SILENCE_MS = 12000;

function show(section) {
  for (const id of ["join", "live", "pin-entry"]) $(id).hidden = id !== section;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  let data = {};
  try { data = await response.json(); } catch (error) { data = {}; }
  if (!response.ok) throw new Error(data.error || `The laptop answered ${response.status}.`);
  return data;
}

// -- joining ------------------------------------------------------------------------------------

async function loadRoster(query) {
  const response = await fetch(`/api/roster?code=${query}`);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(data.error || "The join code could not be checked.");
    error.status = response.status;  // 403: the code is wrong; anything else may pass
    throw error;
  }
  return data;
}

async function askName(code) {
  $("join-error").textContent = "";
  let roster;
  try { roster = await loadRoster(encodeURIComponent(code)); } catch (error) {
    $("code-form").hidden = false; $("name-form").hidden = true;
    $("join-error").textContent = error.message; return;
  }
  state.code = code;
  const select = $("person");
  select.replaceChildren();
  select.append(new Option("Choose your name…", ""));
  for (const person of roster.people) {
    const team = roster.teams[person.team] || "";
    const option = new Option(`${person.name} (${team})${person.taken ? " — already joined" : ""}`, person.key);
    option.disabled = person.taken;
    select.append(option);
  }
  select.append(new Option("I'm a guest", "guest"));
  const teams = $("guest-team");
  teams.replaceChildren();
  for (const [key, name] of Object.entries(roster.teams)) teams.append(new Option(name, key));
  $("code-form").hidden = true; $("name-form").hidden = false;
}

$("person").addEventListener("change", () => { $("guest-fields").hidden = $("person").value !== "guest"; });

$("code-form").addEventListener("submit", (event) => {
  event.preventDefault();
  askName($("code").value.trim().toUpperCase());
});

$("name-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const person = $("person").value;
  if (!person) { $("join-error").textContent = "Choose your name first."; return; }
  try {
    const joined = await post("/api/join", {
      code: state.code, person, name: $("guest-name").value, team: $("guest-team").value,
    });
    state.token = joined.token; state.team = joined.team;
    localStorage.setItem("room", JSON.stringify({
      code: state.code, token: joined.token, name: joined.name, team: joined.team,
    }));
    $("who").textContent = `You joined as ${joined.name}`;
    enterLive();
  } catch (error) { $("join-error").textContent = error.message; }
});

// -- the live view ------------------------------------------------------------------------------

function enterLive() {
  show("live");
  $("remote").hidden = !state.pin;
  $("submit-form").hidden = !!state.pin;
  connect();
}

function connect() {
  if (!state.token && !state.pin) return;  // sent back to join: nothing to connect as
  const query = state.pin ? `pin=${encodeURIComponent(state.pin)}`
    : `code=${encodeURIComponent(state.code)}&token=${encodeURIComponent(state.token)}`;
  const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws?${query}`);
  state.socket = socket;
  state.waiting = null;
  state.lastHeard = Date.now();
  let opened = false;
  socket.onopen = () => {
    opened = true; state.retry = 1000; state.lastHeard = Date.now();
    $("connection").textContent = "Connected to the laptop";
    $("live").classList.remove("offline");
  };
  socket.onmessage = (message) => { state.lastHeard = Date.now(); receive(JSON.parse(message.data)); };
  socket.onclose = async () => {
    if (state.socket !== socket) return;
    state.socket = null;
    if (!opened && !state.pin) {  // refused: is the code still right (the room page turned off and on)?
      try {
        const roster = await loadRoster(`${encodeURIComponent(state.code)}&token=${encodeURIComponent(state.token)}`);
        if (roster.member === false) return restart("Your name was released on the laptop: join again.");
      } catch (error) {
        // only the laptop saying no sends the phone back to join; no network (the phone's
        // Wi-Fi is down: fetch fails) or a busy laptop is a reason to keep trying
        if (error.status === 403) return restart(error.message);
      }
      if (state.socket) return;  // while we asked, the phone came back online and connected
    }
    retryLater();
  };
}

function retryLater() {
  $("connection").textContent = "Reconnecting to the laptop…";
  $("live").classList.add("offline");
  clearTimeout(state.waiting);
  state.waiting = setTimeout(connect, state.retry);
  state.retry = Math.min(state.retry * 2, 10000);
}

function dropConnection() {
  // give up on this socket at once (its close may never come) and find the laptop again
  const socket = state.socket;
  if (!socket) return;
  state.socket = null;
  socket.onclose = null; socket.onmessage = null;
  try { socket.close(); } catch (error) { /* already closed */ }
  retryLater();
}

window.addEventListener("offline", () => { if (state.socket) dropConnection(); });
window.addEventListener("online", () => {
  if (!state.token && !state.pin) return;  // not joined: nothing to reconnect
  state.retry = 1000;
  if (!state.socket) { clearTimeout(state.waiting); connect(); }
});

function restart(message) {
  localStorage.removeItem("room");
  state.token = ""; state.pin = "";
  clearTimeout(state.waiting);
  show("join"); $("code-form").hidden = false; $("name-form").hidden = true;
  $("join-error").textContent = message;
}

function receive(data) {
  state.offset = data.sent - Date.now();  // the server's clock minus this device's: skew does not matter
  state.live = data.live || {};
  const live = state.live;
  $("item-title").textContent = live.title || "";
  $("next").textContent = live.next ? `Next: ${live.next}` : "";
  const balance = live.balance;
  $("balance").hidden = !balance;
  if (balance) {
    $("bar-sales").style.width = `${Math.round(balance.share * 100)}%`;
    $("bar-sales").style.background = balance.colours[0];
    $("bar-marketing").style.width = `${100 - Math.round(balance.share * 100)}%`;
    $("bar-marketing").style.background = balance.colours[1];
    $("share-sales").textContent = `${balance.names[0]} ${Math.round(balance.share * 100)}%`;
    $("share-marketing").textContent = `${100 - Math.round(balance.share * 100)}% ${balance.names[1]}`;
  }
  showGoals(data.goals);
  showCheck(state.pin ? null : data.check);
  if (state.pin) showRemote(data); else showVote(data.vote);
  tick();
}

function clockText(ms) {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const mm = h ? `${h}:${String(m).padStart(2, "0")}` : `${m}`;
  return `${mm}:${String(s).padStart(2, "0")}`;
}

function remainingNow() {
  const live = state.live;
  if (!live || live.remaining_ms == null) return null;
  if (live.state !== "running" && live.state !== "over") return live.remaining_ms;
  const serverNow = Date.now() + state.offset;
  return live.remaining_ms - (serverNow - live.at);
}

function tick() {
  const now = Date.now();
  if (now - state.lastTick > 5000 && state.socket && state.socket.readyState === 1) {
    state.socket.send("sync");  // this device slept: ask the laptop for the time again
    state.lastHeard = now;  // and give it the usual time to answer
  } else if (state.socket && state.socket.readyState === 1 && now - state.lastHeard > SILENCE_MS) {
    dropConnection();
  }
  state.lastTick = now;
  const live = state.live;
  if (!live) return;
  const remaining = remainingNow();
  const countdown = $("countdown");
  countdown.className = "countdown";
  if (remaining == null) {
    countdown.textContent = "";
  } else if (remaining < 0) {
    countdown.textContent = `+${clockText(-remaining + 999)}`;
    countdown.classList.add("over");
  } else {
    countdown.textContent = clockText(remaining + 999);  // rounded up, as the projector shows it
    if (live.state === "running" && remaining <= 120000) countdown.classList.add("warning");
  }
  const words = { waiting: "Starting soon", paused: "Paused", finished: "That's the agenda — thank you" };
  $("state").textContent = remaining != null && remaining < 0 ? "Over time" : (words[live.state] || "");
}

setInterval(tick, 250);
document.addEventListener("visibilitychange", () => { if (!document.hidden) tick(); });

$("submit-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const kind = document.querySelector("input[name=kind]:checked").value;
  $("live-error").textContent = ""; $("sent").textContent = "";
  try {
    await post("/api/submit", { code: state.code, token: state.token, kind, text: $("text").value });
    $("text").value = "";
    $("sent").textContent = "Sent: the facilitator will look at it.";
  } catch (error) { $("live-error").textContent = error.message; }
});

// -- the agreed goals, when the facilitator publishes them (read-only) ------------------------------

function showGoals(goals) {
  $("goals").hidden = !goals || goals.length === 0;
  $("goal-list").replaceChildren(...(goals || []).map((goal) => {
    const li = document.createElement("li");
    const statement = document.createElement("p");
    statement.className = "statement";
    statement.textContent = goal.statement;
    const about = document.createElement("p");
    about.className = "small";
    about.textContent = goal.deadline ? `${goal.team} · by ${goal.deadline}` : goal.team;
    li.append(statement, about);
    return li;
  }));
}

// -- the other team's attainability check ----------------------------------------------------------

state.checkKey = "";

function showCheck(check) {
  $("check").hidden = !check;
  if (!check) { state.checkKey = ""; return; }
  const key = JSON.stringify(check);
  if (key !== state.checkKey) {  // a new check: a blank answer
    state.checkKey = key;
    state.check = check;
    $("check-form").reset();
    $("check-sent").textContent = "";
  }
  $("check-title").textContent = check.title;
  const judging = !state.team || check.judges.includes(state.team);
  $("check-form").hidden = !judging;
  $("check-note").textContent = judging ? "Your team judges this goal of the other team's."
    : "The other team judges this goal: their answers go to the facilitator.";
}

$("check-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const chosen = document.querySelector("input[name=verdict]:checked");
  $("live-error").textContent = ""; $("check-sent").textContent = "";
  if (!chosen) { $("live-error").textContent = "Pick attainable, stretch or not attainable."; return; }
  try {
    const answer = await post("/api/check", {
      code: state.code, token: state.token, goal: state.check.goal, verdict: chosen.value, reason: $("reason").value,
    });
    $("check-sent").textContent = `Sent: ${answer.verdict}. You can change it while the check is open.`;
  } catch (error) { $("live-error").textContent = error.message; }
});

// -- the dot vote -------------------------------------------------------------------------------

state.mine = {};
state.voteKey = "";

function showVote(vote) {
  $("vote").hidden = !vote;
  if (!vote) { state.voteKey = ""; return; }
  const key = JSON.stringify(vote);
  if (key !== state.voteKey) { state.voteKey = key; state.mine = {}; state.left = vote.dots; }
  state.vote = vote;
  renderVote();
}

function renderVote() {
  const vote = state.vote;
  $("dots-left").textContent = `${state.left} of ${vote.dots} dots left`;
  $("vote-goals").replaceChildren(...vote.goals.map((goal) => {
    const li = document.createElement("li");
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = goal.title;
    const less = document.createElement("button");
    less.textContent = "−";
    less.setAttribute("aria-label", "Take a dot back");
    less.disabled = !state.mine[goal.id];
    less.addEventListener("click", () => placeDot(goal.id, -1));
    const mine = document.createElement("span");
    mine.className = "mine";
    mine.textContent = String(state.mine[goal.id] || 0);
    const more = document.createElement("button");
    more.textContent = "+";
    more.setAttribute("aria-label", "Place a dot");
    more.disabled = state.left <= 0;
    more.addEventListener("click", () => placeDot(goal.id, 1));
    li.append(title, less, mine, more);
    return li;
  }));
}

async function placeDot(goal, delta) {
  $("live-error").textContent = "";
  try {
    const answer = await post("/api/vote", { code: state.code, token: state.token, goal, delta });
    state.mine = answer.mine; state.left = answer.left;
    renderVote();
  } catch (error) { $("live-error").textContent = error.message; }
}

// -- the facilitator's remote -------------------------------------------------------------------

$("pin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const pin = $("pin").value.trim();
  try {
    await post("/api/remote", { pin });
    state.pin = pin;
    sessionStorage.setItem("remote-pin", pin);
    $("who").textContent = "Facilitator's remote";
    enterLive();
  } catch (error) { $("pin-error").textContent = error.message; }
});

async function remote(action, value, extra) {
  $("live-error").textContent = "";
  try { await post("/api/remote", { pin: state.pin, action, value, ...extra }); } catch (error) {
    $("live-error").textContent = error.message;
    if (/PIN/.test(error.message)) { sessionStorage.removeItem("remote-pin"); }
  }
}

document.querySelectorAll("#remote [data-action]").forEach((button) => {
  button.addEventListener("click", () => remote(button.dataset.action, Number(button.dataset.value || 0)));
});

function showRemote(data) {
  const live = data.live || {};
  $("toggle").textContent = live.state === "running" || live.state === "over" ? "Pause" : "Start";
  const speakers = $("speakers");
  const keys = (live.speakers || []).map((s) => s.key).join("|");
  if (speakers.dataset.keys !== keys) {
    speakers.dataset.keys = keys;
    speakers.replaceChildren(...(live.speakers || []).map((speaker) => {
      const button = document.createElement("button");
      button.textContent = speaker.label;
      button.addEventListener("click", () => remote("speaker", speaker.key));
      return button;
    }));
  }
  const list = $("pending");
  const pending = data.pending || [];
  $("no-pending").hidden = pending.length > 0;
  list.replaceChildren(...pending.map((item) => {
    const li = document.createElement("li");
    const text = document.createElement("p");
    text.textContent = `${item.kind === "question" ? "Question" : "Parking lot"} from ${item.by}: ${item.text}`;
    const approve = document.createElement("button");
    approve.textContent = "Approve";
    approve.className = "primary";
    approve.addEventListener("click", () => remote("resolve", 0, { id: item.id, approve: true }));
    const reject = document.createElement("button");
    reject.textContent = "Reject";
    reject.addEventListener("click", () => remote("resolve", 0, { id: item.id, approve: false }));
    li.append(text, approve, reject);
    return li;
  }));
}

// -- start --------------------------------------------------------------------------------------

(function start() {
  if (params.get("remote") === "1") {
    const pin = sessionStorage.getItem("remote-pin");
    show("pin-entry");
    if (pin) { $("pin").value = pin; }
    return;
  }
  const code = (params.get("code") || "").toUpperCase();
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem("room") || "null"); } catch (error) { saved = null; }
  if (saved && saved.token && (!code || saved.code === code)) {
    state.code = saved.code; state.token = saved.token; state.team = saved.team || "";
    $("who").textContent = `You joined as ${saved.name}`;
    enterLive();
    return;
  }
  show("join");
  if (code) { $("code").value = code; askName(code); }
})();
