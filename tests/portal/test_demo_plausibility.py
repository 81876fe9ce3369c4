"""The demo set reads as a registry a policymaker could believe (issue 14): bounds on
the distributions `seed_demo --report` prints, and the generator's rules in memory.

`check_plausibility` runs on the database seeded by tests/portal/test_seed_demo.py
(one seed for both files); the tests below need no seed and take a second.
"""

import random
import re
from collections import Counter
from datetime import date, timedelta
from unittest.mock import patch

from django.db.models import Q

from portal.demo import partners as partners_module
from portal.demo.access_dates import EARLIEST_BEFORE_START, STAGE_SHARE
from portal.demo.calls import call_specs
from portal.demo.data_uses import (
    Figures,
    data_sentence,
    refusals_stratified,
    refused_quota,
)
from portal.demo.loader import SEED, demo_specs
from portal.demo.project_specs import TODAY
from portal.demo.report import (
    figures_of,
    plausibility_report,
    report_lines,
    team_coherence,
)
from portal.demo.stats import demo_counts, repeated_pair_share
from portal.demo.titles import pronounceable
from portal.demo.topics import TOPICS
from projects.models import Project
from projects.models.project import Stage, stage_for_trl
from registry.models import Organisation, Team

IMAGE_MODALITIES = {"imaging", "eye", "skin", "pathology", "video"}


def _specs():
    teams, _people, projects = demo_specs(random.Random(SEED))
    return teams, projects


def check_plausibility() -> None:
    """Bounds on the seeded database (called by test_seed_demo after its seed)."""
    report = plausibility_report()
    # A newcomer's first searches on `make run` (issue 13) each have a published
    # project to find: the demo covers its specialties' main problems.
    for words in ("AVC", "rétinopathie", "apprentissage profond"):
        published = Project.objects.public()
        assert published.filter(
            Q(title__icontains=words) | Q(summary__icontains=words)
        ).exists(), words
    datasets = report["datasets"]
    overall = datasets["overall"]
    assert 0.08 <= overall["SNDS"] <= 0.35, overall
    assert datasets["snds_in_eye_or_slide_projects"] == 0
    assert overall["EDS AP-HP"] > overall["EDS CHU de Lille"]
    images = datasets["by_modality"]["images"]["datasets"]
    assert images.get("SNDS", 0) <= 0.05, images
    structured = datasets["by_modality"]["données structurées"]["datasets"]
    assert structured["SNDS"] >= 0.25, structured

    teams = report["teams"]
    assert teams["projects_within_specialty"] >= 0.8, teams
    # Consortia co-apply to the next call: 40–55 % of partner links pair a lead with a
    # team it works with in another project (34 % when partners were drawn afresh,
    # which left the hide-one-partner benchmark little network to find them by).
    assert 40 <= demo_counts()["repeated_pairs_pct"] <= 55, demo_counts()
    assert teams["median_team_share"] >= 0.75, teams

    delays = report["delays"]
    finished = sum(delays.values())
    assert max(delays.values()) <= 0.6 * finished, delays
    assert sum(1 for count in delays.values() if count) >= 3, delays

    calls = report["calls"]
    assert calls["distinct_deadlines"] == calls["calls"] == calls["distinct_texts"]
    assert calls["deadline_span_days"] >= 90, calls
    assert calls["shared_text"] <= 0.2, calls

    access = report["access"]
    assert access["decided_dated"] == 1.0 and access["pending_dated"] == 1.0, access
    delays = access["median_delay_days"]
    assert 120 <= delays["claims"] <= 365, delays
    assert 30 <= delays["warehouse"] <= 180 and 30 <= delays["cohort"] <= 120, delays
    assert delays["claims"] > max(delays["warehouse"], delays["cohort"]), delays
    assert 0.05 <= access["refused_share"] <= 0.15, access
    assert access["snds_refused_share"] >= access["refused_share"], access
    assert access["latest_date"] <= date.today(), access
    stages = report["stages"]
    assert stages["out_of_bounds"] == 0 and stages["dated"] >= 0.9, stages
    assert any(line.startswith("Accès aux données") for line in report_lines(report))

    assert report["figures"]["projects_consistent"] == 1.0, report["figures"]
    taxonomies = report["taxonomies"]
    assert taxonomies["domains_used"] >= 15 and taxonomies["techniques_used"] >= 10

    titles = list(Project.objects.values_list("title", flat=True))
    assert len(set(titles)) == len(titles)
    assert not [t for t in titles if t.count("à partir de") > 1]
    acronyms = list(Project.objects.values_list("acronym", flat=True)) + list(
        Team.objects.filter(is_fictional=True).values_list("acronym", flat=True)
    )
    assert len(set(acronyms)) == len(acronyms)
    assert all(pronounceable(acronym) for acronym in acronyms), acronyms
    # Real organisations keep their accents.
    names = list(Organisation.objects.values_list("name", flat=True))
    for unaccented in ["Center ", "Eugene", "Francois", "Regional", "Universite "]:
        assert not [name for name in names if unaccented in name], unaccented
    assert "Centre Eugène Marquis" in names
    assert any(line.startswith("Délais") for line in report_lines(report))


