from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projets")

    def ready(self) -> None:
        from wagtail.signals import published

        from projects.models import Project
        from projects.signals import project_published_handler

        published.connect(
            project_published_handler,
            sender=Project,
            dispatch_uid="projects.project_published_handler",
        )
