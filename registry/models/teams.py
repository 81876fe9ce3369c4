from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase

from registry.models.base import RegistryEntry
from registry.validators import validate_rnsr


class TeamExpertise(TaggedItemBase):
    """An expertise keyword declared by a team."""

    content_object = ParentalKey(
        "registry.Team", on_delete=models.CASCADE, related_name="tagged_expertise"
    )


class Team(ClusterableModel, RegistryEntry):
    """A research unit, laboratory or Inria project-team.

    Joint units answer to several parent organisations at once (their "tutelles").
    """

    class Kind(models.TextChoices):
        JOINT_UNIT = "umr", _("unité mixte de recherche")
        INSERM_UNIT = "inserm_unit", _("unité Inserm")
        PROJECT_TEAM = "project_team", _("équipe-projet Inria")
        LABORATORY = "laboratory", _("laboratoire")
        CLINICAL_TEAM = "clinical", _("service ou équipe clinique")

    name = models.CharField(_("nom"), max_length=255)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.JOINT_UNIT
    )
    rnsr = models.CharField(
        _("code RNSR"),
        max_length=10,
        blank=True,
        validators=[validate_rnsr],
        help_text=_("Répertoire national des structures de recherche, ex. 200918472W."),
    )
    parents = models.ManyToManyField(
        "registry.Organisation", verbose_name=_("tutelles"), related_name="teams"
    )
    city = models.CharField(_("ville"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    expertise = ClusterTaggableManager(
        verbose_name=_("expertise"), through=TeamExpertise, blank=True
    )
    website = models.URLField(_("site web"), blank=True)
    lead = models.ForeignKey(
        "registry.Person",
        verbose_name=_("responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_teams",
    )

    class Meta:
        verbose_name = _("équipe")
        verbose_name_plural = _("équipes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["rnsr"], condition=~models.Q(rnsr=""), name="team_unique_rnsr"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.name}" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:team_detail", kwargs={"slug": self.slug})
