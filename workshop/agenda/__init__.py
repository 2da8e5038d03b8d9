"""The agenda: time boxes, the day's schedule and fit, templates, proportional re-plan."""
