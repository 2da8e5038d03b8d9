"""The Run stage's keys that the main window's menus take before any workshop is open.

Kept apart from :mod:`ui.run.keys` (which imports the domain's model for its table) so the
window can build its menus and show without importing it.
"""

from __future__ import annotations

PROJECTOR_KEY = "F5"  # the main window's Go ▸ Projector Window takes its shortcut from here
