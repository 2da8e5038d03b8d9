"""The Setup page: the workshop's details, teams and participants."""
