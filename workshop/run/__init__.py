"""The live run: the runner over the event log, airtime, re-plan during the run, the run report."""
