"""Management commands and Celery tasks name themselves as the source of changes.

Django sends no signal around a command, so `BaseCommand.execute` (the one method
both `manage.py <name>` and `call_command` go through) is wrapped once, at start-up.
"""

import functools

from celery.signals import task_postrun, task_prerun
from django.core.management.base import BaseCommand

from portal.audit.context import Actor, _actor


def attribute_management_commands() -> None:
    if getattr(BaseCommand.execute, "_audited", False):
        return
    original = BaseCommand.execute

    @functools.wraps(original)
    def execute(self, *args, **options):
        name = type(self).__module__.rsplit(".", 1)[-1]
        token = _actor.set(Actor(source=f"command:{name}"))
        try:
            return original(self, *args, **options)
        finally:
            _actor.reset(token)

    execute._audited = True
    BaseCommand.execute = execute


_task_tokens = {}


@task_prerun.connect
def _task_started(task_id=None, task=None, **kwargs):
    _task_tokens[task_id] = _actor.set(Actor(source=f"task:{task.name}"))


@task_postrun.connect
def _task_finished(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        try:
            _actor.reset(token)
        except ValueError:
            # Eager tasks may finish in another context than they started in.
            pass
