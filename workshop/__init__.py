"""Smarketing Workshop: the domain of a sales and marketing alignment workshop.

Pure Python, no Qt: the CLI, the exports and the tests use it without a display.
"""

__version__ = "0.1.0"
APP_NAME = "Smarketing Workshop"
FILE_SUFFIX = ".smw"
