from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "portal.audit"
    label = "audit"
    verbose_name = _("Journal des modifications")

    def ready(self) -> None:
        from portal.audit import commands, receivers

        receivers.connect()
        commands.attribute_management_commands()
