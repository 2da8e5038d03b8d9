"""The room page under load: 60 phones for 60 s, on 127.0.0.1 only.

The app (offscreen, the demo workshop, the Run page shown, the timer running) serves the room
page on loopback; a second process runs ``--clients`` simulated phones (aiohttp): each joins
as a guest, keeps a WebSocket open, and sends one parking-lot item half-way. Every second the
app's facilitator pauses or resumes (the state every page must get) and presses a speaker
key, timed from the key to the repaint as ``run_page.py`` does. Measured:

- update latency: from the app publishing a state to a phone receiving it (p95, budget 250 ms);
- errors: any refused request, failed join or dropped connection (budget 0);
- the Run page's speaker key (half a second after each pause or resume) to the repaint while
  the room is loaded, as ``run_page.py`` times it, against the same key with the room page
  off in the same run (budget: 1.5 times);
- resident memory of the app at the end against that at 10 s (budget +10 %).

The phones' process runs at a lower priority (nice 10): real phones do not share the laptop's
CPU. All simulated phones come from 127.0.0.1, one address, where the page limits requests per
address: the app's limit is raised 60-fold for the run, as 60 phones would each have their own.

    python benchmarks/room_load.py [--clients 60] [--seconds 60] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, report

LOOPBACK = "127.0.0.1"
LATENCY_BUDGET_MS = 250.0
KEY_BUDGET_RATIO = 1.5  # the key with 60 phones connected, against the same key with the page off
MEMORY_GROWTH_BUDGET = 10.0  # percent


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# -- the phones (their own process) -------------------------------------------------------------


async def phone(number: int, base: str, code: str, seconds: float, out: dict[str, list[float]]) -> None:
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=seconds + 30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.sleep(number * 0.05)  # phones arrive over a few seconds, not in one instant
        async with session.post(
            f"{base}api/join",
            json={"code": code, "person": "guest", "team": "sales", "name": f"Phone {number}"},
        ) as response:
            if response.status != 200:
                out["errors"].append(float(response.status))
                return
            token = (await response.json())["token"]
        ends = time.monotonic() + seconds
        sent = False
        seen: set[int] = set()
        async with session.ws_connect(f"{base}ws?code={code}&token={token}") as socket:
            while time.monotonic() < ends:
                try:
                    message = await socket.receive(timeout=max(0.1, min(1.0, ends - time.monotonic())))
                except TimeoutError:
                    message = None
                if message is not None:
                    if message.type != aiohttp.WSMsgType.TEXT:
                        out["errors"].append(-1.0)
                        return
                    received = time.time() * 1000
                    at = json.loads(message.data)["live"].get("at")
                    if at and at not in seen:
                        seen.add(at)
                        out["latency"].append(received - at)
                if not sent and time.monotonic() > ends - seconds / 2:
                    sent = True
                    async with session.post(
                        f"{base}api/submit",
                        json={
                            "code": code,
                            "token": token,
                            "kind": "parking",
                            "text": f"Item from phone {number}",
                        },
                    ) as response:
                        if response.status != 202:
                            out["errors"].append(float(response.status))


async def phones(base: str, code: str, clients: int, seconds: float) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"latency": [], "errors": []}
    results = await asyncio.gather(
        *(phone(n, base, code, seconds, out) for n in range(clients)), return_exceptions=True
    )
    out["errors"] += [-2.0 for result in results if isinstance(result, BaseException)]
    return out


# -- the app ------------------------------------------------------------------------------------


def under_load(
    process_events: Callable[[], None],
    toggle: Callable[[], None],
    press: Callable[[int], float],
    child: subprocess.Popen[str],
) -> tuple[list[float], int]:
    """While the phones run: a pause or resume each second, a timed key half-way between.

    Returns the key times and the resident memory at 10 s.
    """
    keys: list[float] = []
    started = time.monotonic()
    next_second = started + 1
    next_press = started + 1.5
    memory_at_10 = 0
    step = 0
    while child.poll() is None:
        process_events()
        now = time.monotonic()
        if now >= next_second:
            next_second += 1
            toggle()  # pause or resume: a state every page must get
        if now >= next_press:  # half-way between two: a key pressed while the room is busy
            next_press += 1
            keys.append(press(step))
            step += 1
        if not memory_at_10 and now - started >= 10:
            memory_at_10 = rss_kb()
        time.sleep(0.005)
    return keys, memory_at_10


def run(clients: int, seconds: float) -> list[Row]:
    from PySide6.QtCore import QSettings

    from benchmarks.painted import until_painted
    from ui.app import create_application, start
    from ui.common.dialogs import Dialogs
    from ui.run.keys import RunAction
    from ui.settings import AppPaths, AppSettings
    from workshop.model import Participant

    folder = Path(tempfile.mkdtemp(prefix="room-load-"))
    app = create_application()
    settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = start(None, settings, AppPaths(folder / "d", folder / "w"), Dialogs())
    window.resize(1366, 768)
    window.show_stage("run")
    assert window.document is not None
    session = window.run_session(window.document)
    session.act(RunAction.TOGGLE)
    speakers = ["sales", "marketing", *(f"p:{p.id}" for p in window.document.typed(Participant))][:8]

    def press(step: int) -> float:
        started = time.perf_counter()
        session.runner.set_speaker(speakers[step % len(speakers)])
        session.changed.emit()
        until_painted(settle=True)  # while paused a speaker key rightly changes (and paints) nothing
        return (time.perf_counter() - started) * 1000

    reference = [press(step) for step in range(100)]  # the room page off
    window.room_bind = (LOOPBACK, 0)
    address = window.start_room()
    assert address is not None and window.room is not None
    window.room.server.limiter.rate *= clients  # one address stands for every phone here
    window.room.server.limiter.burst *= clients
    base = address.split("?")[0]
    child = subprocess.Popen(
        [sys.executable, __file__, "--phones", base, window.room.server.code, str(clients), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    keys, memory_at_10 = under_load(app.processEvents, lambda: session.act(RunAction.TOGGLE), press, child)
    memory_at_end = rss_kb()
    output, _ = child.communicate()
    result = json.loads(output.strip().splitlines()[-1])
    latency = sorted(result["latency"])
    p95 = latency[int(len(latency) * 0.95) - 1] if latency else float("inf")
    errors = len(result["errors"])
    waiting = len(window.room.pending)
    window.stop_room()
    window.close()
    app.processEvents()
    growth = 100.0 * (memory_at_end - memory_at_10) / memory_at_10 if memory_at_10 else float("inf")
    note = f"{len(latency)} updates received, median {statistics.median(latency):.0f} ms" if latency else ""
    return [
        Row(
            f"Room page: update latency p95, {clients} phones, {seconds:.0f} s",
            [p95],
            LATENCY_BUDGET_MS,
            note=note,
        ),
        Row(
            f"Room page: errors among {clients} phones ({waiting} items arrived of {clients})",
            [float(errors + (clients - waiting))],
            0.0,
            unit="errors",
        ),
        Row(
            "Run page: speaker key to repainted, room page loaded (ratio to the room page off)",
            keys,
            reference_ms=statistics.median(reference),
            budget_ratio=KEY_BUDGET_RATIO,
        ),
        Row(
            "Room page: app memory growth, 10 s to the end",
            [growth],
            MEMORY_GROWTH_BUDGET,
            unit="%",
            note=f"{memory_at_10 / 1024:.0f} MB at 10 s, {memory_at_end / 1024:.0f} MB at the end",
        ),
    ]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--phones":
        os.nice(10)  # the phones are not the laptop: their simulation yields the CPU to the app
        base, code, clients, seconds = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
        print(json.dumps(asyncio.run(phones(base, code, clients, seconds))))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    report(run(args.clients, args.seconds), args.json)


if __name__ == "__main__":
    main()
