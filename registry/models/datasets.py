from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry.models.base import RegistryEntry


class DataStandard(models.Model):
    """A data or terminology standard a dataset follows (OMOP, FHIR, DICOM…)."""

    name = models.CharField(_("nom"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("standard de données")
        verbose_name_plural = _("standards de données")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Region(models.TextChoices):
    """The regions of France, where a data source's patients were treated."""

    NATIONAL = "", _("France entière")
    AUVERGNE_RHONE_ALPES = "ARA", "Auvergne-Rhône-Alpes"
    BOURGOGNE_FRANCHE_COMTE = "BFC", "Bourgogne-Franche-Comté"
    BRETAGNE = "BRE", "Bretagne"
    CENTRE_VAL_DE_LOIRE = "CVL", "Centre-Val de Loire"
    CORSE = "COR", "Corse"
    GRAND_EST = "GES", "Grand Est"
    HAUTS_DE_FRANCE = "HDF", "Hauts-de-France"
    ILE_DE_FRANCE = "IDF", "Île-de-France"
    NORMANDIE = "NOR", "Normandie"
    NOUVELLE_AQUITAINE = "NAQ", "Nouvelle-Aquitaine"
    OCCITANIE = "OCC", "Occitanie"
    PAYS_DE_LA_LOIRE = "PDL", "Pays de la Loire"
    PROVENCE_ALPES_COTE_D_AZUR = "PAC", "Provence-Alpes-Côte d’Azur"
    GUADELOUPE = "GUA", "Guadeloupe"
    GUYANE = "GUF", "Guyane"
    LA_REUNION = "REU", "La Réunion"
    MARTINIQUE = "MTQ", "Martinique"
    MAYOTTE = "MAY", "Mayotte"


class Dataset(RegistryEntry):
    """The description of a health data source that projects use.

    The portal stores how to obtain the data, never the data itself.
    """

    class Kind(models.TextChoices):
        CLAIMS = "claims", _("données médico-administratives")
        HOSPITAL_WAREHOUSE = "warehouse", _("entrepôt de données de santé")
        COHORT = "cohort", _("cohorte")
        REGISTRY = "registry", _("registre")
        IMAGING = "imaging", _("imagerie")
        OMICS = "omics", _("omique")
        TRIAL = "trial", _("essai clinique")

    class AccessRoute(models.TextChoices):
        HEALTH_DATA_HUB = (
            "hdh",
            _("Health Data Hub (méthodologie de référence ou CESREES + CNIL)"),
        )
        HOSPITAL_COMMITTEE = (
            "hospital",
            _("comité scientifique et éthique de l’hôpital"),
        )
        COHORT_COMMITTEE = "cohort", _("comité d’accès de la cohorte")
        PRODUCER_REQUEST = "producer", _("demande au producteur")
        OPEN = "open", _("données ouvertes")

    name = models.CharField(_("nom"), max_length=255)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    producer = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("producteur"),
        on_delete=models.PROTECT,
        related_name="produced_datasets",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"))
    description_en = models.TextField(_("description (anglais)"), blank=True)
    population = models.CharField(_("population couverte"), max_length=255, blank=True)
    period_start = models.PositiveSmallIntegerField(
        _("début de la période"), null=True, blank=True
    )
    period_end = models.PositiveSmallIntegerField(
        _("fin de la période"),
        null=True,
        blank=True,
        help_text=_("Vide si la collecte se poursuit."),
    )
    access_route = models.CharField(
        _("voie d’accès"), max_length=20, choices=AccessRoute.choices
    )
    access_procedure = models.TextField(_("procédure d’accès"))
    access_url = models.URLField(_("lien vers la procédure"), blank=True)
    standards = models.ManyToManyField(
        DataStandard, verbose_name=_("standards"), blank=True, related_name="datasets"
    )
    landing_page = models.URLField(_("page de présentation"), blank=True)
    source = models.CharField(_("provenance"), max_length=255, blank=True)
    # --- What a citizen needs to know about the source (issue 18, /mes-donnees/).
    region = models.CharField(
        _("région"),
        max_length=3,
        choices=Region.choices,
        blank=True,
        help_text=_(
            "Où les patients ont été soignés ; vide pour une source nationale."
        ),
    )
    data_controller = models.CharField(
        _("responsable du traitement"),
        max_length=255,
        blank=True,
        help_text=_("L’organisme responsable des données de la source."),
    )
    information_url = models.URLField(
        _("page d’information du public"),
        blank=True,
        help_text=_(
            "La page où la source informe les personnes de l’usage des données."
        ),
    )
    objection_url = models.URLField(
        _("lien pour s’opposer"),
        blank=True,
        help_text=_("Le formulaire ou la page pour exercer le droit d’opposition."),
    )
    objection_procedure = models.TextField(
        _("comment s’opposer"),
        blank=True,
        help_text=_(
            "La démarche pour exercer le droit d’opposition, en langage clair, "
            "quand il n’y a pas de lien ou pour le compléter."
        ),
    )

    class Meta:
        verbose_name = _("jeu de données")
        verbose_name_plural = _("jeux de données")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_start__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="dataset_period_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.name}" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    @property
    def has_objection_path(self) -> bool:
        return bool(self.objection_url or self.objection_procedure)

    def clean(self) -> None:
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            raise ValidationError(
                {"period_end": _("La fin de la période précède son début.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("registry:dataset_detail", kwargs={"slug": self.slug})
