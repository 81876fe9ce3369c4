"""The one interface every search engine implements (Elasticsearch, PostgreSQL,
SQLite); search/service.py chooses one and handles its failure."""

from abc import ABC, abstractmethod
from collections.abc import Iterable

from search.contract import SearchHit, SearchRequest, SearchResponse


class EngineUnavailable(Exception):
    """The engine answered but cannot serve this search (no index built yet)."""


class SearchBackend(ABC):
    """Search, autocomplete, similar projects, and keeping the engine's copy current.

    `search`, `suggest` and `similar` answer in the contract's shapes; an engine error
    propagates (the service answers from the next engine). `refresh` receives the
    documents of one type that changed (and the ids of those no longer public);
    `rebuild` refills everything.
    """

    name: str

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse: ...

    @abstractmethod
    def suggest(self, prefix: str, *, size: int = 8) -> list[SearchHit]: ...

    @abstractmethod
    def similar(self, project, *, size: int = 4) -> list[SearchHit]: ...

    @abstractmethod
    def refresh(
        self, search_type: str, documents: list[dict], removed: Iterable[int]
    ) -> None:
        """Write these documents of one type, and forget the removed ids."""

    @abstractmethod
    def rebuild(self) -> None:
        """Refill the engine's copy from the database."""
