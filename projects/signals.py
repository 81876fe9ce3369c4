"""Signal receivers for projects: they only hand work on to tasks, after commit."""

from django.db import transaction

from projects.tasks import project_publication_notify


def project_published_handler(sender, instance, **kwargs) -> None:
    """On Wagtail's `published` for a Project, queue the members' notification."""
    project_id = instance.pk
    transaction.on_commit(lambda: project_publication_notify.delay(project_id))
