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


def test_only_the_hits_that_can_reach_the_page_are_ranked(database_engine):
    titles = [
        "Tumeurs IRM : un atlas",  # the words as typed, in order: ranked first
        "Tumeurs IRM et IRM des tumeurs",
        "IRM des tumeurs de l’enfant",
        "Tumeurs vues en IRM",
        "IRM, tumeurs et IRM de suivi",
    ]
    projects = [ProjectFactory(title=title) for title in titles]
    backend = PostgresBackend()
    # The whole ranking, every hit with its ts_rank_cd (two concepts: asked for).
    whole = backend.match("tumeurs IRM", ["project"])
    expected = [pk for _t, pk in sorted(whole, key=lambda k: (-whole[k], k))]
    assert set(expected) == {project.pk for project in projects}

    pages = [
        backend.search(SearchRequest(query="tumeurs IRM", page=page, page_size=2))
        for page in (1, 2, 3)
    ]
    assert [hit.pk for page in pages for hit in page.hits] == expected

    coarse = backend.match("tumeurs IRM", ["project"], ranked=False)
    keys = list(coarse)
    ranked = backend.rank(keys, coarse, best=2)
    # The two hits with the phrase are ranked; the others keep whole numbers.
    assert sorted(score % 1 > 0 for score in ranked.values()) == [0, 0, 0, 1, 1]
    assert sorted(ranked, key=lambda k: -ranked[k])[:2] == [
        ("project", pk) for pk in expected[:2]
    ]
