"""The demo workshop (Fernhill Software) and its lead history."""
