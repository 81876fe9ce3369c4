"""Indicator selectors: one keyword-only function per indicator, each a few database
aggregations over the filtered public subset.

Every function receives `DashboardFilters` (whose `projects` already starts from
`Project.objects.public()`) and returns plain JSON-able data: the same dict feeds the
page, the CSV files, the API and the monthly snapshots. The number of queries of each
function is fixed: it never depends on the number of projects.
"""

import datetime
import statistics
from collections import Counter, defaultdict
from itertools import combinations

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse

from portal.core.data_version import data_version, version_cached
from projects.dashboard.filters import DashboardFilters
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectPartner,
    Technique,
)
from projects.models.project import STAGE_TRL_RANGES, Stage, public_project_q
from registry.models import Dataset, Evaluation, Organisation, Team

# "Clinical validation or beyond": the lowest TRL of the clinical-validation stage.
CLINICAL_TRL = STAGE_TRL_RANGES[Stage.CLINICAL_VALIDATION][0]
# Request-to-verdict delays are shown in these bands (upper bounds in days).
DELAY_BANDS = [(90, "≤ 3 mois"), (180, "3 à 6 mois"), (365, "6 à 12 mois")]
# The network drawing keeps the teams with most projects; the table lists every link.
NETWORK_MAX_TEAMS = 30


def _institutes() -> list[Organisation]:
    """Inserm, Inria, CNRS, CEA…: top-level research institutes, as in the filters."""
    return list(
        Organisation.objects.filter(
            kind=Organisation.Kind.RESEARCH_INSTITUTE, parent__isnull=True
        ).order_by("name")
    )


def _affiliated_q(institute_id: int) -> Q:
    # The paths of ProjectFilter.filter_institute: a bar and the list filtered on the
    # same institute always show the same number of projects.
    return (
        Q(lead_organisation=institute_id)
        | Q(lead_organisation__parent=institute_id)
        | Q(partners__organisation=institute_id)
        | Q(partners__team__parents=institute_id)
        | Q(lead_team__parents=institute_id)
    )


def _stage_case() -> Case:
    return Case(
        *[
            When(trl__gte=low, trl__lte=high, then=Value(stage.value))
            for stage, (low, high) in STAGE_TRL_RANGES.items()
        ],
        output_field=CharField(),
    )


def _public_evaluations(*, filters: DashboardFilters):
    evaluations = Evaluation.objects.public()
    if filters.as_of:
        evaluations = evaluations.filter(published_on__lte=filters.as_of)
    return evaluations


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def indicator_projects_by_institute(*, filters: DashboardFilters) -> dict:
    """Projects each institute takes part in (lead or partner), now and before."""
    institutes = _institutes()
    current, previous = filters.current_q(), filters.previous_q()
    aggregates = {"total": Count("pk", distinct=True, filter=current)}
    for institute in institutes:
        affiliated = _affiliated_q(institute.pk)
        aggregates[f"current_{institute.pk}"] = Count(
            "pk", distinct=True, filter=current & affiliated
        )
        aggregates[f"previous_{institute.pk}"] = Count(
            "pk", distinct=True, filter=previous & affiliated
        )
    counts = filters.projects.aggregate(**aggregates)
    rows = []
    for institute in institutes:
        value = counts[f"current_{institute.pk}"]
        before = counts[f"previous_{institute.pk}"]
        rows.append(
            {
                "key": institute.slug,
                "label": institute.short_name,
                "url": institute.get_absolute_url(),
                "value": value,
                "previous": before,
                "change": value - before,
            }
        )
    return {
        "total": counts["total"],
        "previous_label": str(filters.previous_label),
        "rows": rows,
    }


