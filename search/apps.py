from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self) -> None:
        from portal.core.bulk import records_bulk_saved
        from search.dependencies import WATCHED_MODELS
        from search.matching.cache import matching_generations_follow
        from search.matching.refresh import matching_receivers_connect
        from search.related import register_pages
        from search.signals import record_bulk_change, record_change

        for model in WATCHED_MODELS:
            post_save.connect(
                record_change, sender=model, dispatch_uid=f"search-{model}"
            )
            post_delete.connect(
                record_change, sender=model, dispatch_uid=f"search-del-{model}"
            )
        records_bulk_saved.connect(record_bulk_change, dispatch_uid="search-bulk")
        # Team matching's tables follow the registry (search/matching/refresh.py).
        matching_receivers_connect()
        matching_generations_follow()
        # Team and project pages show similar teams and projects (docs/architecture.md).
        register_pages()
