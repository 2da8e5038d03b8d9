"""The SLA page: clauses and the preview."""
