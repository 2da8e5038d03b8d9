"""Headless commands: one module each, found automatically by ``workshop.cli``.

A command module defines ``NAME`` (the word after ``smarketing-workshop``),
``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``. ``run``
raises :class:`CommandError` with a message for the user when it cannot do its
work; the CLI prints it on one line and exits with status 1.
"""

from __future__ import annotations


class CommandError(Exception):
    """The command could not do its work; the message is for the user."""
