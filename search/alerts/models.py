"""What a signed-in user asked to hear about: saved searches and followed records.

Both carry `last_sent_at`, the end of the period already reported: the next digest
covers what was published from there on, so nothing is reported twice or skipped.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DAILY = "daily", _("chaque jour")
    WEEKLY = "weekly", _("chaque semaine")


class Subscription(models.Model):
    """What saved searches and follows share: an owner, a period, a pause switch."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    last_sent_at = models.DateTimeField(
        _("signalé jusqu’au"),
        null=True,
        blank=True,
        help_text=_("Fin de la période déjà couverte par un envoi."),
    )

    class Meta:
        abstract = True

    @property
    def reported_since(self):
        """Start of the period the next digest covers."""
        return self.last_sent_at or self.created_at


class SavedSearch(Subscription):
    """A /recherche/ query (text and facets) whose new public projects are e-mailed."""

    name = models.CharField(_("nom"), max_length=120)
    # The /recherche/ GET parameters, without paging: `q=…&domain=3&dataset=7`.
    query_string = models.CharField(_("paramètres de recherche"), max_length=2000)
    frequency = models.CharField(
        _("fréquence"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.DAILY,
    )

    class Meta:
        verbose_name = _("recherche enregistrée")
        verbose_name_plural = _("recherches enregistrées")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["active", "frequency"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('search:search')}?{self.query_string}"


class Follow(Subscription):
    """A project, team or dataset whose news (revisions, evaluations, new projects)
    the user receives in the daily digest."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("identifiant"))
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                name="alerts_follow_once_per_target",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id}"
