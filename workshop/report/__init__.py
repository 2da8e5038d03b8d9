"""PDF reports (reportlab) and their charts (matplotlib, Agg): the SLA and the goals PDF.

Nothing here is imported at app start-up; reportlab and matplotlib load on first use.
"""
