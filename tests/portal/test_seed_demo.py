"""seed_demo: every promised threshold, read back from the database, and idempotence.

The command takes some seconds, so one test loads the set once, checks it from every
angle, then loads it again and checks that nothing moved.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Max
from wagtail.models import Revision, Site

from portal.models import PortalSettings
from projects.collaboration.models import CollaborationCall
from projects.models import Domain, Project, ProjectPartner, Technique
from registry.models import (
    Dataset,
    Evaluation,
    EvaluationCriterion,
    EvaluationScore,
    Membership,
    Organisation,
    Person,
    Team,
)
from registry.validators import normalise_ror, validate_orcid, validate_rnsr
from tests.dashboard.demo_checks import check_demo_trends
from tests.portal.demo_search_checks import check_first_searches
from tests.portal.test_demo_plausibility import check_plausibility

pytestmark = pytest.mark.django_db

DATA_DIR = Path(__file__).resolve().parents[2] / "portal" / "demo" / "data"
INSTITUTES = {
    "Inserm": "02vjkv261",
    "Inria": "02kvxyf05",
    "CNRS": "02feahw73",
    "CEA": "00jjx8s55",
}
REFERENCE = re.compile(r"^inesia-20\d\d-\d{4}$")


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _top(term) -> int:
    return term.parent_id or term.pk


def _counts() -> dict[str, int]:
    models = [
        Organisation,
        Team,
        Person,
        Membership,
        Dataset,
        Project,
        ProjectPartner,
        Evaluation,
        EvaluationScore,
        CollaborationCall,
        Revision,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["live"] = Project.objects.filter(live=True).count()
    counts["team_parents"] = Team.parents.through.objects.count()
    # A re-run that rewrote rows with the same values would still move updated_at.
    for model in [Organisation, Team, Person, Dataset]:
        counts[f"{model.__name__}_updated"] = model.objects.aggregate(
            last=Max("updated_at")
        )["last"]
    return counts


def _check_organisations() -> None:
    for acronym, ror in INSTITUTES.items():
        institute = Organisation.objects.get(ror_id=ror)
        assert institute.acronym == acronym and institute.kind == "institute"
    inesia = Organisation.objects.get(acronym="INESIA")
    assert inesia.kind == "agency" and inesia.ror_id == ""
    assert Organisation.objects.get(acronym="HDH").kind == "agency"
    assert Organisation.objects.filter(acronym="CNAM").exists()
    funders = set(
        Organisation.objects.filter(kind="funder").values_list("name", flat=True)
    )
    assert {
        "Agence nationale de la recherche",
        "France 2030",
        "Bpifrance",
        "Commission européenne",
    } <= funders
    assert Organisation.objects.filter(kind="university").count() >= 10
    for file_name in [
        "french_university_hospitals_ror.csv",
        "french_cancer_centres_ror.csv",
    ]:
        with open(DATA_DIR / file_name, encoding="utf-8") as handle:
            rors = {normalise_ror(row["ror"]) for row in csv.DictReader(handle)}
        assert Organisation.objects.filter(
            ror_id__in=rors, kind="hospital"
        ).count() == len(rors)


def _check_datasets() -> None:
    snds = Dataset.objects.get(acronym="SNDS")
    assert snds.producer.acronym == "CNAM" and snds.access_route == "hdh"
    for words in ["MR-004", "MR-008", "CESREES", "CNIL", "Health Data Hub"]:
        assert words in snds.access_procedure
    assert Dataset.objects.get(acronym="CépiDc").producer.parent.acronym == "Inserm"
    assert (
        Dataset.objects.filter(kind="warehouse", access_route="hospital").count() >= 4
    )
    assert Dataset.objects.filter(acronym="Constances", kind="cohort").exists()
    others = Dataset.objects.filter(kind__in=["cohort", "registry"]).exclude(
        acronym__in=["Constances", "CépiDc"]
    )
    assert others.count() >= 3
    for dataset in Dataset.objects.all():
        assert dataset.population and dataset.period_start and dataset.access_procedure
        assert dataset.landing_page.startswith("https://")
    standards = set(
        Dataset.standards.through.objects.values_list("datastandard__name", flat=True)
    )
    assert {"OMOP", "FHIR", "DICOM", "CIM-10"} <= standards


def _check_teams_and_people() -> None:
    teams = Team.objects.filter(is_fictional=True).prefetch_related("parents")
    assert teams.count() >= 40
    joint = 0
    for team in teams:
        validate_rnsr(team.rnsr)
        assert team.city and team.lead_id and list(team.expertise.names())
        joint += team.parents.count() >= 2
    assert joint >= 0.6 * teams.count()
    people = Person.objects.filter(is_fictional=True)
    assert people.count() >= 150
    assert not people.filter(memberships__isnull=True).exists()
    assert all(
        email.endswith("@example.org")
        for email in people.values_list("email", flat=True)
    )
    orcids = [orcid for orcid in people.values_list("orcid", flat=True) if orcid]
    assert len(orcids) >= 30
    for orcid in orcids:
        validate_orcid(orcid)


def _check_projects() -> None:
    projects = Project.objects.prefetch_related(
        "domains",
        "techniques",
        "partners__team__parents",
        "members",
        "dataset_uses",
        "fundings__funder",
        "publications",
    )
    total = projects.count()
    assert total >= 150 and not projects.filter(is_fictional=False).exists()
    domains, techniques, multi, cross, english = set(), set(), 0, 0, 0
    summaries = set()
    for project in projects:
        domains |= {_top(domain) for domain in project.domains.all()}
        techniques |= {_top(technique) for technique in project.techniques.all()}
        teams = [p.team for p in project.partners.all() if p.team_id]
        institute_sets = [
            {o.pk for o in team.parents.all() if o.kind == "institute"}
            for team in teams
        ]
        multi += len(teams) >= 2
        cross += (
            len(teams) >= 2
            and len(set.union(*institute_sets)) >= 2
            and not set.intersection(*institute_sets)
        )
        english += bool(project.title_en and project.summary_en)
        summaries.add(project.summary)
        assert 1 <= project.trl <= 9 and project.end_date >= project.start_date
        assert project.members.exists() and project.fundings.exists()
        assert all(use.purpose for use in project.dataset_uses.all())
        assert project.dataset_uses.exists()
        assert all(f.funder.kind == "funder" for f in project.fundings.all())
        for publication in project.publications.all():
            publication.full_clean()
        assert project.description.count("<p>") >= 2
    assert len(summaries) == total, "two projects share a summary"
    assert len(domains) >= 15 and len(techniques) >= 10
    assert multi >= 0.6 * total and cross >= 0.3 * total
    assert english >= total / 3
    assert Project.objects.exclude(publications=None).count() >= 30
    mature = Project.objects.filter(trl__gte=7)
    assert (
        mature.exclude(ce_class="").exists() and mature.exclude(ai_act_risk="").exists()
    )
    assert Domain.objects.count() and Technique.objects.count()


def _check_publishing() -> None:
    total = Project.objects.count()
    drafts = Project.objects.filter(live=False)
    assert 0.05 * total <= drafts.count() <= 0.12 * total
    assert not drafts.exclude(first_published_at=None).exists()
    assert not Project.objects.filter(live=True, live_revision=None).exists()


def _check_calls() -> None:
    """Open calls of fictional teams, each seeking something the team lacks."""
    calls = CollaborationCall.objects.public().select_related("team")
    assert calls.count() == 12
    for call in calls:
        assert call.team is not None and call.team.is_fictional
        assert call.domains.exists()


def _check_evaluations() -> None:
    criteria = EvaluationCriterion.objects.count()
    for status in Evaluation.Status.values:
        assert Evaluation.objects.filter(status=status).count() >= 30, status
    evaluations = Evaluation.objects.select_related("evaluator", "project")
    on_published = 0
    for evaluation in evaluations.prefetch_related("scores"):
        assert REFERENCE.match(evaluation.reference) and evaluation.model_version
        assert evaluation.evaluator.acronym == "INESIA" and evaluation.summary
        evaluation.full_clean()  # dates in order, verdict once finished
        finished = evaluation.status in ("completed", "published")
        assert bool(evaluation.verdict) == finished
        assert len(evaluation.scores.all()) == (criteria if finished else 0)
        assert bool(evaluation.report_url) == (evaluation.status == "published")
        on_published += evaluation.project.live
    assert on_published >= 0.9 * evaluations.count()


def _check_matching_labelled_set():
    """The hand-labelled matching needs (bench/data/matching_labelled.yaml) name
    teams by slug: each one must exist, or the benchmark silently loses needs."""
    from bench.labelled import labelled_needs, labelled_slugs

    needs = labelled_needs()
    assert len(needs) >= 40 and sum(n.lang == "en" for n in needs) >= 10
    slugs = labelled_slugs(needs)
    known = set(Team.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    assert slugs - known == set()


def _check_matching_ceiling():
    """Every hide-one-partner case has its draw's odds in the demo's specs, so the
    benchmark's ceiling (bench/matching_ceiling.py) speaks of all of them."""
    from bench.matching import bench_cases
    from bench.matching_ceiling import ceilings
    from search.matching.signals import registry_load

    cases = bench_cases(registry_load())
    ceiling = ceilings(cases)["all"]
    assert cases and ceiling.cases == len(cases)
    assert 0 < ceiling.recall5 <= ceiling.recall10 <= 1


def test_seed_demo_loads_every_threshold_and_is_idempotent():
    output = _seed()

    assert "Projets" in output
    _check_organisations()
    _check_datasets()
    _check_teams_and_people()
    _check_projects()
    _check_publishing()
    _check_evaluations()
    _check_calls()
    _check_matching_labelled_set()
    _check_matching_ceiling()
    check_plausibility()
    check_demo_trends()
    check_first_searches()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        assert PortalSettings.for_site(site).demo_data_loaded

    before = _counts()
    _seed()
    assert _counts() == before
    check_demo_trends()
