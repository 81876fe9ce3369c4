"""Writing the demo projects through Wagtail revisions: published, or left as drafts."""

from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.core.progress import Progress
from portal.demo.project_specs import ProjectSpec
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectMember,
    ProjectPartner,
    ProjectPublication,
    Technique,
)
from registry.models import Dataset, Organisation, Person, Team


class _Lookups:
    """Every row the projects point at, fetched once instead of once per project."""

    def __init__(self) -> None:
        self.teams = {t.slug: t for t in Team.objects.filter(is_fictional=True)}
        self.people = {p.slug: p for p in Person.objects.filter(is_fictional=True)}
        self.organisations = {
            o.ror_id: o for o in Organisation.objects.exclude(ror_id="")
        }
        self.funders = {o.name: o for o in Organisation.objects.filter(kind="funder")}
        self.datasets = {d.acronym: d for d in Dataset.objects.all()}
        self.domains = {d.slug: d for d in Domain.objects.all()}
        self.techniques = {t.slug: t for t in Technique.objects.all()}


def _build(spec: ProjectSpec, found: _Lookups) -> Project:
    project = Project(
        slug=spec.slug,
        acronym=spec.acronym,
        title=spec.title,
        title_en=spec.title_en,
        summary=spec.summary,
        summary_en=spec.summary_en,
        description=spec.description,
        status=spec.status,
        trl=spec.trl,
        start_date=spec.start,
        end_date=spec.end,
        stage_reached_on=spec.stage_reached,
        lead_organisation=found.organisations[spec.lead_organisation],
        lead_team=found.teams[spec.lead_team],
        ce_class=spec.ce_class,
        ai_act_risk=spec.ai_act_risk,
        is_fictional=True,
        live=False,
    )
    project.domains = [found.domains[slug] for slug in spec.domains]
    project.techniques = [found.techniques[slug] for slug in spec.techniques]
    project.keywords.set(spec.keywords)
    role = ProjectPartner.Role
    project.partners = (
        [ProjectPartner(team=found.teams[spec.lead_team], role=role.COORDINATOR)]
        + [
            ProjectPartner(team=found.teams[slug], role=role.PARTNER)
            for slug in spec.partner_teams
        ]
        + (
            [
                ProjectPartner(
                    organisation=found.organisations[spec.partner_hospital],
                    role=role.CLINICAL,
                )
            ]
            if spec.partner_hospital
            else []
        )
    )
    project.members = [
        ProjectMember(person=found.people[slug], role=member_role)
        for slug, member_role in spec.members
    ]
    project.dataset_uses = [
        ProjectDataset(
            dataset=found.datasets[acronym],
            purpose=purpose,
            access_status=access,
            access_requested_on=requested_on,
            access_decided_on=decided_on,
        )
        for acronym, purpose, access, requested_on, decided_on in spec.datasets
    ]
    project.fundings = [
        ProjectFunding(
            funder=found.funders[funder],
            programme=programme,
            grant_reference=reference,
            amount_eur=amount,
        )
        for funder, programme, reference, amount in spec.fundings
    ]
    project.publications = [
        ProjectPublication(title=title, year=year, doi=doi, hal_id=hal)
        for title, year, doi, hal in spec.publications
    ]
    return project


def load_projects(*, specs: list[ProjectSpec], progress: Progress) -> int:
    """Create the projects not yet in the database; returns how many were created.

    Existing projects are left alone: they may have been edited in the admin since, and
    skipping them keeps re-runs fast.
    """
    existing = set(
        Project.objects.filter(slug__in=[s.slug for s in specs]).values_list(
            "slug", flat=True
        )
    )
    found = _Lookups()
    progress.start(len(specs))
    # Publishing queues the members' e-mail, which skips fictional people: demo
    # members are never written to. Wagtail re-indexes references on every child
    # row's save; indexing each project once, when complete, gives the same result
    # in a fraction of the time.
    with disable_reference_index_auto_update():
        created = _create_missing(specs, existing, found, progress)
    progress.finish()
    return created


def _create_missing(
    specs: list[ProjectSpec], existing: set[str], found: _Lookups, progress: Progress
) -> int:
    created = 0
    for spec in specs:
        if spec.slug not in existing:
            with transaction.atomic():
                project = _build(spec, found)
                project.full_clean()
                for child in [*project.publications.all()]:
                    child.full_clean(exclude=["project"])
                project.save()
                revision = project.save_revision()
                if spec.published:
                    revision.publish()
                ReferenceIndex.create_or_update_for_object(project)
            created += 1
        progress.step()
    return created
