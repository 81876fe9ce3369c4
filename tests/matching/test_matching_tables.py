"""Issue 15: matching reads precomputed tables kept up to date by marks, never the
whole registry; after any change the rows equal a rebuild from scratch, and what
is not public never contributes."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from search.client import es_reset
from search.matching.facts import RegistryFacts
from search.matching.match import MatchRequest, match_context, match_rank
from search.matching.models import (
    MatchingDirty,
    MatchingProject,
    MatchingTeam,
    MatchingTeamTerm,
)
from search.matching.profiles import team_profiles
from search.matching.refresh import matching_pending_apply
from search.matching.signals import registry_load
from search.matching.store import TableFacts, matching_tables_rebuild
from tests.factories import (
    EvaluationFactory,
    MembershipFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
)
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield build_scene()
    es_reset()


def tables() -> tuple:
    return (
        {row.pk: model_to_dict(row) for row in MatchingProject.objects.all()},
        {row.pk: model_to_dict(row) for row in MatchingTeam.objects.all()},
        set(MatchingTeamTerm.objects.values_list("team_id", "key", "value")),
    )


def applied() -> tuple:
    """The rows once the pending marks are applied; they must equal a rebuild."""
    matching_pending_apply(limit=None)
    assert not MatchingDirty.objects.exists()
    incremental = tables()
    matching_tables_rebuild()
    assert tables() == incremental
    return incremental


def test_rows_follow_saves_unpublishing_and_deletes(scene):
    projects, teams, _terms = applied()
    assert scene.project.pk in projects
    assert scene.draft_only.pk not in teams  # known only from a draft
    notes = MatchingProject.objects.get(lead_team=scene.candidate.pk)
    assert scene.lead.pk not in notes.teams  # the draft's link does not count

    scene.project.summary += " Électrocardiogrammes ambulatoires."
    scene.project.save()
    applied()
    assert MatchingTeamTerm.objects.filter(
        team_id=scene.lead.pk, key="w:electrocardiogramme"
    ).exists()

    ProjectPartnerFactory(project=scene.project, team=scene.common)
    _projects, teams, _terms = applied()
    assert scene.common.pk in teams[scene.lead.pk]["collaborators"]

    EvaluationFactory(project=scene.project)
    _projects, teams, _terms = applied()
    assert teams[scene.lead.pk]["evaluated_projects"] == [scene.project.pk]

    # The candidate's one public project unpublished: no row, no profile, no SNDS.
    notes_project = notes.project_id
    from projects.models import Project

    Project.objects.get(pk=notes_project).unpublish()
    projects, teams, terms = applied()
    assert notes_project not in projects
    assert scene.candidate.pk not in teams
    assert not {key for team, key, _v in terms if team == scene.candidate.pk}

    scene.project.delete()
    projects, teams, _terms = applied()
    assert scene.project.pk not in projects
    assert scene.partner.pk not in teams  # its only public project is gone


def test_a_save_is_applied_after_commit_by_the_task(
    scene, django_capture_on_commit_callbacks
):
    matching_pending_apply(limit=None)
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(lead_team=scene.common, title="Échographie fœtale")
        assert MatchingDirty.objects.filter(kind="p", object_id=project.pk).exists()
    assert not MatchingDirty.objects.exists()  # the (eager) task applied them
    assert MatchingProject.objects.filter(pk=project.pk).exists()
    assert MatchingTeamTerm.objects.filter(
        team_id=scene.common.pk, key="w:echographie"
    ).exists()


REQUESTS = [
    {"text": "insuffisance cardiaque comptes rendus SNDS"},
    {"text": "heart failure clinical notes", "datasets": ["snds"]},
    {"team": "lead"},
    {"team": "lead", "mode": "similar"},
    {"project": "project"},
    {"project": "project", "mode": "similar"},
]


def _request(scene, spec: dict) -> MatchRequest:
    spec = dict(spec)
    if "team" in spec:
        spec["team"] = scene.lead.slug
    if "project" in spec:
        spec["project"] = scene.project.slug
    if "datasets" in spec:
        spec["datasets"] = [scene.snds.slug]
    return MatchRequest(**spec)


def test_the_tables_rank_as_the_registry_read_whole(scene):
    """Same scores and reasons from the tables as from the in-memory registry (the
    benchmarks' path, and the only one before issue 15)."""
    ProjectFactory(
        lead_team=scene.partner,
        title="Échocardiographie",
        summary="Insuffisance cardiaque et vision par ordinateur.",
        domains=[domain("cardiologie")],
    )
    matching_pending_apply(limit=None)
    registry = registry_load()
    memory = RegistryFacts(registry, team_profiles(registry))
    for spec in REQUESTS:
        request = _request(scene, spec)
        table_facts = TableFacts()
        from_tables = match_rank(
            context=match_context(request=request, facts=table_facts),
            facts=table_facts,
        )
        in_memory = match_rank(
            context=match_context(request=request, facts=memory), facts=memory
        )
        assert from_tables, spec
        assert [(m.pk, m.score, m.reasons.sentences) for m in from_tables] == [
            (m.pk, m.score, m.reasons.sentences) for m in in_memory
        ], spec


def test_a_request_reads_a_constant_number_of_queries_as_the_registry_grows(scene):
    from search.matching.match import team_match_list

    def queries(spec) -> int:
        matching_pending_apply(limit=None)
        team_match_list(request=_request(scene, spec))  # lexicon of this version
        with CaptureQueriesContext(connection) as captured:
            team_match_list(request=_request(scene, spec))
        return len(captured)

    before = {str(spec): queries(spec) for spec in REQUESTS}
    for number in range(12):
        team = TeamFactory(name=f"Cardiologie {number}")
        MembershipFactory(team=team)  # experts to list, as in the scene's teams
        project = ProjectFactory(
            lead_team=team,
            title=f"Insuffisance cardiaque {number}",
            summary="Comptes rendus cardiaques et SNDS.",
            domains=[domain("cardiologie")],
        )
        ProjectPartnerFactory(project=project, team=scene.common)
    assert {str(spec): queries(spec) for spec in REQUESTS} == before
