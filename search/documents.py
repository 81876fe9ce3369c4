"""The Elasticsearch documents of the four searchable types.

Each type lives in versioned indexes (`<prefix>-<type>-<timestamp>`) behind an alias
(`<prefix>-<type>`): a rebuild fills a new index and moves the alias in one step.
Facet fields (`institutes`, `teams`, `domains`, `techniques`, `datasets`) are shared by
every type, so one filter narrows projects, teams and people alike.
"""

from django.conf import settings
from elasticsearch_dsl import Date, Document, Integer, Keyword, Text


def french_text(fields: dict | None = None, **kwargs) -> Text:
    """French text, with an unstemmed `folded` sub-field for typo-tolerant matching
    (a misspelt word has no reliable stem)."""
    fields = {"folded": Text(analyzer="names"), **(fields or {})}
    return Text(
        analyzer="french_index",
        search_analyzer="french_search",
        fields=fields,
        **kwargs,
    )


def english_text(**kwargs) -> Text:
    return Text(analyzer="english_index", search_analyzer="english_search", **kwargs)


def name_text(**kwargs) -> Text:
    """Names and acronyms: folded, unstemmed, with an exact sub-field."""
    return Text(
        analyzer="names", fields={"exact": Keyword(normalizer="folded")}, **kwargs
    )


def facet_keyword() -> Keyword:
    """A field searches count values of: its ordinals built at refresh, not by the
    first search after it (issue 15)."""
    return Keyword(eager_global_ordinals=True)


def suggest_text() -> Text:
    return Text(analyzer="autocomplete_index", search_analyzer="autocomplete_search")


class RegistryDocument(Document):
    """Fields every type has: identity, display, autocomplete and the shared facets."""

    pk = Integer()
    uid = Keyword()  # "<type>-<pk>": unique across indexes, the sort tie-breaker
    type = facet_keyword()
    slug = Keyword()
    url = Keyword(index=False)
    label = Keyword(index=False)
    title = french_text(
        fields={"exact": Keyword(normalizer="folded"), "en": english_text()}
    )
    acronym = name_text()
    body = french_text()
    body_en = english_text()
    names = name_text()
    suggest = suggest_text()
    sort_title = Keyword(normalizer="folded")
    updated_at = Date()

    institutes = facet_keyword()
    teams = facet_keyword()
    domains = facet_keyword()
    techniques = facet_keyword()
    datasets = facet_keyword()

    @classmethod
    def alias(cls) -> str:
        return f"{settings.SEARCH_INDEX_PREFIX}-{cls.search_type}"


class ProjectDocument(RegistryDocument):
    search_type = "project"
    title_en = english_text()
    summary = french_text()
    keywords = french_text(fields={"exact": Keyword(normalizer="folded")})
    status = facet_keyword()
    stage = facet_keyword()
    verdicts = facet_keyword()
    start_year = Integer()
    start_date = Date()
    published_at = Date()


class TeamDocument(RegistryDocument):
    search_type = "team"
    expertise = french_text(fields={"exact": Keyword(normalizer="folded")})
    city = Keyword()
    # The team's matching profile, from its public projects (search/matching/engine):
    # not searched by /recherche/, which queries named fields only. Stemmed only:
    # more_like_this reads `profile`, and a `folded` copy of some 20 kB a team cost
    # a third of the team index's ingest (issue 15).
    profile = Text(analyzer="french_index", search_analyzer="french_search")
    granted_datasets = Keyword()
    evaluated_projects = Keyword()
    latest_start = Date()


class PersonDocument(RegistryDocument):
    search_type = "person"
    expertise = french_text(fields={"exact": Keyword(normalizer="folded")})
    orcid = Keyword()


class DatasetDocument(RegistryDocument):
    search_type = "dataset"
    kind = Keyword()


class OrganisationDocument(RegistryDocument):
    search_type = "organisation"
    kind = Keyword()
    city = Keyword()


DOCUMENTS: dict[str, type[RegistryDocument]] = {
    document.search_type: document
    for document in (
        ProjectDocument,
        TeamDocument,
        PersonDocument,
        DatasetDocument,
        OrganisationDocument,
    )
}