def test_the_generator_is_deterministic():
    first, second = _specs(), _specs()
    assert [t.slug for t in first[0]] == [t.slug for t in second[0]]
    assert [
        (p.slug, p.title, p.summary, p.datasets, p.stage_reached) for p in first[1]
    ] == [(p.slug, p.title, p.summary, p.datasets, p.stage_reached) for p in second[1]]


def test_access_dates_follow_the_project_and_the_route():
    _teams, projects = _specs()
    decided = refused = 0
    for project in projects:
        for name, _purpose, status, requested, decided_on in project.datasets:
            assert requested <= TODAY, project.slug
            if project.status != "planned":
                early = project.start - timedelta(days=EARLIEST_BEFORE_START)
                assert requested >= early, project.slug
            if status == "requested":
                assert decided_on is None, project.slug
                continue
            assert requested < decided_on <= TODAY, project.slug
            decided += 1
            refused += status == "refused"
            if name == "SNDS":
                assert (decided_on - requested).days >= 100, project.slug
    assert 0.05 <= refused / decided <= 0.15


def _decisions(uses: dict[str, list[tuple]]) -> dict[str, tuple[int, int]]:
    """Dataset → (refused, decided) requests."""
    decided, refused = Counter(), Counter()
    for rows in uses.values():
        for name, _purpose, status, *_dates in rows:
            decided[name] += status != "requested"
            refused[name] += status == "refused"
    return {name: (refused[name], decided[name]) for name in decided if decided[name]}


def test_each_dataset_refuses_its_quota_the_snds_the_most():
    _teams, projects = _specs()
    decisions = _decisions({p.acronym: p.datasets for p in projects})
    shares = {name: refused / decided for name, (refused, decided) in decisions.items()}
    assert max(shares, key=shares.get) == "SNDS", shares
    for name, (refused, decided) in decisions.items():
        assert refused == refused_quota(name, decided), name


def test_refusal_quotas_keep_their_order_on_any_draw():
    """Whatever the draw (here 300 random sets, some tiny), the dataset that refuses
    most has the highest share of refusals, above the overall one: by quota, not by
    luck."""
    rng = random.Random(7)
    names = ["SNDS", "CépiDc", "EDS AP-HP", "Constances", "OFSEP"]
    for _draw in range(300):
        uses = {
            f"P{index}": [
                (name, "", rng.choice(["granted", "granted", "requested"]), None)
                for name in rng.sample(names, rng.randint(1, 3))
            ]
            for index in range(rng.randint(1, 60))
        }
        stratified = refusals_stratified(uses)
        assert refusals_stratified(uses) == stratified  # deterministic
        decisions = _decisions(stratified)
        for name, (refused, decided) in decisions.items():
            assert refused == refused_quota(name, decided), name
        if "SNDS" not in decisions:
            continue
        shares = {name: r / d for name, (r, d) in decisions.items()}
        overall = sum(r for r, _d in decisions.values()) / sum(
            d for _r, d in decisions.values()
        )
        assert shares["SNDS"] == max(shares.values()) >= overall, shares


def test_stage_dates_lie_between_the_start_and_today_in_stage_order():
    _teams, projects = _specs()
    for project in projects:
        reached = project.stage_reached
        if project.start > TODAY:
            assert reached is None, project.slug
            continue
        assert project.start <= reached <= TODAY, project.slug
        stage = stage_for_trl(project.trl)
        elapsed = (min(TODAY, project.end) - project.start).days
        if stage == Stage.RESEARCH or not elapsed:
            continue
        low, high = STAGE_SHARE[stage]
        share = (reached - project.start).days / elapsed
        assert low - 0.01 <= share <= high + 0.01, project.slug


def test_datasets_follow_the_modality():
    _teams, projects = _specs()
    for project in projects:
        names = [name for name, *_access in project.datasets]
        if project.modality in IMAGE_MODALITIES:
            assert "SNDS" not in names, project.title
        if project.modality == "claims":
            assert names[0] == "SNDS"
        if project.modality == "deaths":
            assert names[0] == "CépiDc"
    snds = sum(1 for p in projects if any(d[0] == "SNDS" for d in p.datasets))
    assert snds < 0.35 * len(projects)


def test_each_project_states_its_figures_once_in_every_text():
    _teams, projects = _specs()
    for project in projects:
        summary = figures_of(project.summary)
        assert summary == figures_of(project.description), project.slug
        if project.summary_en:
            assert figures_of(project.summary_en) == summary, project.slug


