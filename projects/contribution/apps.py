from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionConfig(AppConfig):
    """Researchers' own space: they create, edit and submit projects; moderators
    decide in the Wagtail admin and the author is told by e-mail."""

    name = "projects.contribution"
    label = "contribution"
    verbose_name = _("Contributions des chercheurs")

    def ready(self) -> None:
        from projects.contribution.signals import connect_moderation_signals

        connect_moderation_signals()
