from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from projects.models.legal_basis import LegalBasisFields
from registry.models.base import unique_slug
from registry.validators import validate_doi, validate_hal_id


def public_project_q(prefix: str = "") -> models.Q:
    """What makes a project public, seen from wherever `prefix` leads to a project
    (`"project__"`, `"led_projects__"`): the one definition every queryset method,
    count and prefetch uses."""
    return models.Q(**{f"{prefix}live": True})


class ProjectQuerySet(models.QuerySet):
    def public(self) -> "ProjectQuerySet":
        """Published projects: the one definition of what the public may see."""
        return self.filter(public_project_q())

    def unpublished(self) -> "ProjectQuerySet":
        """Drafts and withdrawn projects: what only their writers and editors see."""
        return self.exclude(public_project_q())


class ProjectRowQuerySet(models.QuerySet):
    """Rows that belong to a project (partners, members, dataset uses)."""

    def public(self) -> "ProjectRowQuerySet":
        """The rows of published projects: public with their project."""
        return self.filter(public_project_q("project__"))


class Stage(models.TextChoices):
    """The maturity label that a project's TRL falls into."""

    RESEARCH = "research", _("recherche")
    CLINICAL_VALIDATION = "clinical_validation", _("validation clinique")
    DEPLOYED = "deployed", _("déployé")


# TRL bounds of each stage: the label is derived from the TRL, never stored apart.
STAGE_TRL_RANGES = {
    Stage.RESEARCH: (1, 4),
    Stage.CLINICAL_VALIDATION: (5, 7),
    Stage.DEPLOYED: (8, 9),
}


def stage_for_trl(trl: int) -> Stage:
    """The stage label a TRL falls into."""
    return next(
        stage for stage, (low, high) in STAGE_TRL_RANGES.items() if low <= trl <= high
    )


def project_dates_check(start, end) -> None:
    """A project ends on or after its start: the model, the researchers' form and
    the API all check it here (and a database constraint backs it)."""
    if start and end and end < start:
        raise ValidationError(
            {
                "end_date": ValidationError(
                    _("La date de fin doit être postérieure à la date de début."),
                    code="end_before_start",
                )
            }
        )


class ProjectKeyword(TaggedItemBase):
    """A free keyword of a project."""

    content_object = ParentalKey(
        "projects.Project", on_delete=models.CASCADE, related_name="tagged_keywords"
    )


