from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErrorReport(models.Model):
    """A correction sent by a visitor ("Signaler une erreur"): a ticket that
    moderators handle in the admin, answering the reporter when it is resolved."""

    class Status(models.TextChoices):
        NEW = "new", _("nouveau")
        IN_PROGRESS = "in_progress", _("en cours")
        RESOLVED = "resolved", _("résolu")
        REJECTED = "rejected", _("rejeté")

    page_url = models.CharField(_("page concernée"), max_length=500)
    description = models.TextField(_("description de l’erreur"))
    email = models.EmailField(
        _("adresse e-mail du déclarant"),
        blank=True,
        help_text=_("Facultative ; utilisée seulement pour répondre."),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    moderator_comment = models.TextField(
        _("commentaire du modérateur"),
        blank=True,
        help_text=_("Envoyé au déclarant (s’il a laissé son adresse) une fois résolu."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reporter_notified_at = models.DateTimeField(
        _("déclarant prévenu le"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("signalement d’erreur")
        verbose_name_plural = _("signalements d’erreur")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.page_url}"
