"""The Review stage's page (Ctrl+0): reviews after the workshop, the SLA's scorecard, goal check-ins."""
