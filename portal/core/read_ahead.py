"""Compute the next items of a long iteration in a thread while the caller works on
the current one: a rebuild of the search index reads and builds the next batch of
documents while the engine indexes this one (issue 15).

The thread has its own database connection, closed when it ends. Inside a
transaction (an atomic block, a test) there is no thread: another connection would
not see the transaction's rows.
"""

import contextvars
import threading
from collections.abc import Iterable, Iterator
from queue import Empty, Full, Queue
from typing import Generic, TypeVar

from django.db import connection, connections

T = TypeVar("T")
_DONE = object()
# How often a blocked side checks whether the other one gave up.
_POLL_SECONDS = 0.5


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


class ReadAhead(Generic[T]):
    """The items of `items`, in order, with up to `depth` of them computed ahead by
    a thread started at once (in a copy of the caller's context: its context
    variables hold), so the caller may do something else before reading the first.
    An error of the thread is raised when read. Use it as a context manager: leaving
    the block stops the thread, read to the end or not."""

    def __init__(self, items: Iterable[T], *, depth: int = 1):
        self._items = iter(items)
        self._thread = None
        if connection.in_atomic_block:
            return
        self._queue: Queue = Queue(maxsize=depth)
        self._stop = threading.Event()
        context = contextvars.copy_context()
        self._thread = threading.Thread(
            target=context.run, args=(self._produce,), name="read-ahead", daemon=True
        )
        self._thread.start()

    def __enter__(self) -> "ReadAhead[T]":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()

    def __iter__(self) -> Iterator[T]:
        if self._thread is None:
            yield from self._items
            return
        while True:
            try:
                item = self._queue.get(timeout=_POLL_SECONDS)
            except Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("read-ahead thread ended early") from None
                continue
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL_SECONDS)
                return True
            except Full:
                continue
        return False

    def _produce(self) -> None:
        try:
            for item in self._items:
                if not self._put(item):
                    return
            self._put(_DONE)
        except BaseException as error:  # handed to the reader, raised there
            self._put(_Failure(error))
        finally:
            connections.close_all()  # this thread's connections only
