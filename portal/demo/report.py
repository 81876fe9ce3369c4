"""How plausible the loaded demo set is, measured from the database (`seed_demo --report`).

Every figure is read back from the rows, never from the generator, so the same report
judges any generator: datasets by modality, how well the teams keep to a specialty,
the spread of evaluation delays, the calls' deadlines and texts, and whether a project
gives the same figures in its summary, description and English text.
"""

import re
from collections import Counter, defaultdict
from datetime import date
from statistics import median

from projects.collaboration.models import CollaborationCall
from projects.models import Domain, Project, ProjectDataset, ProjectPartner, Technique
from projects.models.project import stage_for_trl
from registry.models import Dataset, Evaluation

# Request-to-verdict delays, in the bands the dashboard shows (upper bounds in days).
DELAY_BANDS = [(90, "≤ 3 mois"), (180, "3 à 6 mois"), (365, "6 à 12 mois")]
OVER_A_YEAR = "> 12 mois"
# The modality of a project, read from its taxonomy terms (first match wins).
IMAGE_DOMAINS = {"ophtalmologie", "anatomopathologie", "dermatologie", "radiologie"}
SLIDE_OR_EYE_DOMAINS = {"ophtalmologie", "anatomopathologie"}
# A figure, French ("12 500", narrow or plain space) or English ("12,500"), or a lone
# number; written out numbers ("dix") are not figures of the project.
NUMBER = re.compile(
    r"(?<![\w-])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|(?<![\w-])\d+"
)


def _top(term) -> str:
    return term.parent.slug if term.parent_id else term.slug


def project_modality(domains: set[str], techniques: set[str]) -> str:
    """Imaging, text, signals or tabular: what the project mainly works on."""
    if "tal" in techniques:
        return "textes"
    if "vision" in techniques or domains & IMAGE_DOMAINS:
        return "images"
    if "series-temporelles" in techniques:
        return "signaux"
    return "données structurées"


def _projects() -> list[dict]:
    rows = []
    queryset = Project.objects.prefetch_related(
        "domains__parent", "techniques__parent", "dataset_uses__dataset", "partners"
    ).order_by("pk")
    for project in queryset:
        domains = {_top(d) for d in project.domains.all()}
        techniques = {_top(t) for t in project.techniques.all()}
        rows.append(
            {
                "project": project,
                "domains": domains,
                "techniques": techniques,
                "modality": project_modality(domains, techniques),
                "datasets": sorted(
                    {use.dataset.acronym for use in project.dataset_uses.all()}
                ),
                "lead": next(
                    (
                        p.team_id
                        for p in project.partners.all()
                        if p.role == ProjectPartner.Role.COORDINATOR
                    ),
                    project.lead_team_id,
                ),
            }
        )
    return rows


def datasets_by_modality(rows: list[dict]) -> dict:
    """Share of projects using each dataset, overall and within each modality."""
    overall = Counter(name for row in rows for name in row["datasets"])
    by_modality: dict[str, Counter] = defaultdict(Counter)
    sizes = Counter(row["modality"] for row in rows)
    for row in rows:
        by_modality[row["modality"]].update(row["datasets"])
    total = len(rows) or 1
    return {
        "projects": len(rows),
        "overall": {name: count / total for name, count in overall.most_common()},
        "by_modality": {
            modality: {
                "projects": sizes[modality],
                "datasets": {
                    name: count / sizes[modality]
                    for name, count in by_modality[modality].most_common()
                },
            }
            for modality in sorted(sizes)
        },
        "snds_in_eye_or_slide_projects": sum(
            1
            for row in rows
            if "SNDS" in row["datasets"] and row["domains"] & SLIDE_OR_EYE_DOMAINS
        ),
    }


