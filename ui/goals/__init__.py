"""The Goals page: the goal board, goal cards and the goal wizard."""
