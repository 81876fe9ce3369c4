"""Links between accounts and the registry's people."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.validators import validate_orcid


class PersonClaim(models.Model):
    """A user's request to be linked to a person of the registry, through an ORCID.

    Typing an ORCID proves nothing, so `Person.user` is only set when a moderator
    confirms. The claim either names an existing person, or carries the details of a
    person to create: that person only enters the registry (and its public pages)
    on confirmation.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        CONFIRMED = "confirmed", _("confirmée")
        REFUSED = "refused", _("refusée")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="person_claims",
    )
    orcid = models.CharField(_("ORCID"), max_length=19, validators=[validate_orcid])
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("personne revendiquée"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="claims",
        help_text=_("Vide : la fiche sera créée à la confirmation."),
    )
    first_name = models.CharField(_("prénom"), max_length=120, blank=True)
    last_name = models.CharField(_("nom"), max_length=120, blank=True)
    expertise = models.CharField(
        _("expertise"),
        max_length=500,
        blank=True,
        help_text=_("Mots-clés séparés par des virgules."),
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("motif du refus"), blank=True)

    class Meta:
        verbose_name = _("revendication d’ORCID")
        verbose_name_plural = _("revendications d’ORCID")
        ordering = ["created_at"]
        permissions = [("review_personclaim", _("Peut confirmer ou refuser"))]
        constraints = [
            # One open request per account at a time.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="personclaim_one_pending_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.orcid}"

    @property
    def claimed_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return f"{self.first_name} {self.last_name}"
