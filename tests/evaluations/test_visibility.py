"""Only published evaluations of published projects are public, on every surface;
the project page shows their dated steps, never who worked on them."""

import datetime

import pytest
from django.urls import reverse

from projects.evaluations.transitions import evaluation_assign, evaluation_transition
from registry.models import Evaluation
from search.client import es_client
from tests.conftest import rebuild_all
from tests.evaluations.conftest import fill_verdict, requested_evaluation
from tests.factories import EvaluationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

Status = Evaluation.Status
SECRET_USE = "Usage prévu très confidentiel"
SECRET_CONTACT = "contact.prive@example.org"


@pytest.fixture
def hidden(project, evaluator, criteria):
    """One evaluation in each unpublished status, and a published one of a draft."""
    rows = {}
    for status in (Status.REQUESTED, Status.IN_PROGRESS, Status.COMPLETED):
        rows[status] = requested_evaluation(
            project,
            reference=f"inesia-hidden-{status}",
            status=status,
            assigned_to=evaluator,
            intended_use=SECRET_USE,
            contact_email=SECRET_CONTACT,
            verdict=Evaluation.Verdict.UNFAVOURABLE
            if status == Status.COMPLETED
            else "",
            started_on=datetime.date(2025, 3, 2)
            if status != Status.REQUESTED
            else None,
            completed_on=datetime.date(2025, 6, 2)
            if status == Status.COMPLETED
            else None,
        )
    rows["draft"] = EvaluationFactory(
        project=ProjectFactory(live=False), reference="inesia-hidden-draft"
    )
    return rows


@pytest.fixture
def published(project, evaluator):
    return EvaluationFactory(
        project=project,
        reference="inesia-2025-0042",
        assigned_to=evaluator,
        intended_use=SECRET_USE,
        contact_email=SECRET_CONTACT,
        requested_on=datetime.date(2025, 3, 1),
        started_on=datetime.date(2025, 3, 20),
        completed_on=datetime.date(2025, 7, 1),
        published_on=datetime.date(2025, 8, 1),
    )


def public_texts(client, project, hidden) -> str:
    pages = [
        project.get_absolute_url(),
        reverse("registry:evaluation_list"),
        "/api/v1/evaluations/",
        f"/api/v1/projects/{project.slug}/?expand=evaluations",
        "/donnees/evaluations.csv",
        "/donnees/evaluations.jsonl",
        "/flux/evaluations.atom",
    ]
    texts = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        texts.append(body.decode())
    return "\n".join(texts)


def test_unpublished_evaluations_are_nowhere_public(
    client, project, hidden, published, evaluator
):
    everything = public_texts(client, project, hidden)
    assert published.reference in everything
    for evaluation in hidden.values():
        assert evaluation.reference not in everything
        detail = client.get(evaluation.get_absolute_url())
        assert detail.status_code == 404
        api = client.get(f"/api/v1/evaluations/{evaluation.reference}/")
        assert api.status_code == 404
    # The request and the people behind the evaluation stay private.
    for secret in (SECRET_USE, SECRET_CONTACT, evaluator.username, "Evaluatrice"):
        assert secret not in everything


def test_the_project_page_shows_the_history_of_published_evaluations(
    client, project, hidden, published
):
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Historique des évaluations" in page
    history = page[page.index('id="evaluation-history"') :]
    history = history[: history.index("</table>")]
    assert published.reference in history
    for day in ("01/03/2025", "20/03/2025", "01/07/2025", "01/08/2025"):
        assert day in history
    assert "122 jours" in history  # 1 March → 1 July
    assert history.count("<tr>") == 2  # the header and one evaluation


def test_a_published_step_reaches_the_page_and_the_search_index(
    client,
    project,
    moderator,
    evaluator,
    criteria,
    search_engine,
    django_capture_on_commit_callbacks,
):
    evaluation = requested_evaluation(project, reference="inesia-2026-0007")
    evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
    evaluation_transition(
        evaluation=evaluation, to_status=Status.IN_PROGRESS, user=evaluator
    )
    fill_verdict(evaluation, criteria)
    evaluation_transition(
        evaluation=evaluation, to_status=Status.COMPLETED, user=evaluator
    )
    rebuild_all()

    def indexed_verdicts() -> list[str]:
        es_client().indices.refresh(index=f"{search_engine_prefix()}-project")
        hits = es_client().search(
            index=f"{search_engine_prefix()}-project",
            query={"term": {"verdicts": "reserved"}},
        )["hits"]["hits"]
        return [hit["_source"]["slug"] for hit in hits]

    assert indexed_verdicts() == []
    assert evaluation.reference not in client.get(project.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        evaluation_transition(
            evaluation=evaluation, to_status=Status.PUBLISHED, user=moderator
        )
    assert indexed_verdicts() == [project.slug]
    assert evaluation.reference in client.get(project.get_absolute_url()).text


def search_engine_prefix() -> str:
    from django.conf import settings

    return settings.SEARCH_INDEX_PREFIX


def test_api_never_exposes_the_private_request_fields(client, published):
    body = client.get(f"/api/v1/evaluations/{published.reference}/").json()
    for field in ("assigned_to", "requested_by", "intended_use", "contact_email"):
        assert field not in body


def test_the_history_and_the_form_read_in_english_under_en(
    client, project, published, researcher
):
    client.force_login(researcher)
    page = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert "Evaluation history" in page and "Time to verdict" in page
    assert "122 days" in page
    assert "Request an INESIA evaluation" in page
