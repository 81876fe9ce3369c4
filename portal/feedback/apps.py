from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_moderators(sender, **kwargs) -> None:
    from portal.feedback.services import error_report_permissions_ensure

    error_report_permissions_ensure()


class FeedbackConfig(AppConfig):
    name = "portal.feedback"
    label = "feedback"
    verbose_name = _("Signalements")

    def ready(self) -> None:
        # After every migrate (and test flush), like portal's defaults: moderators
        # handle the tickets.
        post_migrate.connect(_grant_moderators, sender=self)
