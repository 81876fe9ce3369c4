from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs) -> None:
    from portal.core.roles import roles_ensure

    roles_ensure()


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self) -> None:
        from allauth.account.signals import email_confirmed

        from portal.accounts.signals import email_confirmed_handler

        # After every migrate (and test flush): the four roles and their permissions.
        post_migrate.connect(_ensure_roles, sender=self)
        email_confirmed.connect(email_confirmed_handler)
