from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class EvaluationCriterion(models.Model):
    """A criterion INESIA scores (robustness, fairness…).

    Criteria are rows, not columns, so that the list grows without a migration.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("nom"), max_length=120)
    name_en = models.CharField(_("nom (anglais)"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("critère d’évaluation")
        verbose_name_plural = _("critères d’évaluation")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


def published_evaluation_q() -> models.Q:
    """An evaluation whose verdict is published (for counts; rows: `published()`)."""
    return models.Q(status=Evaluation.Status.PUBLISHED)


class EvaluationQuerySet(models.QuerySet):
    def published(self) -> "EvaluationQuerySet":
        """Evaluations whose verdict is published, whatever their project's state
        (a draft's preview shows them; the public sees `public()` only)."""
        return self.filter(published_evaluation_q())

    def public(self) -> "EvaluationQuerySet":
        """Published evaluations of published projects: the only ones anyone may see.
        (`project__live` spells `projects.models.public_project_q`, which the
        registry, a lower layer, cannot import.)"""
        return self.published().filter(project__live=True)

    def with_days_to_verdict(self) -> "EvaluationQuerySet":
        """Annotate `verdict_on`: the day the verdict was given (completion, or
        publication when an older record lacks the completion date).

        The delay request → verdict is `verdict_on - requested_on`, in days; the
        dashboard's median reads it from here.
        """
        return self.annotate(verdict_on=Coalesce("completed_on", "published_on"))


class Evaluation(ClusterableModel):
    """An INESIA evaluation of one version of a project's model, ending in a verdict."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("demandée")
        IN_PROGRESS = "in_progress", _("en cours")
        COMPLETED = "completed", _("terminée")
        PUBLISHED = "published", _("publiée")

    class Verdict(models.TextChoices):
        FAVOURABLE = "favourable", _("favorable")
        RESERVED = "reserved", _("favorable avec réserves")
        UNFAVOURABLE = "unfavourable", _("défavorable")

    reference = models.SlugField(_("référence"), max_length=40, unique=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    model_version = models.CharField(_("version du modèle"), max_length=60)
    evaluator = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("évaluateur"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_on = models.DateField(_("demandée le"), default=timezone.localdate)
    started_on = models.DateField(_("commencée le"), null=True, blank=True)
    completed_on = models.DateField(_("terminée le"), null=True, blank=True)
    published_on = models.DateField(_("publiée le"), null=True, blank=True)
    verdict = models.CharField(
        _("avis"), max_length=20, choices=Verdict.choices, blank=True
    )
    summary = models.TextField(_("synthèse"), blank=True)
    report_url = models.URLField(_("lien vers le rapport"), blank=True)
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("rapport (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le rapport déposé ; à défaut, le lien ci-dessus."),
    )
    # The request, as the project's team filed it; never shown publicly.
    intended_use = models.TextField(_("usage prévu du modèle"), blank=True)
    contact_email = models.EmailField(_("contact de l’équipe"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requested_evaluations",
    )
    # The INESIA evaluator in charge: a private working detail, never public.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("évaluateur ou évaluatrice assignée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_evaluations",
    )
    is_fictional = models.BooleanField(_("fictif"), default=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = EvaluationQuerySet.as_manager()

    # Set by projects.evaluations.transitions only: the status moves through it.
    _status_change_allowed = False

    class Meta:
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")
        ordering = ["-requested_on", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} – {self.project} ({self.model_version})"

    def clean(self) -> None:
        errors = {}
        steps = [
            ("requested_on", self.requested_on),
            ("started_on", self.started_on),
            ("completed_on", self.completed_on),
            ("published_on", self.published_on),
        ]
        dated = [(name, day) for name, day in steps if day]
        for (_earlier, before), (later, after) in zip(dated, dated[1:], strict=False):
            if after < before:
                errors[later] = _("Cette date précède celle de l’étape précédente.")
        finished = self.status in (self.Status.COMPLETED, self.Status.PUBLISHED)
        if finished and not self.verdict:
            errors["verdict"] = _("Une évaluation terminée doit porter un avis.")
        if self.status == self.Status.PUBLISHED and not self.published_on:
            errors["published_on"] = _("Indiquez la date de publication.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk and not self._status_change_allowed:
            stored = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values_list("status", flat=True)
                .first()
            )
            if stored is not None and stored != self.status:
                raise ValidationError(
                    {
                        "status": _(
                            "Le statut d’une évaluation ne change que par ses "
                            "étapes (demande, début, fin, publication)."
                        )
                    }
                )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "registry:evaluation_detail", kwargs={"reference": self.reference}
        )

    @property
    def days_to_verdict(self) -> int | None:
        """Days from the request to the verdict, once there is one."""
        verdict_on = self.completed_on or self.published_on
        if not verdict_on or verdict_on < self.requested_on:
            return None
        return (verdict_on - self.requested_on).days

    @property
    def report_link(self) -> str:
        """The deposited report if there is one, else the report's address."""
        if self.report_document_id:
            return self.report_document.url
        return self.report_url


class EvaluationScore(models.Model):
    """The score, out of 100, an evaluation gives on one criterion."""

    evaluation = ParentalKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        EvaluationCriterion,
        verbose_name=_("critère"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    score = models.PositiveSmallIntegerField(
        _("note sur 100"), validators=[MaxValueValidator(100)]
    )
    comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"],
                name="evaluation_score_once_per_criterion",
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=100), name="evaluation_score_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class EvaluationTransition(models.Model):
    """One dated, attributed step of an evaluation: who moved it from what to what.

    Written only by `projects.evaluations.transitions`, never edited: the evaluation's
    history, and the source of its step dates.
    """

    class Action(models.TextChoices):
        REQUEST = "request", _("demande")
        ASSIGN = "assign", _("assignation")
        START = "start", _("début de l’évaluation")
        COMPLETE = "complete", _("avis rendu")
        PUBLISH = "publish", _("publication")
        REOPEN = "reopen", _("réouverture")

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("étape"), max_length=20, choices=Action.choices)
    from_status = models.CharField(
        _("statut avant"), max_length=20, choices=Evaluation.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("statut après"), max_length=20, choices=Evaluation.Status.choices
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The name at the time, kept if the account is later deleted; or the source
    # ("migration", a command's name) when no one was logged in.
    by_label = models.CharField(_("auteur"), max_length=150, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignée à"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("le"))
    comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("étape d’évaluation")
        verbose_name_plural = _("étapes d’évaluation")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.evaluation.reference}: {self.get_action_display()}"
