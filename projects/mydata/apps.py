from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MyDataConfig(AppConfig):
    """« Mes données de santé » (issue 18): /mes-donnees/ shows citizens which
    published projects use data from where they were treated, on what legal basis,
    and how to object. Its own locale folder holds the issue's English strings."""

    name = "projects.mydata"
    label = "mydata"
    verbose_name = _("Mes données de santé")
