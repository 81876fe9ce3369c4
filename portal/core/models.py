"""The task outbox: Celery tasks recorded in the transaction of the change that asks
for them, so that no e-mail or job is lost when the broker is down."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TaskOutbox(models.Model):
    """One task not yet handed to the broker (see portal/core/queue.py).

    Written with the change, deleted once the broker accepted the message; a row
    that stays is re-sent by the periodic `task_outbox_resend`. Tasks are
    idempotent, so a message sent twice (a crash between publish and delete) harms
    nothing.
    """

    task_name = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("arguments nommés"), default=dict)
    created_at = models.DateTimeField(
        _("créée le"), default=timezone.now, db_index=True
    )
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        verbose_name = _("tâche en attente d’envoi")
        verbose_name_plural = _("tâches en attente d’envoi")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.task_name} #{self.pk}"


class DataGeneration(models.Model):
    """The generation of one model's data (portal/core/data_version.py): a token
    drawn anew after every commit that writes one of its rows, so a cache checks
    whether its data changed in one indexed read instead of aggregating tables."""

    name = models.CharField(_("modèle"), max_length=200, primary_key=True)
    token = models.BigIntegerField(_("jeton"))

    class Meta:
        verbose_name = _("génération de données")
        verbose_name_plural = _("générations de données")

    def __str__(self) -> str:
        return f"{self.name} #{self.token}"