class Project(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """An AI-in-health project: the registry's central record.

    Edited through Wagtail's drafts, revisions and moderation workflow; only the
    published (live) version is public, as decided by `Project.objects.public()`.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("prévu")
        ACTIVE = "active", _("en cours")
        COMPLETED = "completed", _("terminé")
        STOPPED = "stopped", _("arrêté")

    class CeClass(models.TextChoices):
        NONE = "", _("non marqué CE")
        CLASS_I = "I", _("classe I")
        CLASS_IIA = "IIa", _("classe IIa")
        CLASS_IIB = "IIb", _("classe IIb")
        CLASS_III = "III", _("classe III")

    class AiActRisk(models.TextChoices):
        UNASSESSED = "", _("non évalué")
        MINIMAL = "minimal", _("risque minimal")
        LIMITED = "limited", _("risque limité (transparence)")
        HIGH = "high", _("haut risque")

    title = models.CharField(_("titre"), max_length=255)
    title_en = models.CharField(_("titre (anglais)"), max_length=255, blank=True)
    acronym = models.CharField(_("acronyme"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    summary = models.TextField(_("résumé"))
    summary_en = models.TextField(_("résumé (anglais)"), blank=True)
    description = RichTextField(_("description"), blank=True)
    description_en = RichTextField(_("description (anglais)"), blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    trl = models.PositiveSmallIntegerField(
        _("niveau de maturité (TRL)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1–4 recherche, 5–7 validation clinique, 8–9 déployé."),
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    stage_reached_on = models.DateField(
        _("au stade actuel depuis"),
        null=True,
        blank=True,
        help_text=_(
            "Date à laquelle le projet a atteint son stade (recherche, validation "
            "clinique, déploiement) ; le tableau de bord compte la durée à ce stade "
            "à partir d’elle, ou à défaut de la date de début."
        ),
    )
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    domains = ParentalManyToManyField(
        "projects.Domain",
        verbose_name=_("domaines médicaux"),
        related_name="projects",
        blank=True,
    )
    techniques = ParentalManyToManyField(
        "projects.Technique",
        verbose_name=_("techniques d’IA"),
        related_name="projects",
        blank=True,
    )
    keywords = ClusterTaggableManager(
        verbose_name=_("mots-clés"), through=ProjectKeyword, blank=True
    )
    lead_organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation porteuse"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    lead_team = models.ForeignKey(
        "registry.Team",
        verbose_name=_("équipe porteuse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
    )
    code_repository = models.URLField(_("dépôt de code"), blank=True)
    ce_class = models.CharField(
        _("marquage CE (dispositif médical)"),
        max_length=4,
        choices=CeClass.choices,
        blank=True,
    )
    ai_act_risk = models.CharField(
        _("niveau de risque (AI Act)"),
        max_length=10,
        choices=AiActRisk.choices,
        blank=True,
    )
    is_fictional = models.BooleanField(
        _("fictif"),
        default=False,
        help_text=_("Coché pour les projets de démonstration."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # --- Contribution (issue 6): who created the project, see projects/contribution.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("propriétaire"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="owned_projects",
        help_text=_("Le compte qui a créé le projet ; il le modifie et le soumet."),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("projet")
        verbose_name_plural = _("projets")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="project_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(trl__gte=1, trl__lte=9), name="project_trl_1_to_9"
            ),
        ]
        # An organisation's or team's page: its first published projects by title
        # and their number (projects/related.py), at any scale.
        indexes = [
            models.Index(
                fields=["lead_organisation", "title"],
                condition=public_project_q(),
                name="project_public_lead_org_title",
            ),
            models.Index(
                fields=["lead_team", "title"],
                condition=public_project_q(),
                name="project_public_lead_team_title",
            ),
            # The home page's latest published projects: the first rows of this
            # index, even when thousands were published at the same instant.
            models.Index(
                fields=["-first_published_at", "-id"],
                condition=public_project_q(),
                name="project_public_latest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.title}" if self.acronym else self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.acronym or self.title)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        project_dates_check(self.start_date, self.end_date)

    @property
    def is_public(self) -> bool:
        """For templates: the instance side of `public_project_q`."""
        return self.live

    @property
    def stage(self) -> Stage:
        return stage_for_trl(self.trl)

    @property
    def display_title(self) -> str:
        """The English title on English pages when there is one, else the French."""
        return self.title_en if get_language() == "en" and self.title_en else self.title

    @property
    def display_summary(self) -> str:
        return (
            self.summary_en
            if get_language() == "en" and self.summary_en
            else self.summary
        )

    @property
    def display_description(self) -> str:
        english = get_language() == "en" and self.description_en
        return self.description_en if english else self.description

    # "fr" where an English page falls back to the French text, for its lang
    # attribute (WCAG 3.1.2: a screen reader then reads it with a French voice).
    @property
    def title_lang(self) -> str:
        return "fr" if get_language() == "en" and not self.title_en else ""

    @property
    def summary_lang(self) -> str:
        return "fr" if get_language() == "en" and not self.summary_en else ""

    @property
    def description_lang(self) -> str:
        return "fr" if get_language() == "en" and not self.description_en else ""

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    def with_content_json(self, content):
        """Ownership belongs to the project, not to a revision: a revision saved
        before a change of owner must not bring the old owner back."""
        obj = super().with_content_json(content)
        obj.owner_id = self.owner_id
        return obj

    def get_preview_template(self, request, mode_name):
        return "projects/project_detail.html"

    def get_preview_context(self, request, mode_name):
        from projects.selectors import project_detail_context

        return project_detail_context(project=self, include_unpublished=True)


class ProjectPartner(models.Model):
    """A team or organisation taking part in a project, with its role."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinateur")
        PARTNER = "partner", _("partenaire")
        CLINICAL = "clinical", _("partenaire clinique")
        INDUSTRIAL = "industrial", _("partenaire industriel")
        ASSOCIATED = "associated", _("associé")

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="partners")
    team = models.ForeignKey(
        "registry.Team",
        verbose_name=_("équipe"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="project_partnerships",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="project_partnerships",
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.PARTNER
    )

    objects = ProjectRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team__isnull=False, organisation__isnull=True)
                | models.Q(team__isnull=True, organisation__isnull=False),
                name="partner_is_team_or_organisation",
            )
        ]

    def __str__(self) -> str:
        return str(self.team or self.organisation)

    def clean(self) -> None:
        if bool(self.team_id) == bool(self.organisation_id):
            raise ValidationError(
                _(
                    "Un partenaire est soit une équipe, soit une organisation (une seule)."
                )
            )


