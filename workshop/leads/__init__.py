"""Leads & MQL: lead stages, the MQL definition and its templates, reading lead history, evaluation."""
