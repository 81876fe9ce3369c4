"""The Elasticsearch part of team matching: more_like_this over the team documents,
whose `profile` field holds the text of the team's public projects (search/sources.py)
and is refreshed through the search outbox when those projects change. Without an
engine, matching scores text with BM25 over the profiles built from the database."""

import logging
import re
from typing import TYPE_CHECKING

from elasticsearch import ApiError, NotFoundError, TransportError
from elasticsearch_dsl import Q, Search

from search.client import es_available, es_client, es_mark_down
from search.documents import TeamDocument

if TYPE_CHECKING:
    from search.matching import MatchContext

logger = logging.getLogger(__name__)

MARK = re.compile(r"<mark>(.*?)</mark>")
PROFILE_FIELDS = ["title", "body", "expertise", "profile"]
# Highlighting the long `profile` field costs more than the whole query: the matched
# terms of a profile come from the database words (search/matching_signals.py).
HIGHLIGHT_FIELDS = ["title", "body", "expertise"]


def engine_text(
    context: "MatchContext",
) -> tuple[dict[int, float], dict[int, list[str]]]:
    """Scores and highlighted terms from the team index, or nothing if it is down."""
    if not context.es_like or not es_available():
        return {}, {}
    search = (
        Search(index=TeamDocument.alias())
        .query(
            Q(
                "more_like_this",
                fields=PROFILE_FIELDS,
                like=context.es_like,
                min_term_freq=1,
                min_doc_freq=1,
                max_query_terms=40,
            )
        )
        .highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"])
        .highlight(*HIGHLIGHT_FIELDS)
        .source(["pk"])[:100]
    )
    try:
        response = search.using(es_client()).execute()
    except NotFoundError:
        # No team index yet (before the first rebuild): the engine itself is fine.
        return {}, {}
    except (TransportError, ApiError):
        logger.warning("Elasticsearch failed; matching on the database", exc_info=True)
        es_mark_down()
        return {}, {}
    scores, terms = {}, {}
    for hit in response.hits:
        scores[int(hit.pk)] = hit.meta.score
        fragments = getattr(hit.meta, "highlight", None)
        if fragments:
            words = [
                word.lower()
                for values in fragments.to_dict().values()
                for fragment in values
                for word in MARK.findall(fragment)
            ]
            terms[int(hit.pk)] = list(dict.fromkeys(words))[:5]
    return scores, terms
