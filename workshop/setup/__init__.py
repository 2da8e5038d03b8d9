"""Setup: the workshop's details, teams and participants, and their checks."""
