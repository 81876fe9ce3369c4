from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation layer as an app: its shared template partials
    (templates/core/includes/) are found like any app's, and it owns the task
    outbox table (portal/core/queue.py)."""

    name = "portal.core"
    label = "core"
    verbose_name = _("Socle")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.db_router import connect_signals

        connect_signals()
