"""The Elasticsearch part of team matching: more_like_this over the team documents,
whose `profile` field holds the text of the team's public projects (search/sources.py)
and is refreshed through the search outbox when those projects change. Without an
engine, matching scores text with BM25 over the profiles built from the database."""

import logging
from typing import TYPE_CHECKING

from elasticsearch import ApiError, NotFoundError, TransportError
from elasticsearch_dsl import Q, Search

from search.client import es_available, es_client, es_mark_down
from search.documents import TeamDocument

if TYPE_CHECKING:
    from search.matching.match import MatchContext

logger = logging.getLogger(__name__)

PROFILE_FIELDS = ["title", "body", "expertise", "profile"]


def engine_text(context: "MatchContext") -> dict[int, float]:
    """more_like_this scores of the teams, or nothing if the engine is down.

    No highlighting: it cost ~90 ms of a ~100 ms query on the demo data; the matched
    terms of the reasons come from the database words (search/matching/signals.py).
    """
    # The need's own text only: the requester's project or team is what it has,
    # and resembling it earns nothing.
    if not context.need_text.strip() or not es_available():
        return {}
    search = (
        Search(index=TeamDocument.alias())
        .query(
            Q(
                "more_like_this",
                fields=PROFILE_FIELDS,
                like=[context.need_text],
                min_term_freq=1,
                min_doc_freq=1,
                max_query_terms=40,
            )
        )
        .source(["pk"])[:100]
    )
    try:
        response = search.using(es_client()).execute()
    except NotFoundError:
        # No team index yet (before the first rebuild): the engine itself is fine.
        return {}
    except (TransportError, ApiError):
        logger.warning("Elasticsearch failed; matching on the database", exc_info=True)
        es_mark_down()
        return {}
    return {int(hit.pk): hit.meta.score for hit in response.hits}
