"""Actions: the action items the day produces, and their export."""
