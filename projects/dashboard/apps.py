from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The policymakers' dashboard (issue 7): indicators, charts, monthly snapshots.

    Its one model, `IndicatorSnapshot`, keeps the table it was created with under the
    `projects` label (`projects_indicatorsnapshot`); the move was made in state only.
    """

    name = "projects.dashboard"
    label = "dashboard"
    verbose_name = _("Tableau de bord")

    def ready(self) -> None:
        from projects.dashboard.indicators.compute import (
            indicators_generations_follow,
        )

        indicators_generations_follow()