def indicator_projects_by_year(*, filters: DashboardFilters) -> dict:
    """Projects by year of start, each year compared with the year before."""
    by_year = dict(
        filters.projects.filter(start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .values_list("year", "count")
    )
    if not by_year:
        return {"rows": [], "undated": 0}
    first = filters.year_from or min(by_year)
    last = filters.year_to or max(by_year)
    rows = [
        {
            "key": str(year),
            "label": str(year),
            "value": by_year.get(year, 0),
            "previous": by_year.get(year - 1, 0),
            "change": by_year.get(year, 0) - by_year.get(year - 1, 0),
        }
        for year in range(first, last + 1)
    ]
    return {"rows": rows}


def _grouped_with_change(
    *, filters: DashboardFilters, projects, group: str, choices
) -> dict:
    current, previous = filters.current_q(), filters.previous_q()
    counts = {
        row[group]: row
        for row in projects.order_by()
        .values(group)
        .annotate(
            current=Count("pk", filter=current), previous=Count("pk", filter=previous)
        )
    }
    rows = []
    for value, label in choices:
        row = counts.get(value, {"current": 0, "previous": 0})
        rows.append(
            {
                "key": value,
                "label": str(label),
                "value": row["current"],
                "previous": row["previous"],
                "change": row["current"] - row["previous"],
            }
        )
    return {
        "total": sum(row["value"] for row in rows),
        "previous_label": str(filters.previous_label),
        "rows": rows,
    }


def indicator_projects_by_status(*, filters: DashboardFilters) -> dict:
    """Projects by status (planned, active, completed, stopped), now and before."""
    return _grouped_with_change(
        filters=filters,
        projects=filters.projects,
        group="status",
        choices=Project.Status.choices,
    )


def indicator_projects_by_stage(*, filters: DashboardFilters) -> dict:
    """Projects by stage, the TRL bands of `STAGE_TRL_RANGES`, now and before."""
    data = _grouped_with_change(
        filters=filters,
        projects=filters.projects.annotate(stage=_stage_case()),
        group="stage",
        choices=Stage.choices,
    )
    for row in data["rows"]:
        low, high = STAGE_TRL_RANGES[Stage(row["key"])]
        row["trl"] = f"{low}–{high}"
    return data


def indicator_domain_technique_matrix(*, filters: DashboardFilters) -> dict:
    """Projects per medical domain × AI technique, both by top-level heading."""
    domains = list(Domain.objects.filter(parent__isnull=True).order_by("position"))
    techniques = list(
        Technique.objects.filter(parent__isnull=True).order_by("position")
    )
    cells = {
        (row["domain_heading"], row["technique_heading"]): row["count"]
        for row in filters.projects.filter(filters.current_q())
        .annotate(
            domain_heading=Coalesce("domains__parent", "domains"),
            technique_heading=Coalesce("techniques__parent", "techniques"),
        )
        .filter(domain_heading__isnull=False, technique_heading__isnull=False)
        .order_by()
        .values("domain_heading", "technique_heading")
        .annotate(count=Count("pk", distinct=True))
    }
    used_domains = [d for d in domains if any(k[0] == d.pk for k in cells)]
    used_techniques = [t for t in techniques if any(k[1] == t.pk for k in cells)]
    return {
        "domains": [{"key": d.slug, "label": d.display_name} for d in used_domains],
        "techniques": [
            {"key": t.slug, "label": t.display_name} for t in used_techniques
        ],
        "values": [
            [cells.get((d.pk, t.pk), 0) for t in used_techniques] for d in used_domains
        ],
    }


def indicator_dataset_usage(*, filters: DashboardFilters) -> dict:
    """Projects per dataset and per dataset kind; access requested, granted, refused."""
    uses = ProjectDataset.objects.filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    statuses = ProjectDataset.AccessStatus
    access_counts = {
        "requested": Count("pk"),
        "granted": Count("pk", filter=Q(access_status=statuses.GRANTED)),
        "refused": Count("pk", filter=Q(access_status=statuses.REFUSED)),
        "pending": Count("pk", filter=Q(access_status=statuses.REQUESTED)),
    }
    datasets = [
        {
            "key": row["dataset__slug"],
            "label": row["dataset__acronym"] or row["dataset__name"],
            "name": row["dataset__name"],
            "url": reverse(
                "registry:dataset_detail", kwargs={"slug": row["dataset__slug"]}
            ),
            "kind": str(Dataset.Kind(row["dataset__kind"]).label),
            "value": row["projects"],
            **{name: row[name] for name in access_counts},
        }
        for row in uses.order_by()
        .values("dataset__slug", "dataset__name", "dataset__acronym", "dataset__kind")
        .annotate(projects=Count("project", distinct=True), **access_counts)
        .order_by("-projects", "dataset__name")
    ]
    kinds_found = {
        row["dataset__kind"]: row
        for row in uses.order_by()
        .values("dataset__kind")
        .annotate(projects=Count("project", distinct=True), **access_counts)
    }
    kinds = [
        {
            "key": kind,
            "label": str(label),
            "value": kinds_found[kind]["projects"],
            **{name: kinds_found[kind][name] for name in access_counts},
        }
        for kind, label in Dataset.Kind.choices
        if kind in kinds_found
    ]
    access = {name: sum(row[name] for row in kinds) for name in access_counts}
    access["granted_share"] = _share(access["granted"], access["requested"])
    return {"datasets": datasets, "kinds": kinds, "access": access}


def indicator_evaluation_coverage(*, filters: DashboardFilters) -> dict:
    """Share of projects at clinical validation or beyond with a published evaluation."""
    evaluations = _public_evaluations(filters=filters)
    found = {
        row["stage"]: row
        for row in filters.projects.filter(filters.current_q(), trl__gte=CLINICAL_TRL)
        .annotate(
            stage=_stage_case(),
            has_evaluation=Exists(evaluations.filter(project=OuterRef("pk"))),
        )
        .order_by()
        .values("stage")
        .annotate(
            total=Count("pk"), evaluated=Count("pk", filter=Q(has_evaluation=True))
        )
    }
    rows = []
    for stage, label in Stage.choices:
        if STAGE_TRL_RANGES[Stage(stage)][1] < CLINICAL_TRL:
            continue
        row = found.get(stage, {"total": 0, "evaluated": 0})
        rows.append(
            {
                "key": stage,
                "label": str(label),
                "total": row["total"],
                "value": row["evaluated"],
                "not_evaluated": row["total"] - row["evaluated"],
                "share": _share(row["evaluated"], row["total"]),
            }
        )
    total = sum(row["total"] for row in rows)
    evaluated = sum(row["value"] for row in rows)
    return {
        "total": total,
        "evaluated": evaluated,
        "share": _share(evaluated, total),
        "rows": rows,
    }


def indicator_evaluation_verdicts(*, filters: DashboardFilters) -> dict:
    """Verdicts of published evaluations, and the delay from request to verdict."""
    evaluations = _public_evaluations(filters=filters).filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    counts = dict(
        evaluations.order_by()
        .values("verdict")
        .annotate(count=Count("pk"))
        .values_list("verdict", "count")
    )
    total = sum(counts.values())
    verdicts = [
        {
            "key": verdict,
            "label": str(label),
            "value": counts.get(verdict, 0),
            "share": _share(counts.get(verdict, 0), total),
        }
        for verdict, label in Evaluation.Verdict.choices
    ]
    # The verdict date comes from the evaluation workflow (`with_days_to_verdict`:
    # completion, else publication). The median is taken in Python: the portable
    # alternative to PostgreSQL's percentile_cont, over one row per evaluation.
    delays = [
        (verdict_on - requested_on).days
        for requested_on, verdict_on in evaluations.with_days_to_verdict().values_list(
            "requested_on", "verdict_on"
        )
        if verdict_on and verdict_on >= requested_on
    ]
    bands = Counter()
    for days in delays:
        label = next((lbl for limit, lbl in DELAY_BANDS if days <= limit), "> 12 mois")
        bands[label] += 1
    band_labels = [label for _limit, label in DELAY_BANDS] + ["> 12 mois"]
    return {
        "total": total,
        "rows": verdicts,
        "median_days": round(statistics.median(delays)) if delays else None,
        "delays_counted": len(delays),
        "delay_bands": [
            {"key": label, "label": label, "value": bands[label]}
            for label in band_labels
        ],
    }


def indicator_collaboration(*, filters: DashboardFilters) -> dict:
    """Cross-institute projects and the network of teams linked by shared projects.

    A project is cross-institute when its teams (lead team and partner teams) come
    from at least two different institutes: no single institute is a tutelle of every
    one of its teams that has one. A joint unit alone (Inserm and CNRS) is therefore
    not a cross-institute project, an Inserm team working with an Inria team is.
    A graph needs its edges, so this one fetches (project, team) and (team, institute)
    pairs — a fixed number of queries whatever the size — and counts them in Python.
    """
    current = filters.projects.filter(filters.current_q())
    lead_pairs = (
        current.filter(lead_team__isnull=False)
        .order_by()
        .values_list("pk", "lead_team_id")
    )
    partner_pairs = (
        ProjectPartner.objects.filter(
            project__in=current.values("pk"), team__isnull=False
        )
        .order_by()
        .values_list("project_id", "team_id")
    )
    project_teams: dict[int, set[int]] = defaultdict(set)
    for project_id, team_id in lead_pairs.union(partner_pairs):
        project_teams[project_id].add(team_id)
    team_ids = set().union(*project_teams.values()) if project_teams else set()
    institutes = {institute.pk: institute for institute in _institutes()}
    team_institutes: dict[int, set[int]] = defaultdict(set)
    for team_id, institute_id in Team.parents.through.objects.filter(
        team_id__in=team_ids, organisation_id__in=list(institutes)
    ).values_list("team_id", "organisation_id"):
        team_institutes[team_id].add(institute_id)
    teams = {
        row["pk"]: row
        for row in Team.objects.filter(pk__in=team_ids).values(
            "pk", "acronym", "name", "slug"
        )
    }
    total = current.count()

    cross_institute = 0
    institute_pairs: Counter = Counter()
    team_links: Counter = Counter()
    team_projects: Counter = Counter()
    for members in project_teams.values():
        tutelles = [team_institutes[team] for team in members if team_institutes[team]]
        if len(tutelles) >= 2 and not set.intersection(*tutelles):
            cross_institute += 1
            involved = set().union(*tutelles)
            for pair in combinations(sorted(involved), 2):
                institute_pairs[pair] += 1
        for pair in combinations(sorted(members), 2):
            team_links[pair] += 1
        team_projects.update(members)

    def team_node(team_id: int) -> dict:
        team = teams[team_id]
        return {
            "key": f"t{team_id}",
            "label": team["acronym"] or team["name"],
            "name": team["name"],
            "url": reverse("registry:team_detail", kwargs={"slug": team["slug"]}),
            "projects": team_projects[team_id],
            "institutes": sorted(
                institutes[i].short_name for i in team_institutes[team_id]
            ),
        }

    ordered_teams = sorted(
        team_projects, key=lambda t: (-team_projects[t], teams[t]["name"])
    )
    return {
        "total": total,
        "cross_institute": cross_institute,
        "share": _share(cross_institute, total),
        "institutes": [
            {"key": institute.short_name, "label": institute.short_name}
            for institute in institutes.values()
        ],
        "institute_pairs": [
            {
                "a": institutes[a].short_name,
                "b": institutes[b].short_name,
                "value": count,
            }
            for (a, b), count in sorted(
                institute_pairs.items(),
                key=lambda item: (-item[1], institutes[item[0][0]].short_name),
            )
        ],
        "teams": [team_node(team_id) for team_id in ordered_teams],
        "links": [
            {"a": f"t{a}", "b": f"t{b}", "value": count}
            for (a, b), count in sorted(
                team_links.items(),
                key=lambda item: (-item[1], teams[item[0][0]]["name"], item[0]),
            )
        ],
    }


def indicator_funding_by_programme(*, filters: DashboardFilters) -> dict:
    """Projects and amounts by funder and programme."""
    rows = []
    for row in (
        ProjectFunding.objects.filter(
            project__in=filters.projects.filter(filters.current_q()).values("pk")
        )
        .order_by()
        .values("programme", "funder__acronym", "funder__name")
        .annotate(
            projects=Count("project", distinct=True),
            grants=Count("pk"),
            amount=Sum("amount_eur"),
        )
        .order_by("-projects", "programme", "funder__name")
    ):
        funder = row["funder__acronym"] or row["funder__name"]
        programme = row["programme"] or "—"
        rows.append(
            {
                "key": f"{funder} {programme}",
                "label": f"{funder} · {programme}" if row["programme"] else funder,
                "funder": funder,
                "programme": programme,
                "value": row["projects"],
                "grants": row["grants"],
                "amount_eur": int(row["amount"]) if row["amount"] is not None else None,
            }
        )
    return {"rows": rows}


INDICATORS = {
    "projects_by_institute": indicator_projects_by_institute,
    "projects_by_year": indicator_projects_by_year,
    "projects_by_status": indicator_projects_by_status,
    "projects_by_stage": indicator_projects_by_stage,
    "domain_technique": indicator_domain_technique_matrix,
    "datasets": indicator_dataset_usage,
    "evaluation_coverage": indicator_evaluation_coverage,
    "evaluation_verdicts": indicator_evaluation_verdicts,
    "collaboration": indicator_collaboration,
    "funding": indicator_funding_by_programme,
}


def indicator_summary(*, indicators: dict) -> dict:
    """Headline figures derived from the indicators (no query): the trend curves."""
    stages = {
        row["key"]: row["value"] for row in indicators["projects_by_stage"]["rows"]
    }
    return {
        "projects": indicators["projects_by_status"]["total"],
        "clinical_or_beyond": sum(
            count
            for stage, count in stages.items()
            if STAGE_TRL_RANGES[Stage(stage)][0] >= CLINICAL_TRL
        ),
        "evaluated": indicators["evaluation_coverage"]["evaluated"],
        "cross_institute": indicators["collaboration"]["cross_institute"],
        "dataset_uses": indicators["datasets"]["access"]["requested"],
    }


def indicators_compute(*, filters: DashboardFilters) -> dict:
    """Every indicator for these filters, as one JSON-able dict."""
    indicators = {
        name: compute(filters=filters) for name, compute in INDICATORS.items()
    }
    indicators["summary"] = indicator_summary(indicators=indicators)
    indicators["computed_on"] = (filters.as_of or datetime.date.today()).isoformat()
    return indicators


# Caching: the key is the filters, the language and a data version read from the
# database itself (counts and latest changes of projects and evaluations) rather than
# a counter bumped by signals: bulk imports, queryset updates and Wagtail's unpublish
# (which saves with update_fields, leaving updated_at alone) bypass signals, but not
# these two cheap aggregate queries. Changes that touch neither table (a team's
# tutelles, a dataset's kind) are caught by the timeout, short enough for a dashboard.


def indicators_data_version() -> str:
    """A fingerprint of the data the indicators read; it changes with every edit."""
    return data_version(
        [
            (
                Project.objects.all(),
                {
                    "count": Count("pk"),
                    "live": Count("pk", filter=public_project_q()),
                    "changed": Max("updated_at"),
                    "published": Max("last_published_at"),
                },
            ),
            (
                Evaluation.objects.all(),
                {"count": Count("pk"), "changed": Max("updated_at")},
            ),
        ]
    )


def indicators_cached(*, filters: DashboardFilters) -> dict:
    """`indicators_compute`, served from the cache while the data is unchanged."""
    return version_cached(
        namespace="dashboard:indicators",
        key=filters.key,
        version=indicators_data_version(),
        compute=lambda: indicators_compute(filters=filters),
        timeout=settings.DASHBOARD_CACHE_TIMEOUT,
    )
