"""Qt item models over the workshop's records."""
