"""People around one evaluation: the moderator, two evaluators, the project's
researcher, an outsider, and INESIA with a full set of criteria."""

import pytest
from django.contrib.auth.models import Group

from projects.evaluations.roles import EVALUATORS_GROUP, MODERATORS_GROUP
from projects.models import ProjectMember
from registry.models import Evaluation, EvaluationCriterion, EvaluationScore
from tests.factories import EvaluationFactory, PersonFactory, ProjectFactory


def _user(django_user_model, username, *groups, person=False):
    user = django_user_model.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="x-test-pass-1234",
        first_name=username.capitalize(),
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if person:
        PersonFactory(user=user)
    return user


@pytest.fixture
def moderator(django_user_model):
    return _user(django_user_model, "moderatrice", MODERATORS_GROUP)


@pytest.fixture
def evaluator(django_user_model):
    return _user(django_user_model, "evaluatrice", EVALUATORS_GROUP)


@pytest.fixture
def other_evaluator(django_user_model):
    return _user(django_user_model, "evaluateur", EVALUATORS_GROUP)


@pytest.fixture
def outsider(django_user_model):
    return _user(django_user_model, "passant", "Researchers", person=True)


@pytest.fixture
def project():
    return ProjectFactory(title="Détection du sepsis aux urgences", acronym="SEPSIA")


@pytest.fixture
def researcher(django_user_model, project):
    """A member of `project`, through the person linked to the account."""
    user = _user(django_user_model, "chercheuse", "Researchers", person=True)
    ProjectMember.objects.create(
        project=project, person=user.person, role=ProjectMember.Role.CO_INVESTIGATOR
    )
    return user


@pytest.fixture
def criteria():
    """The criteria seeded by migration 0002, or two of them on a flushed database."""
    if not EvaluationCriterion.objects.exists():
        EvaluationCriterion.objects.create(code="robustesse", name="Robustesse")
        EvaluationCriterion.objects.create(code="biais", name="Biais et équité")
    return list(EvaluationCriterion.objects.all())


def requested_evaluation(project, **fields) -> Evaluation:
    defaults = {
        "status": Evaluation.Status.REQUESTED,
        "verdict": "",
        "published_on": None,
        "summary": "",
    }
    return EvaluationFactory(project=project, **{**defaults, **fields})


def fill_verdict(evaluation: Evaluation, criteria) -> None:
    """What a verdict needs: the verdict, a summary and every criterion scored."""
    evaluation.verdict = Evaluation.Verdict.RESERVED
    evaluation.summary = "Robuste, mais la calibration varie selon les sites."
    evaluation.save(update_fields=["verdict", "summary", "updated_at"])
    for criterion in criteria:
        EvaluationScore.objects.update_or_create(
            evaluation=evaluation, criterion=criterion, defaults={"score": 70}
        )
