"""Test doubles shared by the tests and the benchmarks."""

from __future__ import annotations


class FakeClock:
    """A clock that moves only when told to: for tests and simulations."""

    def __init__(self, start: float = 1000.0) -> None:
        self.seconds = start

    def now(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
