"""Widgets of the Leads & MQL page."""
