"""``smarketing-workshop FILE --room [HOST:]PORT``: the window opens with the room page on, and says where."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

LAUNCH = [sys.executable, "-c", "import sys; from ui.launch import main; sys.exit(main())"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(Path(__file__).resolve().parents[3]),
    )


def test_the_address_with_the_join_code_is_printed_and_serves(demo_file: Path, tmp_path: Path) -> None:
    port = free_port()
    app = subprocess.Popen(
        [*LAUNCH, str(demo_file), "--room", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env(tmp_path),
    )
    try:
        assert app.stdout is not None
        address = app.stdout.readline().strip()
        assert address.startswith(f"http://127.0.0.1:{port}/?code=")
        code = address.rsplit("=", 1)[1]
        assert len(code) == 4
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/roster?code={code}", timeout=10) as answer:
            assert json.loads(answer.read())["people"][0]["name"] == "Dana Whitfield"
    finally:
        app.terminate()
        app.communicate(timeout=30)


def test_a_wrong_room_option_is_refused_with_the_reason(tmp_path: Path) -> None:
    done = subprocess.run(
        [*LAUNCH, "--room", "laptop:80"],
        capture_output=True,
        text=True,
        env=env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "not an IPv4 address" in done.stderr
