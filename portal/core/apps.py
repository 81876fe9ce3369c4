from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The foundation layer as an app, so its shared template partials
    (templates/core/includes/) are found like any app's; it has no models."""

    name = "portal.core"
    label = "core"
    verbose_name = "Fondations du portail"
