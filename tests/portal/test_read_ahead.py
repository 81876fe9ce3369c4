"""ReadAhead (portal/core/read_ahead.py): the next items are computed by a thread,
in order, in the caller's context; its errors reach the caller; leaving early stops
it; inside a transaction it computes in the caller's thread."""

import contextvars
import threading

import pytest
from django.db import transaction

from portal.core.read_ahead import ReadAhead

LABEL = contextvars.ContextVar("label", default="none")


def _made_by_thread(count: int):
    for number in range(count):
        yield number, threading.current_thread().name, LABEL.get()


def test_items_come_in_order_from_a_thread_that_sees_the_context():
    token = LABEL.set("rebuild")
    try:
        with ReadAhead(_made_by_thread(5)) as items:
            got = list(items)
    finally:
        LABEL.reset(token)
    assert [number for number, _, _ in got] == [0, 1, 2, 3, 4]
    assert {thread for _, thread, _ in got} == {"read-ahead"}
    assert {label for _, _, label in got} == {"rebuild"}


def test_an_error_of_the_thread_is_raised_to_the_reader():
    def failing():
        yield 1
        raise ValueError("lecture impossible")

    with ReadAhead(failing()) as items, pytest.raises(ValueError, match="lecture"):
        list(items)


def test_leaving_early_stops_the_thread():
    endless = ReadAhead(_made_by_thread(10**9))
    with endless as items:
        assert next(iter(items))[0] == 0
    assert not endless._thread.is_alive()


@pytest.mark.django_db
def test_inside_a_transaction_items_are_computed_by_the_caller():
    with transaction.atomic(), ReadAhead(_made_by_thread(2)) as items:
        threads = {thread for _, thread, _ in items}
    assert threads == {threading.current_thread().name}
