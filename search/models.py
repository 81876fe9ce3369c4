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


class SearchEntry(models.Model):
    """One public document as the database engines search it (PostgreSQL, SQLite).

    Filled from the same documents as the Elasticsearch index (search/sources.py) by
    the same outbox. The text columns are weighted: `title` (title, acronym) ranks
    above `keywords`, then `summary` (with names), then `body`; `english` holds the
    English fields. PostgreSQL adds a stored, GIN-indexed `document` tsvector and a
    trigram index on `words` (migration 0002); SQLite keeps a stemmed copy in an FTS5
    table (search/backends/sqlite.py).
    """

    search_type = models.CharField(_("type"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("identifiant"))
    label = models.CharField(_("libellé"), max_length=500)
    url = models.CharField(_("adresse"), max_length=500)
    sort_title = models.CharField(_("titre de tri"), max_length=500)
    start_date = models.DateField(_("début"), null=True, blank=True)
    acronym = models.TextField(_("acronyme"), blank=True)
    title = models.TextField(_("titre"), blank=True)
    keywords = models.TextField(_("mots-clés"), blank=True)
    summary = models.TextField(_("résumé et noms"), blank=True)
    body = models.TextField(_("texte"), blank=True)
    english = models.TextField(_("texte anglais"), blank=True)
    words = models.TextField(_("mots repliés"), blank=True)  # typo pass (pg_trgm)
    snippet = models.TextField(_("extrait"), blank=True)

    class Meta:
        verbose_name = _("entrée de recherche")
        verbose_name_plural = _("entrées de recherche")
        constraints = [
            models.UniqueConstraint(
                fields=["search_type", "object_id"],
                name="search_entry_one_row_per_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.search_type}:{self.object_id}"


# Team matching's tables live with the matching package (search/matching/models.py).
from search.matching.models import (  # noqa: E402, F401
    MatchingDirty,
    MatchingProject,
    MatchingTeam,
    MatchingTeamTerm,
)
