"""The Actions page: action items and the parking lot."""
