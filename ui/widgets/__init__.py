"""Small custom widgets."""
