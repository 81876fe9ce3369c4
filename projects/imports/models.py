from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One import of one file (or the pair of files of the ANR preset): the history.

    Who ran it, when, on what, with which outcome: counts per kind, every error found
    and a short log. A run that found errors, or a dry run, wrote nothing else.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        RUNNING = "running", _("en cours")
        SUCCEEDED = "succeeded", _("réussi")
        INVALID = "invalid", _("refusé (erreurs dans le fichier)")
        FAILED = "failed", _("échec (erreur interne)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lancé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_runs",
    )
    kind = models.CharField(_("type"), max_length=20)
    file_name = models.CharField(_("fichier"), max_length=255)
    source = models.CharField(_("provenance"), max_length=255, blank=True)
    dry_run = models.BooleanField(_("simulation"), default=False)
    file_format = models.CharField(
        _("format"), max_length=4, blank=True, help_text=_("Vide : deviné.")
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    rows_total = models.PositiveIntegerField(_("lignes"), default=0)
    counts = models.JSONField(_("décompte"), default=dict, blank=True)
    errors = models.JSONField(_("erreurs"), default=list, blank=True)
    log = models.TextField(_("journal"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.kind}, {self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.status in {
            self.Status.SUCCEEDED,
            self.Status.INVALID,
            self.Status.FAILED,
        }

    def count_total(self, what: str) -> int:
        """Created, updated or unchanged records summed over the kinds of the run."""
        return sum(numbers.get(what, 0) for numbers in self.counts.values())


class ImportRunFile(models.Model):
    """An uploaded file waiting for its run, kept in the database so that a worker on
    another machine reads it; deleted once the run is over."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(_("rôle"), max_length=20, default="main")
    name = models.CharField(_("nom"), max_length=255)
    content = models.BinaryField(_("contenu"))

    class Meta:
        verbose_name = _("fichier importé")
        verbose_name_plural = _("fichiers importés")


class ImportedRecord(models.Model):
    """Where a registry record comes from: the import that created it, the one that
    last changed it, and the provenance and licence line of the source file."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    source = models.CharField(_("provenance"), max_length=255, blank=True)
    file_name = models.CharField(_("fichier"), max_length=255)
    created_by_run = models.ForeignKey(
        ImportRun,
        verbose_name=_("créé par l’import"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="created_records",
    )
    updated_by_run = models.ForeignKey(
        ImportRun,
        verbose_name=_("modifié par l’import"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="updated_records",
    )

    class Meta:
        verbose_name = _("provenance d’un enregistrement")
        verbose_name_plural = _("provenances des enregistrements")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="imported_record_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ← {self.file_name}"