def test_titles_read_naturally_and_acronyms_are_unique():
    teams, projects = _specs()
    titles = [p.title for p in projects]
    assert len(set(titles)) == len(titles)
    for title in titles:
        assert title.count("à partir de") <= 1 and title.count(" par ") <= 2, title
        assert " à le " not in title and " de le " not in title, title
    acronyms = [p.acronym for p in projects] + [t.acronym for t in teams]
    assert len(set(acronyms)) == len(acronyms)
    assert all(pronounceable(acronym) for acronym in acronyms)


def test_partners_bring_the_domain_or_a_technique_the_data_need():
    teams, projects = _specs()
    by_slug = {team.slug: team for team in teams}
    complementary = total = 0
    for project in projects:
        lead = by_slug[project.lead_team]
        for slug in project.partner_teams:
            partner = by_slug[slug]
            total += 1
            assert partner.specialty != lead.specialty
            complementary += bool(
                set(partner.domains) & set(_top_domains(project))
                or set(partner.techniques) & set(project.techniques)
            )
    assert complementary >= 0.9 * total


def test_leads_work_again_with_past_partners_that_fit():
    """A fitting past collaborator is preferred (AGAIN_SHARE), so pairs repeat about
    as often as in real consortia; with no preference they repeat far less."""
    teams, projects = _specs()
    links = [(p.slug, p.lead_team, t) for p in projects for t in p.partner_teams]
    assert 0.40 <= repeated_pair_share(links) <= 0.55
    with patch.object(partners_module, "AGAIN_SHARE", 0.0):
        _teams, afresh = _specs()
    links = [(p.slug, p.lead_team, t) for p in afresh for t in p.partner_teams]
    assert repeated_pair_share(links) < 0.40
    # The preference draws from a generator of its own: the leads stay put.
    assert [p.lead_team for p in afresh] == [p.lead_team for p in projects]


def test_each_partner_comes_with_the_odds_of_its_draw():
    """The odds the matching benchmark's ceiling reads (bench/matching_ceiling.py):
    one table per partner, a chance for every team of the slot's pool, summing to 1,
    the partner drawn among them, a past collaborator likelier than the others."""
    _teams, projects = _specs()
    favoured = 0
    for project in projects:
        for partner, odds in zip(
            project.partner_teams, project.partner_odds, strict=True
        ):
            assert odds[partner] > 0
            assert abs(sum(odds.values()) - 1) < 1e-9
            assert project.lead_team not in odds
            favoured += len(set(odds.values())) > 1
    assert favoured > 0


def test_repeated_pair_share_counts_links_whose_pair_recurs():
    links = [(1, "a", "b"), (2, "a", "b"), (2, "a", "c"), (3, "c", "a")]
    # a→b twice (2 links); a→c once and c→a (a different lead) once.
    assert repeated_pair_share(links) == 0.5
    assert repeated_pair_share([]) == 0.0


def _top_domains(project) -> list[str]:
    subdomains = {t.subdomain: t.domain for t in TOPICS if t.subdomain}
    return [subdomains.get(slug, slug) for slug in project.domains]


def test_figures_are_read_whatever_the_separator():
    french = data_sentence("EDS AP-HP", Figures(12_500, 6, 4), english=False)
    english = data_sentence("EDS AP-HP", Figures(12_500, 6, 4), english=True)
    assert figures_of(french) == figures_of(english) == [4, 6, 12_500]
    assert figures_of("<p>1 200 000 patients</p> sur 9 ans") == [9, 1_200_000]


def test_team_coherence_counts_projects_outside_the_specialty():
    rows = [
        {"lead": 1, "techniques": {"tal"}, "domains": {"psychiatrie"}},
        {"lead": 1, "techniques": {"tal"}, "domains": {"psychiatrie"}},
        {"lead": 1, "techniques": {"vision"}, "domains": {"dermatologie"}},
        {"lead": 1, "techniques": {"graphes"}, "domains": {"oncologie"}},
    ]
    found = team_coherence(rows)
    # Top two families (tal, vision) and domains (psychiatrie, dermatologie): 3 of 4.
    assert found["projects_within_specialty"] == 0.75


def test_calls_differ_in_deadline_and_words(db):
    teams, _projects = _specs()
    calls = call_specs(random.Random(SEED + 1), teams)
    assert len({call.open_days for call in calls}) == len(calls) >= 10
    sentences = [
        sentence for call in calls for sentence in re.split(r"(?<=[.;])\s+", call.text)
    ]
    assert len(set(sentences)) == len(sentences)
    assert max(c.open_days for c in calls) - min(c.open_days for c in calls) >= 90
