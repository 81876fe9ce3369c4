"""PostgreSQL ranks only the hits a search keeps: with a facet selected, the text
query scores by matched concepts and the kept hits get their `ts_rank_cd` after
(search/backends/postgres.py, `rank`), in the order the whole ranking gives them."""

import pytest

from search.backends.postgres import PostgresBackend, Unranked
from search.contract import SearchRequest
from tests.factories import ProjectFactory, ProjectPartnerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_engine(settings):
    """No engine configured: each save rewrites the database's entries at once."""
    settings.ELASTICSEARCH_URL = ""


def test_a_selected_facet_ranks_its_hits_as_the_whole_ranking_does(database_engine):
    team = TeamFactory()
    titles = [
        "IRM cardiaque : IRM de stress et IRM de perfusion",
        "Imagerie par résonance magnétique du cœur",
        "Échographie cardiaque, comparée à l’IRM",
        "Scanner et IRM des tumeurs cérébrales",
    ]
    projects = [ProjectFactory(title=title, summary="Imagerie.") for title in titles]
    for project in projects[:3]:
        ProjectPartnerFactory(project=project, team=team)
    ProjectFactory(title="Radiographie du thorax")  # not a hit
    backend = PostgresBackend()

    whole = backend.search(SearchRequest(query="IRM"))
    kept = backend.search(SearchRequest(query="IRM", filters={"team": [str(team.pk)]}))

    ranked = {hit.pk: hit.score for hit in whole.hits}
    assert set(ranked) == {project.pk for project in projects}
    assert [hit.pk for hit in kept.hits] == [
        pk for pk in ranked if pk in {project.pk for project in projects[:3]}
    ]
    for hit in kept.hits:
        assert hit.score == pytest.approx(ranked[hit.pk])
        assert hit.score % 1 > 0  # matched concepts + phrase, then ts_rank_cd


def test_unranked_scores_keep_what_ranking_needs(database_engine):
    project, *_others = [
        ProjectFactory(title=f"Segmentation des tumeurs cérébrales en IRM, {n}")
        for n in ("adultes", "enfants", "suivi")  # fewer: ranked at once
    ]
    backend = PostgresBackend()

    scores = backend.match("tumeurs IRM", ["project"], ranked=False)
    assert isinstance(scores, Unranked) and len(scores) == 3
    coarse = scores[("project", project.pk)]
    assert coarse >= 2 and coarse % 1 == 0  # two concepts (and the phrase, if so)
    ranked = backend.rank([("project", project.pk)], scores)
    assert coarse < ranked[("project", project.pk)] < coarse + 1
    whole = backend.match("tumeurs IRM", ["project"])
    assert ranked[("project", project.pk)] == pytest.approx(
        whole[("project", project.pk)]
    )
