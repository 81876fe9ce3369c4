"""Generations (portal/core/data_version.py): the version of team matching and of
the dashboard is read in one query whatever the registry's size, and every
committed write of what they read draws a new one."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from portal.core.bulk import records_bulk_saved
from portal.core.data_version import generation_version
from portal.core.models import DataGeneration
from projects.dashboard.indicators.compute import indicators_data_version
from projects.models import Project
from search.matching.cache import matching_data_version
from search.matching.store import matching_refresh
from tests.factories import (
    EvaluationFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)
from tests.matching.calls import CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a write as if its transaction committed, and returns the versions
    before and after it."""

    def run(write, version=matching_data_version):
        before = version()
        with django_capture_on_commit_callbacks(execute=True):
            write()
        return before, version()

    return run


@pytest.fixture
def world():
    project = ProjectFactory()
    partner = ProjectPartnerFactory(project=project)
    evaluation = EvaluationFactory(project=project)
    call = CallFactory(team=partner.team)
    return project, partner, evaluation, call


def test_editing_what_matching_reads_changes_its_version(committed, world):
    project, partner, evaluation, call = world

    def edit(instance, **fields):
        for name, value in fields.items():
            setattr(instance, name, value)
        return instance.save

    writes = {
        "project": edit(project, title="Titre changé"),
        "partner": edit(partner, role="Autre rôle"),
        "team": edit(partner.team, name="Équipe renommée"),
        "evaluation": edit(evaluation, summary="Autre synthèse"),
        "call": edit(call, title="Autre appel"),
        "new partner": lambda: ProjectPartnerFactory(project=project),
        "deleted partner": partner.delete,
        "team's tutelle": lambda: partner.team.parents.add(OrganisationFactory()),
        "tables refreshed": lambda: matching_refresh(project_ids=[project.pk]),
    }
    for write_name, write in writes.items():
        before, after = committed(write)
        assert before != after, write_name
    before, after = committed(lambda: None)
    assert before == after


def test_the_dashboards_version_follows_its_records_too(committed, world):
    project, partner, evaluation, _call = world
    for write in (
        lambda: ProjectFactory(),
        lambda: project.save(update_fields=["live"]),  # as Wagtail unpublishes
        project.lead_organisation.save,
        evaluation.delete,
    ):
        before, after = committed(write, version=indicators_data_version)
        assert before != after


def test_a_bulk_write_changes_the_version(committed, world):
    project, *_rest = world

    def bulk_write():
        records_bulk_saved.send(
            sender=Project,
            created=[],
            updated=[(project, {"title": "avant"})],
            links=[(project, "domains", {1}, set())],
        )

    before, after = committed(bulk_write)
    assert before != after


def test_one_query_reads_it_and_a_bulk_batch_draws_once(
    world, django_capture_on_commit_callbacks
):
    matching_data_version()  # every generation exists from now on
    with CaptureQueriesContext(connection) as reads:
        matching_data_version()
    assert len(reads) == 1
    project, *_rest = world
    with django_capture_on_commit_callbacks() as callbacks:
        records_bulk_saved.send(
            sender=Project,
            created=[],
            updated=[(project, {"title": "avant"})],
            links=[(project, "domains", {1}, set())],
        )
    draws = [one for one in callbacks if "generation_bump" in one.__qualname__]
    assert len(draws) == 1
    with CaptureQueriesContext(connection) as queries:
        draws[0]()
    assert len(queries) == 1


def test_a_rolled_back_write_draws_nothing(world, django_capture_on_commit_callbacks):
    project, *_rest = world
    before = matching_data_version()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            project.save()
            raise RuntimeError
    assert matching_data_version() == before


def test_a_new_database_starts_from_a_token_of_its_own():
    """Entries cached under another database's generations are never read back."""
    first = generation_version(Project)
    DataGeneration.objects.all().delete()
    assert generation_version(Project) != first


def test_the_home_figures_come_from_the_dashboards_cache(
    client, committed, django_assert_max_num_queries
):
    from projects.selectors import home_figures

    lead = ProjectFactory(lead_team=TeamFactory())
    first = home_figures()
    assert first["key_figures"]["projects"] == 1
    with django_assert_max_num_queries(1):  # the version; the rest from the cache
        assert home_figures() == first
    institute = lead.lead_organisation
    institute.name = "Institut renommé"
    committed(institute.save, version=indicators_data_version)
    assert "Institut renommé" in str(home_figures()["institutes"])
    committed(ProjectFactory, version=indicators_data_version)
    assert home_figures()["key_figures"]["projects"] == 2
