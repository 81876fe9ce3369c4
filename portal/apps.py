from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_defaults(sender, **kwargs) -> None:
    from portal.services import portal_defaults_ensure

    portal_defaults_ensure()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self) -> None:
        # Out-of-range ids in `__in` filters mean "no row", never OverflowError.
        import portal.core.lookups  # noqa: F401

        # After every migrate (and test flush): home page, editorial pages, moderation.
        post_migrate.connect(_ensure_defaults, sender=self)
