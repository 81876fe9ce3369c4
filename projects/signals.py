"""Signal receivers for projects: they only hand work on to tasks, after commit."""

from portal.core.queue import task_enqueue
from projects.tasks import project_publication_notify


def project_published_handler(sender, instance, **kwargs) -> None:
    """On Wagtail's `published` for a Project, queue the members' notification."""
    project_id = instance.pk
    task_enqueue(project_publication_notify, project_id)
