"""Goals: goal records, the four questions, and the SMART and FAST checker.

The checker reads deadlines, numbers and vocabulary from the modules beside it.
"""
