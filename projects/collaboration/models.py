"""Calls for collaboration and contact requests.

A call says what a project or a team is looking for (a clinical partner, a method, a
dataset); team matching reads the open ones. A contact request is a message a
signed-in user sends to a team through the portal: the recipient's address never
leaves the server.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Project
from registry.models.base import unique_slug

RESERVED_SLUGS = {"nouveau", "les-miens"}


class CollaborationCallQuerySet(models.QuerySet):
    def public(self) -> "CollaborationCallQuerySet":
        """Open calls, not past their deadline, of a team or of a published project:
        the one definition of which calls anyone may see and matching may use."""
        return self.filter(
            Q(deadline__isnull=True) | Q(deadline__gte=timezone.localdate()),
            Q(project__isnull=True) | Q(project__in=Project.objects.public()),
            status=CollaborationCall.Status.OPEN,
        )


class CollaborationCall(models.Model):
    """What a project or a team seeks: a partner, an expertise, a dataset."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        OPEN = "open", _("ouvert")
        CLOSED = "closed", _("clos")

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    text = models.TextField(_("ce qui est recherché"))
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("projet"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="collaboration_calls",
    )
    team = models.ForeignKey(
        "registry.Team",
        verbose_name=_("équipe"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="collaboration_calls",
    )
    domains = models.ManyToManyField(
        "projects.Domain",
        verbose_name=_("domaines recherchés"),
        blank=True,
        related_name="collaboration_calls",
    )
    techniques = models.ManyToManyField(
        "projects.Technique",
        verbose_name=_("techniques recherchées"),
        blank=True,
        related_name="collaboration_calls",
    )
    dataset = models.ForeignKey(
        "registry.Dataset",
        verbose_name=_("jeu de données recherché"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collaboration_calls",
    )
    deadline = models.DateField(_("date limite"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = CollaborationCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("appel à collaboration")
        verbose_name_plural = _("appels à collaboration")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(project__isnull=False) & Q(team__isnull=True))
                | (Q(project__isnull=True) & Q(team__isnull=False)),
                name="collaboration_call_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
            if self.slug in RESERVED_SLUGS:  # taken by the pages under /appels/
                self.slug = unique_slug(self, f"appel {self.title}")
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if bool(self.project_id) == bool(self.team_id):
            raise ValidationError(
                _("Choisissez un projet ou une équipe (l’un des deux).")
            )

    def get_absolute_url(self) -> str:
        return reverse("collaboration:call_detail", kwargs={"slug": self.slug})

    @property
    def owner(self):
        return self.project or self.team

    @property
    def contact_team(self):
        """The team that answers for the call: its own team, or the project's lead."""
        return self.team or (self.project.lead_team if self.project else None)


class ContactRequest(models.Model):
    """A message from a signed-in user to a team, e-mailed by a Celery task with the
    sender as Reply-To. The row also counts towards the sender's daily limit."""

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        SENT = "sent", _("envoyé")
        UNDELIVERABLE = "undeliverable", _("impossible à remettre")

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expéditeur"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    team = models.ForeignKey(
        "registry.Team",
        verbose_name=_("équipe"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    call = models.ForeignKey(
        CollaborationCall,
        verbose_name=_("appel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    recipient = models.ForeignKey(
        "registry.Person",
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"))
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande de contact")
        verbose_name_plural = _("demandes de contact")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.sender} → {self.team}"
