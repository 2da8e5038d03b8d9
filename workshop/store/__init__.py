"""Storage of a workshop in one SQLite file."""
