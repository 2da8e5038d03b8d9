"""``smarketing-workshop export FILE``: JSON, speaking turns, SLA and goals PDFs, the CA certificate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from workshop.commands import CommandError
from workshop.document import WorkshopDocument
from workshop.model import WorkshopContent
from workshop.store.reading import ValueProblem

NAME = "export"
HELP = "export a workshop file (JSON, speaking turns, SLA PDF, goals PDF)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the workshop file (.smw)")
    parser.add_argument("--json", metavar="OUT", help="write the workshop as JSON to OUT ('-' for stdout)")
    parser.add_argument("--turns-csv", metavar="OUT", help="write the run's speaking turns as CSV to OUT")
    parser.add_argument(
        "--sla", metavar="OUT.pdf", help="write the SLA: the signed record when signed, else a DRAFT"
    )
    parser.add_argument("--goals", metavar="OUT.pdf", help="write the goals PDF")
    parser.add_argument(
        "--review",
        metavar="OUT.pdf",
        help="write a review (the latest unless --review-date says which): scorecard, trends, goals, "
        "overdue actions",
    )
    parser.add_argument(
        "--review-date",
        metavar="DATE|N",
        help="with --review: the review held on DATE (2027-01-31), else the one whose period holds it; "
        "or its number (1 the first, -1 the latest)",
    )
    parser.add_argument(
        "--ics",
        metavar="OUT.ics",
        help="write the review meetings (recurring, at the SLA's cadence) and the action items' due "
        "dates as a calendar; writing over an earlier export updates its events",
    )
    parser.add_argument(
        "--ca",
        metavar="CA.pem",
        help="write the certificate of this installation's signing authority (to trust the signatures)",
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size of a PDF made now (default: from the locale)"
    )


def _write(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        return
    try:
        Path(target).write_bytes(data)
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from None


def document_problems(problems: list[ValueProblem]) -> str:
    shown = "; ".join(p.describe() for p in problems[:3])
    return shown + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")


def run(args: argparse.Namespace) -> int:
    if not (args.json or args.turns_csv or args.sla or args.goals or args.ca or args.ics or args.review):
        raise CommandError(
            "say what to export: --json OUT, --turns-csv OUT, --sla OUT.pdf, --goals OUT.pdf, "
            "--review OUT.pdf, --ics OUT.ics or --ca CA.pem"
        )
    if args.review_date and not args.review:
        raise CommandError("--review-date picks the review for --review OUT.pdf: give that too")
    document = WorkshopDocument.open(args.file, read_only=True)
    try:
        content, log, problems = document.content(), document.run_log, document.problems
    finally:
        document.close()
    if problems:
        raise CommandError(
            f"“{Path(args.file).name}” holds values no edit could make ({document_problems(problems)}); "
            "nothing was exported and the file has not been changed. Open it in the app and use "
            "File ▸ Recover into a New File."
        )
    said = sys.stderr if "-" in (args.json, args.turns_csv) else sys.stdout
    if args.json:
        from workshop.report.json_export import workshop_json

        text = json.dumps(workshop_json(content, log), ensure_ascii=False, indent=2) + "\n"
        _write(args.json, text.encode("utf-8"))
        print(f"Exported {args.file} to {args.json}", file=said)
    if args.turns_csv:
        from workshop.run.report import turns_csv

        _write(args.turns_csv, turns_csv(content, log).encode("utf-8-sig"))
        print(f"Exported the speaking turns of {args.file} to {args.turns_csv}", file=said)
    if args.sla or args.goals:
        from workshop.report.exporting import export_pdfs

        for path, data, what in export_pdfs(content, args.sla, args.goals, args.paper):
            _write(str(path), data)
            print(f"Wrote {what} to {path}", file=said)
    if args.review:
        _export_review(content, args.review, args.review_date, args.paper, said)
    if args.ics:
        _export_ics(content, args.ics, said)
    if args.ca:
        from workshop.signoff.signing import LocalAuthority

        _write(args.ca, LocalAuthority().certificate_pem())
        print(f"Wrote the signing authority's certificate to {args.ca}", file=said)
    return 0


def _export_ics(content: WorkshopContent, target: str, said: TextIO) -> None:
    from workshop.clock import local_now
    from workshop.review.calendar import calendar_ics

    previous = None
    if target != "-" and Path(target).is_file():
        try:
            previous = Path(target).read_bytes()
        except OSError:
            previous = None
    _write(target, calendar_ics(content, local_now(), previous))
    print(f"Wrote the review meetings and action due dates of the workshop to {target}", file=said)


def _export_review(
    content: WorkshopContent, target: str, which: str | None, paper: str | None, said: TextIO
) -> None:
    from workshop.report.paper import default_paper
    from workshop.report.review_pdf import review_pdf
    from workshop.review.meeting import pick_review

    try:
        review = pick_review(content.reviews, which)
    except ValueError as error:
        raise CommandError(str(error)) from None
    _write(target, review_pdf(content, review, paper or default_paper()))
    print(f"Wrote the review of {review.period_start} to {review.period_end} to {target}", file=said)
