"""Headless commands: one module each, listed in :data:`COMMANDS` for ``workshop.cli``.

A command module defines ``NAME`` (the word after ``smarketing-workshop``),
``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``. ``run``
raises :class:`CommandError` with a message for the user when it cannot do its
work; the CLI prints it on one line and exits with status 1.

The command line's help and its choice of command come from :data:`COMMANDS`, so that
starting the window imports no command at all and a command imports only its own module
(each pulls in its part of the domain: demo, lead evaluation, PDFs, signing). A new
command module gets its line here; ``tests/test_cli.py`` fails while the table and the
modules disagree.
"""

from __future__ import annotations

from typing import NamedTuple


class CommandEntry(NamedTuple):
    """Where a command lives and its one line of help, known without importing it."""

    module: str
    """The module's name inside ``workshop.commands``."""
    help: str
    """The module's ``HELP``."""


COMMANDS: dict[str, CommandEntry] = {
    "check-goal": CommandEntry(
        "check_goal",
        "check a goal statement against SMART (Specific, Measurable, Attainable, Relevant, Time-bound) "
        "and FAST (Frequent, Ambitious, Specific, Transparent)",
    ),
    "demo": CommandEntry("demo", "write the demo workshop to a new file"),
    "export": CommandEntry("export", "export a workshop file (JSON, speaking turns, SLA PDF, goals PDF)"),
    "funnel": CommandEntry("funnel", "work out deals, SQLs, MQLs, leads and visitors from a revenue target"),
    "import": CommandEntry(
        "import_json",
        "rebuild a workshop file (.smw) from a JSON export, run log and signed records included",
    ),
    "review": CommandEntry(
        "review", "hold a workshop's SLA against a period's CRM export (CSV) and print the scorecard"
    ),
    "score-leads": CommandEntry(
        "score_leads",
        "score a CRM lead history (CSV) with an MQL definition and report how well it separates",
    ),
    "sign": CommandEntry(
        "sign", "sign the SLA of a workshop file as the next signatory (signing later, elsewhere)"
    ),
    "verify": CommandEntry(
        "verify",
        "check the digital signatures of a signed SLA PDF "
        "(exit 0 valid, 1 changed, 3 untrusted, 4 incomplete)",
    ),
}
"""Every headless command by ``NAME``, in alphabetical order."""


class CommandError(Exception):
    """The command could not do its work; the message is for the user."""
