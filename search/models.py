"""The indexing outbox: what must be (re)indexed, recorded in the same transaction as
the change itself, so that no update is lost when Elasticsearch or the broker is down."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchOutbox(models.Model):
    """One document to refresh: re-read from the database, then indexed or deleted.

    A row is unique per document; a new change to a pending document only moves
    `dirtied_at`, and the drain deletes a row only if it was not dirtied again while
    being processed.
    """

    search_type = models.CharField(_("type"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("identifiant"))
    dirtied_at = models.DateTimeField(_("modifié le"), db_index=True)
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        verbose_name = _("document à indexer")
        verbose_name_plural = _("documents à indexer")
        constraints = [
            models.UniqueConstraint(
                fields=["search_type", "object_id"],
                name="search_outbox_one_row_per_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.search_type}:{self.object_id}"


class SavedMatchRequest(models.Model):
    """A team-matching request posted from `/collaborateurs/`, kept so its result
    has a short URL to share or bookmark (`?r=<key>`). The key is a hash of the
    request itself: the same request gets the same URL. Only the need and the
    have (texts, terms, slugs) are kept: no user, no address, no IP."""

    key = models.CharField(_("clé"), max_length=32, unique=True)
    payload = models.JSONField(_("demande"))
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("demande de mise en relation enregistrée")
        verbose_name_plural = _("demandes de mise en relation enregistrées")

    def __str__(self) -> str:
        return self.key
