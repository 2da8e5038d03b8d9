"""The headless commands: help, version, demo, export; exit codes and one-line errors."""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import launch
from ui.launch import plain_start
from workshop import __version__, commands
from workshop.build import build_info
from workshop.cli import main
from workshop.commands import COMMANDS, CommandEntry


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a user would (falls back to ``python -m``)."""
    script = shutil.which("smarketing-workshop", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "ui.launch"]
    return subprocess.run([*command, *args], capture_output=True, text=True, check=False, timeout=60)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith(f"Smarketing Workshop {__version__} (")
    assert f"commit {build_info().commit}" in line
    assert build_info().commit != "unknown"  # a checkout names its commit


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["export", "--help"]])
def test_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: smarketing-workshop")
    if args == ["--help"]:
        assert "demo" in out and "export" in out


def test_demo_then_export_gives_teams_participants_and_actions(tmp_path: Path) -> None:
    demo, out = tmp_path / "d.smw", tmp_path / "d.json"
    assert run("demo", str(demo)).returncode == 0
    result = run("export", str(demo), "--json", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["workshop"]["title"] == "Q3 alignment offsite"
    assert [t["name"] for t in data["teams"]] == ["Sales", "Marketing"]
    signers = {p["team"]: p["name"] for p in data["participants"] if p["signatory"]}
    assert signers == {"sales": "Dana Whitfield", "marketing": "Priya Raman"}
    assert len(data["participants"]) == 8
    assert len(data["actions"]) >= 5 and all(a["owner"] and a["due"] for a in data["actions"])
    assert data["agenda"][0]["start"] == "09:00"
    assert data["parking_lot"]
    assert "Zoë Łukasik" in out.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_export_to_stdout(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(demo_file), "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["workshop"]["company"] == "Fernhill Software"


def test_demo_does_not_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.smw"
    path.write_text("precious")
    assert main(["demo", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    assert path.read_text() == "precious"
    assert main(["demo", str(path), "--force"]) == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "There is no file"), (b"hello", "is not a Smarketing Workshop file"), (b"", "is empty")],
)
def test_export_of_a_bad_file_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, words: str
) -> None:
    path = tmp_path / "x.smw"
    if content is not None:
        path.write_bytes(content)
    assert main(["export", str(path), "--json", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("smarketing-workshop export: error: ")
    assert words in err and err.count("\n") == 1
    assert not (tmp_path / "x.json").exists()


def test_export_to_a_missing_folder_fails_cleanly(demo_file: Path, tmp_path: Path) -> None:
    result = run("export", str(demo_file), "--json", str(tmp_path / "no" / "such" / "x.json"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_a_wrong_command_line_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "only-a-file.smw", "--jsn", "x.json"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --jsn" in capsys.readouterr().err


def test_export_without_a_format_says_what_to_add(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(demo_file)]) == 1
    assert "say what to export: --json OUT" in capsys.readouterr().err


def test_headless_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from ui.launch import main; "
        f"main(['demo', {str(tmp_path / 'q.smw')!r}]); "
        f"main(['export', {str(tmp_path / 'q.smw')!r}, '--json', {str(tmp_path / 'q.json')!r}]); "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")


def test_check_goal_prints_json_in_the_documented_shape() -> None:
    result = run(
        "check-goal", "Raise win rate from 20% to 25% by end of Q3", "--today", "2027-06-01", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["text"] == "Raise win rate from 20% to 25% by end of Q3"
    assert data["deadline"] == "2027-09-30"
    assert data["metric"] == "win rate"
    assert data["smart"] is True
    assert set(data["criteria"]) == {"specific", "measurable", "attainable", "relevant", "time_bound"}


def test_check_goal_explains_what_to_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-goal", "Boost sales soon", "--today", "2027-06-01"]) == 0
    out = capsys.readouterr().out
    assert "✗ T Time-bound  “soon” is not a deadline." in out
    assert "→ Say when, for example 'by 30 September 2027'." in out
    assert out.strip().endswith("Verdict: not SMART yet (3 to fix); not FAST yet (3 to fix)")


def test_check_goal_rejects_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-goal", "Add 40 SQLs by Q3", "--today", "June"]) == 1
    assert "--today wants a date like 2027-06-01" in capsys.readouterr().err


def test_demo_export_sla_and_verify(tmp_path: Path) -> None:
    demo, pdf = tmp_path / "d.smw", tmp_path / "sla.pdf"
    assert run("demo", str(demo)).returncode == 0
    exported = run("export", str(demo), "--sla", str(pdf), "--goals", str(tmp_path / "goals.pdf"))
    assert exported.returncode == 0, exported.stderr
    assert "signed SLA" in exported.stdout
    verified = run("verify", str(pdf))
    assert verified.returncode == 0, verified.stdout
    assert run("export", str(demo), "--ca", str(tmp_path / "ca.pem")).returncode == 0
    trusted = run("verify", str(pdf), "--trust", str(tmp_path / "ca.pem"))
    assert trusted.returncode == 0, trusted.stdout
    assert trusted.stdout.count("(trusted)") == 3
    assert "Signature 1: Dana Whitfield, VP Sales" in verified.stdout
    assert "Signature 3: Claire Dubois" in verified.stdout
    tampered = bytearray(pdf.read_bytes())
    tampered[tampered.index(b"%%EOF") // 2] ^= 0x01  # in the first revision, which every signature covers
    (tmp_path / "tampered.pdf").write_bytes(bytes(tampered))
    failed = run("verify", str(tmp_path / "tampered.pdf"))
    assert failed.returncode == 1
    assert "NOT valid" in failed.stdout and "digest mismatch" in failed.stdout


def test_export_without_a_format_and_verify_of_a_missing_file_say_why(tmp_path: Path) -> None:
    demo = tmp_path / "d.smw"
    assert run("demo", str(demo)).returncode == 0
    nothing = run("export", str(demo))
    assert nothing.returncode == 1 and "--sla OUT.pdf" in nothing.stderr
    missing = run("verify", str(tmp_path / "none.pdf"))
    assert (
        missing.returncode == 1 and "There is no PDF file" in missing.stderr and "none.pdf" in missing.stderr
    )


def test_the_command_table_lists_every_command_module_with_its_help() -> None:
    """``COMMANDS`` is what help and dispatch read: a new command module must have its line there."""
    found = {}
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"workshop.commands.{info.name}")
        found[module.NAME] = CommandEntry(info.name, module.HELP)
    assert found == COMMANDS
    assert list(COMMANDS) == sorted(COMMANDS)


def test_opening_the_window_imports_no_command() -> None:
    """Until the window is opened, the entry point has loaded the command table and no command.

    Nor the command line's parser, its help or the build information: the common start (nothing,
    or one workshop file) is read without them.
    """
    for args in ([], ["Q3 offsite.smw"]):
        code = (
            "import sys; from ui import launch; "
            "launch.open_window = lambda f: print(repr(f), '|', sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('workshop', 'ui', 'PySide6') or m == 'argparse')) or 0; "
            f"launch.main({args!r})"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        file, loaded = result.stdout.strip().split(" | ", 1)
        assert ast.literal_eval(file) == (args[0] if args else None)
        assert set(ast.literal_eval(loaded)) <= {"ui", "ui.launch", "workshop", "workshop.commands"}


def test_anything_but_a_plain_start_goes_to_the_command_line() -> None:
    assert plain_start([]) == (True, None)
    assert plain_start(["Berlin.smw"]) == (True, "Berlin.smw")
    for args in (
        ["--help"],
        ["--version"],
        ["-h"],
        ["demo"],
        ["a.smw", "b.smw"],
        ["a.smw", "--room", "8080"],
    ):
        assert plain_start(args) == (False, None), args


def test_a_plain_start_and_the_parser_open_the_same_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def open_window(file: str | None, room: tuple[str, int] | None = None) -> int:
        opened.append((file, room))
        return 0

    monkeypatch.setattr(launch, "open_window", open_window)
    assert launch.main(["Berlin.smw"]) == 0
    assert launch.main([]) == 0
    assert launch.main(["--room", "127.0.0.1:8765", "Berlin.smw"]) == 0
    assert opened == [("Berlin.smw", None), (None, None), ("Berlin.smw", ("127.0.0.1", 8765))]


def test_help_lists_every_command_without_importing_one(capsys: pytest.CaptureFixture[str]) -> None:
    code = (
        "import sys; from workshop.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in sys.modules if m.startswith('workshop.commands.')])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    for name, entry in COMMANDS.items():
        assert f"  {name:<12}{entry.help}" in result.stdout


def test_a_reader_that_stops_early_ends_the_export_quietly(demo_file: Path, tmp_path: Path) -> None:
    """`export --json - | head -c 0`: no error message and no crash report, as with any Unix tool."""
    env = {**os.environ, "SMARKETING_WORKSHOP_DATA": str(tmp_path / "data")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from workshop.cli import main; sys.exit(main())",
            "export",
            str(demo_file),
            "--json",
            "-",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first byte
    with process.stderr:
        errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "error" not in errors
    assert not list((tmp_path / "data").rglob("crash-*"))
