"""What comes in from outside, checked once at the door.

Text that enters the domain (typed, pasted, imported, read from JSON or CSV)
goes through :func:`storable`, so every string the app holds can be written
to the file. Files named by the user go through :func:`require_regular_file`
before they are opened, so a named pipe, a device, a folder or a symlink loop
is refused at once instead of hanging or failing later. JSON that comes from a
file or the user goes through :func:`load_json`, whose errors are one line in
the user's words. Spreadsheet cells the app writes go through :func:`csv_cell`.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_JSON_DEPTH = 200  # deeper than any JSON the app writes by far, shallow enough for the parser


class InputError(ValueError):
    """Something from outside cannot be used; the message says what and is for the user."""


def storable(text: str) -> str:
    """``text`` with every NUL and lone UTF-16 surrogate replaced, visibly, by U+FFFD.

    A surrogate pair that arrived as two escapes (``\\ud83d\\ude00``) is joined into
    the character it stands for first, so an emoji survives.
    """
    if not _UNSTORABLE.search(text):
        return text
    joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _UNSTORABLE.sub(REPLACEMENT, joined)


def storable_value(value: Any) -> Any:
    """A JSON-like value with every string in it (keys too) made storable."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, list):
        return [storable_value(v) for v in value]
    if isinstance(value, dict):
        return {storable(str(k)): storable_value(v) for k, v in value.items()}
    return value


def _kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if not stat.S_ISREG(mode):
        return "not an ordinary file"
    return None


def require_regular_file(path: Path | str, what: str = "file") -> Path:
    """``path`` when it names an ordinary file that can be read; else :class:`InputError`.

    Never opens the file, so a named pipe cannot make the caller wait forever.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(f"There is no {what} “{path}”.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(
                f"“{path.name}” is a link that points round in a circle, not a {what}."
            ) from None
        raise InputError(f"“{path.name}” cannot be read: {error.strerror or error}.") from None
    kind = _kind(mode)
    if kind is not None:
        raise InputError(f"“{path.name}” is {kind}, not a {what}.")
    return path


def read_regular_file(path: Path | str, what: str = "file", limit: int | None = None) -> bytes:
    """The bytes of an ordinary file (see :func:`require_regular_file`), at most ``limit`` of them."""
    path = require_regular_file(path, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: a file swapped for a pipe meanwhile still cannot hang us
    except OSError as error:
        raise InputError(f"“{path.name}” cannot be read: {error.strerror or error}.") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputError(f"“{path.name}” is not an ordinary file, not a {what}.")
        try:
            data = handle.read() if limit is None else handle.read(limit + 1)
        except OSError as error:
            raise InputError(f"“{path.name}” cannot be read: {error.strerror or error}.") from None
    if limit is not None and len(data) > limit:
        raise InputError(f"“{path.name}” is too large for a {what} (more than {limit // 1024 // 1024} MB).")
    return data


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """How deeply the brackets of JSON text nest, strings skipped."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def load_json(
    text: str | bytes, what: str = "the JSON", max_depth: int = MAX_JSON_DEPTH, *, clean: bool = True
) -> Any:
    """Parse JSON from outside: its strings made storable, errors as one line for the user.

    ``clean=False`` only checks that the JSON parses (for text already known to be storable).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputError(f"{what} is not UTF-8 text (byte {error.start + 1} cannot be read).") from None
    if text.count("[") + text.count("{") > max_depth and _depth(text) > max_depth:
        raise InputError(f"{what} is nested more than {max_depth} levels deep.")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{what} is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise InputError(f"{what} is nested too deeply.") from None
    except ValueError as error:  # numbers too long to convert, and the like
        raise InputError(f"{what} cannot be read ({error}).") from None
    return storable_value(value) if clean else value


_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def csv_cell(value: object) -> str:
    """A cell for a CSV the app writes: text that a spreadsheet shows, never runs.

    A cell starting like a formula (``=``, ``+``, ``-``, ``@``, a tab, a line break, ...)
    gets a leading apostrophe; a plain number ("-2", "-1.5") stays a number.
    """
    text = storable(str(value))
    if text[:1] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