class ProjectMember(models.Model):
    """A person working on a project, with their role in it."""

    class Role(models.TextChoices):
        PRINCIPAL_INVESTIGATOR = "pi", _("responsable scientifique")
        CO_INVESTIGATOR = "co_investigator", _("co-investigateur")
        CLINICIAN = "clinician", _("référent clinique")
        DATA_SCIENTIST = "data_scientist", _("data scientist")
        ENGINEER = "engineer", _("ingénieur")
        PHD = "phd", _("doctorant")

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="project_roles",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)

    objects = ProjectRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ProjectDataset(LegalBasisFields):
    """A dataset a project uses, what for, where its access request stands, and on
    what legal basis (the fields of `LegalBasisFields`, issue 18)."""

    class AccessStatus(models.TextChoices):
        REQUESTED = "requested", _("demandé")
        GRANTED = "granted", _("accordé")
        REFUSED = "refused", _("refusé")

    project = ParentalKey(
        Project, on_delete=models.CASCADE, related_name="dataset_uses"
    )
    dataset = models.ForeignKey(
        "registry.Dataset",
        verbose_name=_("jeu de données"),
        on_delete=models.PROTECT,
        related_name="project_uses",
    )
    purpose = models.CharField(_("usage"), max_length=255, blank=True)
    access_status = models.CharField(
        _("décision d’accès"),
        max_length=20,
        choices=AccessStatus.choices,
        default=AccessStatus.REQUESTED,
    )
    # The dates of the access request and of its decision, so that the dashboard can
    # count decisions as they stood at the end of any month (refusals included).
    access_requested_on = models.DateField(_("accès demandé le"), null=True, blank=True)
    access_decided_on = models.DateField(
        _("décision d’accès le"),
        null=True,
        blank=True,
        help_text=_("Date de l’accord ou du refus ; vide tant que la demande attend."),
    )

    objects = ProjectRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeu de données utilisé")
        verbose_name_plural = _("jeux de données utilisés")

    def __str__(self) -> str:
        return str(self.dataset)

    def clean(self) -> None:
        super().clean()
        decided = self.access_status != self.AccessStatus.REQUESTED
        if self.access_decided_on and not decided:
            raise ValidationError(
                {"access_decided_on": _("Une demande en attente n’a pas de décision.")}
            )
        if (
            self.access_decided_on
            and self.access_requested_on
            and self.access_decided_on < self.access_requested_on
        ):
            raise ValidationError(
                {"access_decided_on": _("La décision suit la demande.")}
            )


class ProjectFunding(models.Model):
    """A grant that funds a project."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="fundings")
    funder = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("financeur"),
        on_delete=models.PROTECT,
        related_name="funded_projects",
    )
    programme = models.CharField(_("programme ou appel"), max_length=160, blank=True)
    grant_reference = models.CharField(_("référence"), max_length=60, blank=True)
    amount_eur = models.DecimalField(
        _("montant (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("financement")
        verbose_name_plural = _("financements")

    def __str__(self) -> str:
        return f"{self.funder.short_name} {self.programme}".strip()


class ProjectPublication(models.Model):
    """A publication of a project, identified by its DOI or HAL id."""

    project = ParentalKey(
        Project, on_delete=models.CASCADE, related_name="publications"
    )
    title = models.CharField(_("titre"), max_length=400)
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True)
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, validators=[validate_doi]
    )
    hal_id = models.CharField(
        _("identifiant HAL"), max_length=40, blank=True, validators=[validate_hal_id]
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not (self.doi or self.hal_id):
            raise ValidationError(_("Indiquez un DOI ou un identifiant HAL."))

    @property
    def url(self) -> str:
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return f"https://hal.science/{self.hal_id}"
