"""The stored history of the dashboard's indicators."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorSnapshot(models.Model):
    """Every indicator of the dashboard as it stood in one month, frozen as JSON.

    Indicators are recomputed from today's data, so an edited or unpublished project
    would rewrite the past; monthly snapshots keep the curve of progress as it was.
    Live snapshots are taken by a Celery beat task; past months can be reconstructed
    from dates (`indicator_snapshots_backfill`), which is only an approximation.
    """

    class Source(models.TextChoices):
        LIVE = "live", _("relevé mensuel")
        BACKFILL = "backfill", _("reconstitué à partir des dates")

    month = models.DateField(
        _("mois"), unique=True, help_text=_("Premier jour du mois relevé.")
    )
    data = models.JSONField(_("indicateurs"))
    source = models.CharField(
        _("origine"), max_length=10, choices=Source.choices, default=Source.LIVE
    )
    taken_at = models.DateTimeField(_("relevé le"), auto_now=True)

    class Meta:
        # The table of the days when the model lived in the `projects` app.
        db_table = "projects_indicatorsnapshot"
        verbose_name = _("instantané des indicateurs")
        verbose_name_plural = _("instantanés des indicateurs")
        ordering = ["month"]

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")
