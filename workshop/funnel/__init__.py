"""The reverse funnel: from a revenue target back to the MQLs a month, and its plan."""
