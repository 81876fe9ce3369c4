"""A circuit breaker shared by the clients of services that may be away.

After a failure, callers skip the service for `open_seconds` instead of each waiting
on its own timeout; the first call after that tries again (half-open). Per process,
lock-free: two threads racing on the state at worst both try the service once.
"""

import time


class CircuitBreaker:
    """Remembers the last failure of one service; `is_open` while it is recent."""

    def __init__(self, *, name: str, open_seconds: float) -> None:
        self.name = name
        self.open_seconds = open_seconds
        self._opened_at: float | None = None

    @property
    def is_open(self) -> bool:
        if self._opened_at is None:
            return False
        if time.monotonic() - self._opened_at >= self.open_seconds:
            return False  # half-open: the next call tries the service again
        return True

    def record_failure(self) -> None:
        self._opened_at = time.monotonic()

    def record_success(self) -> None:
        self._opened_at = None

    def reset(self) -> None:
        self._opened_at = None
