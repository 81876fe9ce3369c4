"""The search box and filter of the registry lists (issue 16): they narrow the
public records only, never 500 on odd input, show given names first, and keep a
constant number of queries per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registry.models import Evaluation, Organisation
from tests.factories import (
    EvaluationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_organisations_by_words_and_by_type(client):
    OrganisationFactory(name="CHU de Rennes", city="Rennes", kind="hospital")
    OrganisationFactory(name="Université de Rennes", city="Rennes", kind="university")
    OrganisationFactory(name="CHU de Lille", city="Lille", kind="hospital")
    url = reverse("registry:organisation_list")

    by_city = page_text(client, url + "?q=rennes")
    assert "CHU de Rennes" in by_city and "Université de Rennes" in by_city
    assert "CHU de Lille" not in by_city

    both = page_text(client, url + "?q=rennes&kind=hospital")
    assert "CHU de Rennes" in both and "Université de Rennes" not in both
    assert "1 organisation" in both


def test_teams_of_an_institute_include_those_under_its_sub_organisations(client):
    inserm = OrganisationFactory(name="Inserm", acronym="Inserm")
    inserm_unit = OrganisationFactory(name="Unité Inserm", parent=inserm, kind="other")
    inria = OrganisationFactory(name="Inria", acronym="Inria")
    TeamFactory(name="Imagerie cardiaque", parents=[inserm])
    TeamFactory(name="Génomique", parents=[inserm_unit])
    TeamFactory(name="Langage médical", parents=[inria])

    text = page_text(client, reverse("registry:team_list") + f"?institute={inserm.pk}")
    assert "Imagerie cardiaque" in text and "Génomique" in text
    assert "Langage médical" not in text


def test_people_by_given_and_family_name_shown_given_name_first(client):
    PersonFactory(first_name="Aïcha", last_name="Bernard", title="Cardiologue")
    PersonFactory(first_name="Bernard", last_name="Martin")
    text = page_text(client, reverse("registry:person_list") + "?q=Aïcha+Bernard")
    assert "Aïcha Bernard" in text and "Bernard Aïcha" not in text
    assert "Bernard Martin" not in text


def test_people_of_an_institute_through_their_current_teams(client):
    inria = OrganisationFactory(name="Inria", acronym="Inria")
    current = MembershipFactory(team=TeamFactory(parents=[inria])).person
    former = MembershipFactory(
        team=TeamFactory(parents=[inria]), end_date="2020-01-01"
    ).person
    text = page_text(client, reverse("registry:person_list") + f"?institute={inria.pk}")
    assert current.full_name in text and former.full_name not in text


def test_evaluations_list_only_public_ones_and_filter_by_verdict(client):
    EvaluationFactory(reference="inesia-fav", project=ProjectFactory(title="Alpha"))
    EvaluationFactory(
        reference="inesia-res",
        verdict=Evaluation.Verdict.RESERVED,
        project=ProjectFactory(title="Bêta"),
    )
    EvaluationFactory(reference="inesia-draft", project=ProjectFactory(live=False))
    url = reverse("registry:evaluation_list")

    everything = page_text(client, url)
    assert "inesia-fav" in everything and "inesia-draft" not in everything
    reserved = page_text(client, url + "?verdict=reserved")
    assert "inesia-res" in reserved and "inesia-fav" not in reserved
    by_project = page_text(client, url + "?q=alpha")
    assert "inesia-fav" in by_project and "inesia-res" not in by_project
    searched = page_text(client, url + "?q=inesia-draft")
    assert "/evaluations/inesia-draft/" not in searched
    assert "Aucune évaluation ne correspond" in searched


@pytest.mark.parametrize(
    "query",
    [
        "?kind=nope&institute=abc&verdict=%00",
        "?q=" + "x" * 5000,
        "?q=%00%27%22<script>",
        "?institute=999999999999999999999",
        "?page=999",
    ],
)
def test_odd_input_never_breaks_a_list(client, query):
    for name in ("organisation_list", "team_list", "person_list", "evaluation_list"):
        response = client.get(reverse(f"registry:{name}") + query)
        assert response.status_code in (200, 404), (name, query)


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_per_filtered_list_do_not_grow_with_the_rows(client):
    institute = OrganisationFactory(acronym="Inserm", name="Inserm")

    def grow(n: int) -> None:
        for i in range(n):
            team = TeamFactory(name=f"Équipe Paris {i}", parents=[institute])
            MembershipFactory(team=team)
            EvaluationFactory(project=ProjectFactory(title=f"Paris {i}"))
            OrganisationFactory(name=f"Hôpital Paris {i}", kind="hospital")

    urls = [
        reverse("registry:organisation_list") + "?q=paris&kind=hospital",
        reverse("registry:team_list") + f"?q=paris&institute={institute.pk}",
        reverse("registry:person_list") + f"?q=a&institute={institute.pk}",
        reverse("registry:evaluation_list") + "?q=paris&verdict=favourable",
    ]
    grow(3)
    at_3 = [count_queries(client, url) for url in urls]
    grow(25)
    assert Organisation.objects.filter(kind="hospital").count() >= 28
    assert [count_queries(client, url) for url in urls] == at_3
