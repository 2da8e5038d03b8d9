"""The matplotlib figures, one function per chart, drawn alike for the screen and for paper."""
