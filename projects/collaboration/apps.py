from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    """Calls for collaboration and contact requests between teams (issue 4)."""

    name = "projects.collaboration"
    label = "collaboration"
    verbose_name = _("Collaborations")

    def ready(self):
        from projects.collaboration.services import collaboration_permissions_ensure

        # After portal's own post_migrate, which creates the Moderators group.
        post_migrate.connect(
            lambda **kwargs: collaboration_permissions_ensure(),
            sender=self,
            weak=False,
            dispatch_uid="collaboration_permissions",
        )
