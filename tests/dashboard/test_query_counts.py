"""The dashboard's queries do not grow with the data: the same count with 100 and
with 1,000 published projects (built with bulk_create to stay fast), cold cache."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectPartner,
    Technique,
)
from registry.models import Evaluation, Organisation
from tests.factories import DatasetFactory, OrganisationFactory, TeamFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/tableau-de-bord/",
    "/tableau-de-bord/?year_from=2020&year_to=2024&domain={domain}",
    "/tableau-de-bord/network.csv",
    "/api/v1/indicators/?institute={institute}",
]


@pytest.fixture
def world():
    institutes = [OrganisationFactory(acronym=name) for name in ("A", "B", "C", "D")]
    teams = [
        TeamFactory(parents=[institutes[i % 4]] + ([institutes[0]] if i % 3 else []))
        for i in range(12)
    ]
    return {
        "institutes": institutes,
        "teams": teams,
        "datasets": [DatasetFactory() for _ in range(3)],
        "funder": OrganisationFactory(kind=Organisation.Kind.FUNDER),
        "evaluator": OrganisationFactory(kind=Organisation.Kind.AGENCY),
        "domains": list(Domain.objects.all()[:6]),
        "techniques": list(Technique.objects.all()[:5]),
        "count": 0,
    }


def add_projects(world: dict, how_many: int) -> None:
    start = world["count"]
    teams, institutes = world["teams"], world["institutes"]
    projects = Project.objects.bulk_create(
        Project(
            title=f"Projet {n}",
            slug=f"projet-{n}",
            summary="Résumé.",
            status=Project.Status.values[n % 4],
            trl=1 + n % 9,
            start_date=datetime.date(2015 + n % 11, 1 + n % 12, 1),
            lead_organisation=institutes[n % 4],
            lead_team=teams[n % len(teams)],
            live=n % 10 != 0,
        )
        for n in range(start, start + how_many)
    )
    world["count"] += how_many
    domains = itertools.cycle(world["domains"])
    techniques = itertools.cycle(world["techniques"])
    Project.domains.through.objects.bulk_create(
        Project.domains.through(project=project, domain=next(domains))
        for project in projects
    )
    Project.techniques.through.objects.bulk_create(
        Project.techniques.through(project=project, technique=next(techniques))
        for project in projects
    )
    ProjectPartner.objects.bulk_create(
        ProjectPartner(project=project, team=teams[(index * 7 + 3) % len(teams)])
        for index, project in enumerate(projects)
    )
    ProjectDataset.objects.bulk_create(
        ProjectDataset(
            project=project,
            dataset=world["datasets"][index % 3],
            access_status=ProjectDataset.AccessStatus.values[index % 3],
        )
        for index, project in enumerate(projects)
    )
    ProjectFunding.objects.bulk_create(
        ProjectFunding(
            project=project,
            funder=world["funder"],
            programme=f"Programme {index % 5}",
            amount_eur=1000 * index,
        )
        for index, project in enumerate(projects)
    )
    Evaluation.objects.bulk_create(
        Evaluation(
            reference=f"eval-{project.pk}",
            project=project,
            model_version="1",
            evaluator=world["evaluator"],
            status=Evaluation.Status.values[index % 4],
            verdict=Evaluation.Verdict.values[index % 3],
            requested_on=datetime.date(2025, 1, 1),
            completed_on=datetime.date(2025, 1, 1)
            + datetime.timedelta(days=index % 400),
            published_on=datetime.date(2026, 3, 1),
        )
        for index, project in enumerate(projects)
        if project.trl >= 5
    )


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, site root paths)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client, world: dict) -> dict[str, int]:
    values = {
        "domain": world["domains"][0].pk,
        "institute": world["institutes"][0].pk,
    }
    return {url: count_queries(client, url.format(**values)) for url in URLS}


def test_queries_do_not_grow_from_100_to_1000_projects(client, world):
    add_projects(world, 100)
    at_100 = measure(client, world)
    add_projects(world, 900)
    assert Project.objects.count() == 1000
    at_1000 = measure(client, world)
    assert at_1000 == at_100
    # Every indicator together: a few queries each, whatever the data.
    assert max(at_100.values()) <= 40, at_100


def test_a_cached_page_costs_only_the_data_version(client, world):
    add_projects(world, 100)
    client.get("/tableau-de-bord/")
    with CaptureQueriesContext(connection) as cold_cache_free:
        client.get("/tableau-de-bord/")
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get("/tableau-de-bord/")
    # 19 indicator queries are saved; filters, version and trends remain.
    assert len(cold) - len(cold_cache_free) >= 15
