"""The Review stage: after the workshop, the signed SLA held against what the CRM shows.

One review per period of the SLA's cadence: its dates and attendees, the clauses' verdicts
from the period's CRM export (:mod:`workshop.review.scorecard`), goal check-ins and the
action items' state.
"""