def team_coherence(rows: list[dict]) -> dict:
    """Share of a team's projects (as lead) within its specialty.

    A team's specialty is what most of its projects share: its two most frequent
    technique families (a family and its usual companion: vision and deep learning)
    and its two most frequent medical domains. A project is within it when it uses one
    of those families and one of those domains. A team whose projects scatter over
    techniques and domains scores low whatever it declares.
    """
    by_team: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        if row["lead"]:
            by_team[row["lead"]].append(row)
    shares, within_all, total_all, main_family = [], 0, 0, 0
    for projects in by_team.values():
        families = Counter(t for row in projects for t in row["techniques"])
        domains = Counter(d for row in projects for d in row["domains"])
        top_families = {f for f, _n in families.most_common(2)}
        top_domains = {d for d, _n in domains.most_common(2)}
        within = sum(
            1
            for row in projects
            if row["techniques"] & top_families and row["domains"] & top_domains
        )
        main = families.most_common(1)[0][0] if families else None
        main_family += sum(1 for row in projects if main in row["techniques"])
        shares.append(within / len(projects))
        within_all += within
        total_all += len(projects)
    shares.sort()
    return {
        "teams": len(shares),
        "projects_within_specialty": within_all / total_all if total_all else 0.0,
        "projects_with_main_family": main_family / total_all if total_all else 0.0,
        "median_team_share": shares[len(shares) // 2] if shares else 0.0,
        "lowest_team_share": shares[0] if shares else 0.0,
        "families_per_team": (
            sum(
                len({t for row in projects for t in row["techniques"]})
                for projects in by_team.values()
            )
            / len(by_team)
            if by_team
            else 0.0
        ),
    }


def delay_bands() -> dict[str, int]:
    """Request-to-verdict delays of finished evaluations, per band."""
    bands = Counter()
    finished = Evaluation.objects.exclude(completed_on=None).values_list(
        "requested_on", "completed_on"
    )
    for requested, completed in finished:
        days = (completed - requested).days
        bands[next((lbl for top, lbl in DELAY_BANDS if days <= top), OVER_A_YEAR)] += 1
    return {label: bands[label] for label in [*dict(DELAY_BANDS).values(), OVER_A_YEAR]}


def access_decisions() -> dict:
    """Dated requests and decisions of the project-dataset links: how many decisions
    carry their date, the median request-to-decision delay per dataset kind, and the
    share of decisions that refuse (overall and for the SNDS)."""
    statuses = ProjectDataset.AccessStatus
    rows = ProjectDataset.objects.values_list(
        "access_status",
        "access_requested_on",
        "access_decided_on",
        "dataset__kind",
        "dataset__acronym",
    )
    decided = [row for row in rows if row[0] != statuses.REQUESTED]
    pending = [row for row in rows if row[0] == statuses.REQUESTED]
    dated = [row for row in decided if row[1] and row[2]]
    delays: dict[str, list[int]] = defaultdict(list)
    for _status, requested, decision, kind, _acronym in dated:
        delays[kind].append((decision - requested).days)
    snds = [row for row in decided if row[4] == "SNDS"]
    latest = [day for row in rows for day in row[1:3] if day]
    return {
        "links": len(rows),
        "decided": len(decided),
        "decided_dated": len(dated) / len(decided) if decided else 1.0,
        "pending": len(pending),
        "pending_dated": (
            sum(1 for row in pending if row[1] and not row[2]) / len(pending)
            if pending
            else 1.0
        ),
        "median_delay_days": {
            kind: median(days) for kind, days in sorted(delays.items())
        },
        "refused_share": _refused(decided),
        "snds_refused_share": _refused(snds),
        "latest_date": max(latest) if latest else None,
    }


def _refused(decided: list[tuple]) -> float:
    refused = sum(1 for row in decided if row[0] == ProjectDataset.AccessStatus.REFUSED)
    return refused / len(decided) if decided else 0.0


def stage_dates() -> dict:
    """How many started projects date their current stage, and whether each date lies
    between the start and today; median months at the stage, per stage."""
    today = date.today()
    started = Project.objects.exclude(start_date=None).filter(start_date__lte=today)
    rows = list(started.values_list("trl", "start_date", "stage_reached_on"))
    months: dict[str, list[int]] = defaultdict(list)
    for trl, _start, reached in rows:
        if reached:
            months[str(stage_for_trl(trl).label)].append((today - reached).days // 30)
    return {
        "started": len(rows),
        "dated": sum(1 for row in rows if row[2]) / len(rows) if rows else 1.0,
        "out_of_bounds": sum(
            1
            for _trl, start, reached in rows
            if reached and not start <= reached <= today
        ),
        "median_months": {stage: median(m) for stage, m in sorted(months.items())},
    }


def _shingles(text: str) -> set[tuple[str, ...]]:
    # Acronyms left out: two calls that differ only by the team's name share a template.
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 2]
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def calls_spread() -> dict:
    """How many calls, distinct deadlines and texts, and how much text they share."""
    calls = list(CollaborationCall.objects.values_list("deadline", "text"))
    shingles = [_shingles(text) for _deadline, text in calls]
    shared = [
        len(mine & set().union(*(s for j, s in enumerate(shingles) if j != i)))
        / len(mine)
        for i, mine in enumerate(shingles)
        if mine
    ]
    deadlines = [deadline for deadline, _text in calls]
    return {
        "calls": len(calls),
        "distinct_deadlines": len(set(deadlines)),
        "deadline_span_days": (max(deadlines) - min(deadlines)).days if calls else 0,
        "distinct_texts": len({text for _deadline, text in calls}),
        "shared_text": sum(shared) / len(shared) if shared else 0.0,
    }


def figures_of(text: str) -> list[int]:
    """The numbers a text states, whatever the thousands separator, sorted."""
    text = re.sub(r"<[^>]+>", " ", text)
    return sorted(int(re.sub(r"\D", "", match)) for match in NUMBER.findall(text))


def figures_consistency(rows: list[dict]) -> dict:
    """Share of projects whose summary, description and English summary state the
    same figures (population, period, sites)."""
    consistent = with_english = english_consistent = 0
    for row in rows:
        project = row["project"]
        summary = figures_of(project.summary)
        same = summary == figures_of(project.description)
        if project.summary_en:
            with_english += 1
            english_same = figures_of(project.summary_en) == summary
            english_consistent += english_same
            same = same and english_same
        consistent += same
    total = len(rows) or 1
    return {
        "projects_consistent": consistent / total,
        "english_consistent": english_consistent / with_english
        if with_english
        else 1.0,
    }


def taxonomy_coverage(rows: list[dict]) -> dict:
    return {
        "domains_used": len({d for row in rows for d in row["domains"]}),
        "domains": Domain.objects.filter(parent=None).count(),
        "techniques_used": len({t for row in rows for t in row["techniques"]}),
        "techniques": Technique.objects.filter(parent=None).count(),
    }


def plausibility_report() -> dict:
    """Every measured distribution of the loaded demo set."""
    rows = _projects()
    return {
        "datasets": datasets_by_modality(rows),
        "teams": team_coherence(rows),
        "delays": delay_bands(),
        "access": access_decisions(),
        "stages": stage_dates(),
        "calls": calls_spread(),
        "figures": figures_consistency(rows),
        "taxonomies": taxonomy_coverage(rows),
    }


def _pct(value: float) -> str:
    return f"{100 * value:.0f} %"


def report_lines(report: dict) -> list[str]:
    """The report as text, for `seed_demo --report`."""
    datasets, teams = report["datasets"], report["teams"]
    lines = [
        f"Projets : {datasets['projects']}",
        "Jeux de données (part des projets) :",
    ]
    lines += [f"  {name} : {_pct(v)}" for name, v in datasets["overall"].items()]
    for modality, found in datasets["by_modality"].items():
        lines.append(f"  projets sur {modality} ({found['projects']}) :")
        lines += [f"    {name} : {_pct(v)}" for name, v in found["datasets"].items()]
    lines += [
        "  projets d’ophtalmologie ou de lames utilisant le SNDS : "
        f"{datasets['snds_in_eye_or_slide_projects']}",
        f"Équipes porteuses : {teams['teams']}",
        f"  projets dans la spécialité de l’équipe : "
        f"{_pct(teams['projects_within_specialty'])}",
        "  projets utilisant la famille de techniques principale de l’équipe : "
        f"{_pct(teams['projects_with_main_family'])}",
        f"  part médiane par équipe : {_pct(teams['median_team_share'])}, "
        f"la plus basse : {_pct(teams['lowest_team_share'])}",
        f"  familles de techniques par équipe : {teams['families_per_team']:.1f}",
        "Délais demande → avis des évaluations : "
        + ", ".join(f"{band} {n}" for band, n in report["delays"].items()),
    ]
    calls, figures, taxonomies = (
        report["calls"],
        report["figures"],
        report["taxonomies"],
    )
    lines += [
        f"Appels : {calls['calls']}, échéances distinctes "
        f"{calls['distinct_deadlines']} (sur {calls['deadline_span_days']} jours), "
        f"textes distincts {calls['distinct_texts']}, part du texte commune à "
        f"d’autres appels {_pct(calls['shared_text'])}",
        "Chiffres identiques résumé / description / anglais : "
        f"{_pct(figures['projects_consistent'])} (anglais "
        f"{_pct(figures['english_consistent'])})",
        f"Domaines couverts : {taxonomies['domains_used']}/{taxonomies['domains']}, "
        f"techniques : {taxonomies['techniques_used']}/{taxonomies['techniques']}",
    ]
    return lines + _access_lines(report["access"], report["stages"])


def _access_lines(access: dict, stages: dict) -> list[str]:
    return [
        f"Accès aux données : {access['links']} liens projet–jeu, "
        f"{access['decided']} décidés (datés : {_pct(access['decided_dated'])}), "
        f"{access['pending']} en attente (datés : {_pct(access['pending_dated'])})",
        "  délai médian demande → décision : "
        + ", ".join(
            f"{Dataset.Kind(kind).label} {days:.0f} j"
            for kind, days in access["median_delay_days"].items()
        ),
        f"  refus : {_pct(access['refused_share'])} des décisions "
        f"(SNDS : {_pct(access['snds_refused_share'])})",
        f"Stade actuel daté : {_pct(stages['dated'])} des {stages['started']} projets "
        f"commencés, hors bornes : {stages['out_of_bounds']}",
        "  mois médians au stade : "
        + ", ".join(f"{stage} {m:.0f}" for stage, m in stages["median_months"].items()),
    ]
