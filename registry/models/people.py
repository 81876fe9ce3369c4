from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase

from portal.core.recipients import reachable_people_q
from registry.models.base import RegistryEntry
from registry.validators import validate_orcid


class PersonExpertise(TaggedItemBase):
    """An expertise keyword declared by a person."""

    content_object = ParentalKey(
        "registry.Person", on_delete=models.CASCADE, related_name="tagged_expertise"
    )


class PersonQuerySet(models.QuerySet):
    def reachable(self) -> "PersonQuerySet":
        """People the portal may write to (portal/core/recipients.py)."""
        return self.filter(reachable_people_q())


class Person(ClusterableModel, RegistryEntry):
    """A researcher, clinician or engineer who works on projects.

    The e-mail address is for the portal's own messages only: it is never shown publicly.
    """

    first_name = models.CharField(_("prénom"), max_length=120)
    last_name = models.CharField(_("nom"), max_length=120)
    orcid = models.CharField(
        _("ORCID"),
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text=_("16 caractères, par exemple 0000-0002-1825-0097."),
    )
    email = models.EmailField(
        _("adresse e-mail"),
        blank=True,
        help_text=_("Jamais affichée publiquement."),
    )
    title = models.CharField(_("fonction"), max_length=160, blank=True)
    expertise = ClusterTaggableManager(
        verbose_name=_("expertise"), through=PersonExpertise, blank=True
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte utilisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    slug_source_field = "full_name"

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["orcid"],
                condition=~models.Q(orcid=""),
                name="person_unique_orcid",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    def get_absolute_url(self) -> str:
        return reverse("registry:person_detail", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A person's place in a team, with a role and the dates it held."""

    class Role(models.TextChoices):
        HEAD = "head", _("directeur ou directrice")
        RESEARCHER = "researcher", _("chercheur ou chercheuse")
        PROFESSOR = "professor", _("enseignant-chercheur")
        CLINICIAN = "clinician", _("praticien hospitalier")
        ENGINEER = "engineer", _("ingénieur")
        POSTDOC = "postdoc", _("post-doctorant")
        PHD = "phd", _("doctorant")

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(
        "registry.Team",
        verbose_name=_("équipe"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)

    class Meta:
        verbose_name = _("appartenance")
        verbose_name_plural = _("appartenances")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.team}"

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("La date de fin précède la date de début.")}
            )

    @property
    def is_current(self) -> bool:
        return self.end_date is None
