"""The Agenda page: the day's time boxes."""
