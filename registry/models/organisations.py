from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry.models.base import RegistryEntry
from registry.validators import validate_ror


class OrganisationQuerySet(models.QuerySet):
    def institutes(self) -> "OrganisationQuerySet":
        """Inserm, Inria, CNRS, CEA…: the top-level research institutes, the one
        definition every filter, facet, indicator and matching signal uses."""
        return self.filter(
            kind=Organisation.Kind.RESEARCH_INSTITUTE, parent__isnull=True
        )


class Organisation(RegistryEntry):
    """A legal body that does, hosts, funds or evaluates research: Inserm, a CHU, the ANR…

    Organisations are identified by their ROR id; they nest (CEA-List inside the CEA).
    """

    class Kind(models.TextChoices):
        RESEARCH_INSTITUTE = "institute", _("organisme de recherche")
        UNIVERSITY = "university", _("université")
        HOSPITAL = "hospital", _("établissement de santé")
        AGENCY = "agency", _("agence publique")
        COMPANY = "company", _("entreprise")
        FUNDER = "funder", _("financeur")
        OTHER = "other", _("autre")

    name = models.CharField(_("nom"), max_length=255)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    ror_id = models.CharField(
        _("identifiant ROR"),
        max_length=9,
        blank=True,
        validators=[validate_ror],
        help_text=_("9 caractères, par exemple 02vjkv261 pour l’Inserm."),
    )
    website = models.URLField(_("site web"), blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("organisation parente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    source = models.CharField(
        _("provenance"),
        max_length=255,
        blank=True,
        help_text=_("Jeu de données ouvert d’où vient l’enregistrement."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ror_id"],
                condition=~models.Q(ror_id=""),
                name="organisation_unique_ror",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    @property
    def ror_url(self) -> str:
        return f"https://ror.org/{self.ror_id}" if self.ror_id else ""

    @property
    def institute_id(self) -> int | None:
        """The top-level institute this organisation is, or belongs to, if any."""
        root = self.parent or self
        is_institute = root.kind == self.Kind.RESEARCH_INSTITUTE and not root.parent_id
        return root.pk if is_institute else None

    def get_absolute_url(self) -> str:
        return reverse("registry:organisation_detail", kwargs={"slug": self.slug})
