"""Relevance against the real Elasticsearch: accents, plurals, synonyms both ways,
acronyms, typos, field boosts, facet counts, and drafts never found."""

import pytest

from search.backends.postgres import PostgresBackend
from search.contract import SearchRequest
from search.service import search_execute, suggest_execute

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(indexed_scene):
    return indexed_scene


def labels(query: str, **kwargs) -> list[str]:
    response = search_execute(request=SearchRequest(query=query, **kwargs))
    assert response.engine == "elasticsearch"
    return [hit.label for hit in response.hits]


def first_project(query: str) -> str:
    return labels(query, types=["project"])[0]


@pytest.mark.parametrize(
    "query",
    [
        "accidents vasculaires cerebraux",  # no accents
        "ACCIDENT VASCULAIRE CÉRÉBRAL",  # singular, capitals
        "AVC",  # the acronym, by synonym
        "avc",
    ],
)
def test_stroke_is_found_however_it_is_written(scene, query):
    assert first_project(query).startswith("NEUROVASC")


def test_synonyms_work_both_ways(scene):
    # The text says "IRM"; people type the long form, and the other way round.
    assert first_project("imagerie par résonance magnétique").startswith("NEUROVASC")
    # The text says "traitement automatique des langues"; people type NLP or TAL.
    assert first_project("NLP").startswith("CRTEXT")
    assert first_project("tal").startswith("CRTEXT")
    # The text says "apprentissage profond"; people type "deep learning".
    assert first_project("deep learning").startswith("MAMMO")


def test_plural_and_singular_meet(scene):
    assert first_project("cohorte diabetique").startswith("DIABCO")
    assert first_project("comptes rendus").startswith("CRTEXT")


def test_typos_on_longer_words_are_tolerated(scene):
    assert first_project("mamographie").startswith("MAMMO")
    assert first_project("réanimtion sepsis").startswith("SEPREA")


def test_short_words_need_to_be_exact(scene):
    # "MAMO" (4 letters) is not corrected to MAMMO: short words are not fuzzy.
    assert "MAMMO – Dépistage du cancer du sein" not in labels("mamo")


def test_exact_acronym_ranks_first(scene):
    assert labels("mammo")[0].startswith("MAMMO")
    assert labels("SNDS")[0].startswith("SNDS")


def test_title_matches_rank_above_body_matches(scene):
    ranked = labels("sepsis", types=["project"])
    assert ranked.index("SEPREA – Sepsis en réanimation") < ranked.index(
        "ALREA – Alerte précoce en réanimation"
    )


def test_drafts_are_never_found(scene):
    for query in ("xylophonique", "SECRETUM", "brouillon confidentiel"):
        assert labels(query) == []
        assert PostgresBackend().search(SearchRequest(query=query)).hits == []


def test_people_teams_and_datasets_are_found(scene):
    assert labels("elodie dupre")[0] == "Élodie Dupré"
    assert labels("imagerie cerebrale", types=["team"])[0].startswith("LIC")
    assert labels("donnees de sante", types=["dataset"])[0].startswith("SNDS")


def test_facets_count_with_the_other_filters_applied(scene):
    inserm = str(scene["inserm"].pk)
    response = search_execute(
        request=SearchRequest(
            types=["project"],
            filters={"institute": [inserm], "status": ["active"]},
            facets=frozenset({"institute", "status"}),
        )
    )
    assert sorted(hit.label.split(" – ")[0] for hit in response.hits) == [
        "MAMMO",
        "NEUROVASC",
    ]
    status = {value.value: value.count for value in response.facets["status"]}
    # Status counts apply the institute filter only: Inserm has 2 active, 1 planned,
    # and CRTEXT (completed) counts too since an Inserm team is its partner.
    assert status == {"active": 2, "planned": 1, "completed": 1}
    institutes = {value.value: value.count for value in response.facets["institute"]}
    # Institute counts apply the status filter only: Inria keeps its 2 active ones
    # (SEPREA, ALREA), so people can add it to the selection.
    assert institutes == {inserm: 2, str(scene["inria"].pk): 2}
    assert [v.selected for v in response.facets["institute"] if v.value == inserm] == [
        True
    ]


def test_domain_heading_filters_its_sub_domains(scene):
    from tests.factories import domain

    response = search_execute(
        request=SearchRequest(
            types=["project"], filters={"domain": [str(domain("oncologie").pk)]}
        )
    )
    assert [hit.label.split(" – ")[0] for hit in response.hits] == ["MAMMO"]


def test_autocomplete_from_the_second_character(scene):
    assert suggest_execute(prefix="m") == []
    suggestions = [item["label"] for item in suggest_execute(prefix="mam")]
    assert any(label.startswith("MAMMO") for label in suggestions)
    teams = [item["label"] for item in suggest_execute(prefix="labo")]
    assert any(label.startswith("LIC") for label in teams)


def test_sorting_by_title_and_by_date(scene):
    by_title = labels("", types=["project"], sort="title")
    assert by_title == sorted(
        by_title, key=lambda label: label.split(" – ", 1)[1].lower()
    )
    by_date = labels("", types=["project"], sort="date")
    assert by_date[0].startswith("DIABCO")  # started in 2025, the latest


def test_the_fallback_gives_sensible_results_for_the_same_queries(scene):
    def fallback_labels(query, **kwargs):
        response = PostgresBackend().search(SearchRequest(query=query, **kwargs))
        return [h.label for h in response.hits]

    assert fallback_labels("accidents vasculaires cérébraux")[0].startswith("NEUROVASC")
    assert fallback_labels("comptes rendus")[0].startswith("CRTEXT")
    assert fallback_labels("cohortes diabétiques")[0].startswith("DIABCO")
    response = PostgresBackend().search(
        SearchRequest(
            types=["project"],
            filters={"institute": [str(scene["inserm"].pk)], "status": ["active"]},
            facets=frozenset({"status"}),
        )
    )
    assert response.engine == "database"
    assert {v.value: v.count for v in response.facets["status"]} == {
        "active": 2,
        "planned": 1,
        "completed": 1,
    }
