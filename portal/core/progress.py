"""A one-line progress bar per phase of a long command (loading, indexing…)."""

import time
from typing import TextIO

from django.core.management.base import OutputWrapper

BAR_WIDTH = 30


class Progress:
    """Draws `label [#####-----] 12/40`, redrawn in place, one line per phase."""

    def __init__(self, stdout: TextIO, label: str) -> None:
        self.stdout, self.label, self.total, self.done = stdout, label, 0, 0
        self.started, self._drawn = time.monotonic(), -1
        # A command's OutputWrapper appends a newline to each write unless told not to.
        self._ending = {"ending": ""} if isinstance(stdout, OutputWrapper) else {}

    def start(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()
        self._drawn = -1
        self._draw()

    def update(self, done: int) -> None:
        self.done = done
        # Redraw only when the bar moves: a long phase would otherwise flood a log file.
        if BAR_WIDTH * done // max(self.total, 1) != self._drawn:
            self._draw()

    def report(self, done: int, total: int) -> None:
        """The callback form, for code that reports `(done, total)` as it goes."""
        if self._drawn < 0 or total != self.total:
            self.start(total)
        self.update(done)

    def step(self) -> None:
        self.update(self.done + 1)

    def finish(self) -> None:
        self.done = self.total
        self._draw()
        elapsed = time.monotonic() - self.started
        self.stdout.write(f" ({elapsed:.1f} s)\n", **self._ending)

    def _draw(self) -> None:
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        self._drawn = filled
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(
            f"\r{self.label:<28} [{bar}] {self.done}/{self.total}", **self._ending
        )
        self.stdout.flush()
