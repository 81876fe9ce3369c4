from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projets")

    def ready(self) -> None:
        from wagtail.signals import published

        from projects.api.related import register_registry_expansions
        from projects.api.version import project_list_generations_follow
        from projects.models import Project
        from projects.related import register_registry_pages
        from projects.signals import project_published_handler

        published.connect(
            project_published_handler,
            sender=Project,
            dispatch_uid="projects.project_published_handler",
        )
        # Registry pages and API resources list projects; registry may not import us.
        register_registry_pages()
        register_registry_expansions()
        project_list_generations_follow()
