"""Signing at each signer's click, and exporting the stored record, on growing workshops.

For the demo and for workshops with more goals and agenda items (made by
``tests.report.test_long_workshop.long_workshop``), median of the runs, in this process:

- first click: the first signatory presses Sign; the record is laid out once (every page),
  given its signature fields, signed (certified) and stored in the workshop file;
- last click: the last signatory presses Sign; their signature is added as one revision and
  the record stored;
- export: ``export --sla`` of the stored record (open the file, write the PDF), whole process.

Each is also given as a ratio to a reference measured in the same run (SHA-256 of 64 MiB),
so runs on different machines compare. Target: under 1.5 s for the demo; the last click does
not grow with the workshop, the first click and the export grow at most linearly.

    python benchmarks/signing.py [--runs 5]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests.*


def reference() -> float:
    data = b"\x5a" * (64 << 20)
    start = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    return time.perf_counter() - start


def command() -> list[str]:
    script = shutil.which("smarketing-workshop", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "ui.launch"]


def sign_all(path: Path) -> tuple[float, float]:
    """Each signatory signs in turn; returns the seconds of the first and of the last click."""
    from workshop.document import WorkshopDocument
    from workshop.report.signed_record import sign_and_record
    from workshop.signoff.signing import LocalAuthority, synthetic_signature
    from workshop.sla import agreement as sla

    document = WorkshopDocument.open(path)
    authority = LocalAuthority()
    moment = datetime(2027, 5, 11, 16, 5, tzinfo=UTC)
    times = []
    try:
        while (person := sla.next_to_sign(document.content())) is not None:
            start = time.perf_counter()
            sign_and_record(
                document,
                person.role,
                name=person.name,
                title=person.title,
                strokes=synthetic_signature(person.name),
                signed_at=moment,
                reviewed_at=moment - timedelta(minutes=2),
                consented_at=moment - timedelta(minutes=1),
                authority=authority,
                paper="a4",
            )
            times.append(time.perf_counter() - start)
            moment += timedelta(minutes=4)
    finally:
        document.close()
    return times[0], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from datetime import date

    from tests.report.test_long_workshop import long_workshop
    from workshop.demo.content import demo_content
    from workshop.store import files

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ["SMARKETING_WORKSHOP_DATA"] = str(base / "data")
        env = dict(os.environ)
        demo = demo_content(date(2027, 6, 1))
        sizes = {
            f"demo ({len(demo.goals)} goals, {len(demo.agenda)} items)": demo,
            "50 goals, 15 items": long_workshop(items=15, people=20, goals=50, turns=5_000),
            "200 goals, 60 items": long_workshop(items=60, people=40, goals=200, turns=20_000),
        }
        ref = statistics.median(reference() for _ in range(5))
        print(f"runs: {runs} each, median; reference (SHA-256 of 64 MiB) {ref * 1000:.0f} ms")
        print(f"{'workshop':28s} {'first click':>16s} {'last click':>16s} {'export (process)':>20s}")
        for name, content in sizes.items():
            content.sla_signatures = []
            content.sla_records = []
            firsts, lasts, exports = [], [], []
            for run in range(runs):
                path = base / f"w{run}.smw"
                path.unlink(missing_ok=True)
                files.write_content(path, content)
                first, last = sign_all(path)
                firsts.append(first)
                lasts.append(last)
                start = time.perf_counter()
                subprocess.run(
                    [*command(), "export", str(path), "--sla", str(base / "out.pdf")],
                    check=True,
                    capture_output=True,
                    env=env,
                )
                exports.append(time.perf_counter() - start)

            def cell(values: list[float]) -> str:
                median = statistics.median(values)
                return f"{median * 1000:6.0f} ms ({median / ref:4.1f}x)"

            print(f"{name:28s} {cell(firsts):>16s} {cell(lasts):>16s} {cell(exports):>20s}")


if __name__ == "__main__":
    main()
