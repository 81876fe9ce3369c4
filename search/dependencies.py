"""Which documents a change touches: a row's own document, and the documents that
copy something from it (a project's document names its teams; a team's document
carries the domains of its projects)."""

from django.db.models import Model

from projects.models import Project, ProjectDataset, ProjectMember, ProjectPartner
from registry.models import Dataset, Evaluation, Organisation, Person, Team

Documents = list[tuple[str, int]]


def documents_affected_by(instance: Model) -> Documents:
    return documents_affected_by_many(type(instance), [instance])


def documents_affected_by_many(model: type[Model], instances: list) -> Documents:
    """The same for many records of one model, in a few queries whatever their
    number (a bulk import's batch)."""
    handler = _HANDLERS.get(model)
    return handler(instances) if handler and instances else []


def _one_by_one(handler):
    return lambda instances: [doc for one in instances for doc in handler(one)]


def _project(project: Project) -> Documents:
    documents = [("project", project.pk)]
    if project.pk is None:
        return documents
    team_ids = set(
        project.partners.exclude(team=None).values_list("team_id", flat=True)
    )
    if project.lead_team_id:
        team_ids.add(project.lead_team_id)
    documents += [("team", pk) for pk in team_ids]
    documents += [
        ("person", pk) for pk in project.members.values_list("person_id", flat=True)
    ]
    documents += [
        ("dataset", pk)
        for pk in project.dataset_uses.values_list("dataset_id", flat=True)
    ]
    return documents


def _teams(teams: list[Team]) -> Documents:
    pks = [team.pk for team in teams]
    project_ids = set(
        Project.objects.filter(lead_team__in=pks).values_list("pk", flat=True)
    )
    project_ids |= set(
        ProjectPartner.objects.filter(team__in=pks).values_list("project_id", flat=True)
    )
    return [("team", pk) for pk in pks] + [("project", pk) for pk in project_ids]


def _people(people: list[Person]) -> Documents:
    pks = [person.pk for person in people]
    project_ids = ProjectMember.objects.filter(person__in=pks).values_list(
        "project_id", flat=True
    )
    return [("person", pk) for pk in pks] + [("project", pk) for pk in project_ids]


def _datasets(datasets: list[Dataset]) -> Documents:
    pks = [dataset.pk for dataset in datasets]
    project_ids = ProjectDataset.objects.filter(dataset__in=pks).values_list(
        "project_id", flat=True
    )
    return [("dataset", pk) for pk in pks] + [("project", pk) for pk in project_ids]


def _organisations(organisations: list[Organisation]) -> Documents:
    pks = [organisation.pk for organisation in organisations]
    team_ids = Team.objects.filter(parents__in=pks).values_list("pk", flat=True)
    project_ids = Project.objects.filter(lead_organisation__in=pks).values_list(
        "pk", flat=True
    )
    return (
        [("organisation", pk) for pk in pks]
        + [("team", pk) for pk in set(team_ids)]
        + [("project", pk) for pk in project_ids]
    )


def _project_links(links: list) -> Documents:
    """A partner or a dataset use added or removed on its own: its project's
    document (teams, institutes, datasets and their facets) and the document of the
    team or dataset, whose projects changed."""
    documents = []
    for link in links:
        documents.append(("project", link.project_id))
        if getattr(link, "team_id", None):
            documents.append(("team", link.team_id))
        if getattr(link, "dataset_id", None):
            documents.append(("dataset", link.dataset_id))
    return documents


def _evaluation(evaluation: Evaluation) -> Documents:
    # Teams too: their matching profile lists the projects with a published evaluation.
    project = Project.objects.filter(pk=evaluation.project_id).first()
    return _project(project) if project else [("project", evaluation.project_id)]


_HANDLERS = {
    Project: _one_by_one(_project),
    Team: _teams,
    Person: _people,
    Dataset: _datasets,
    Organisation: _organisations,
    Evaluation: _one_by_one(_evaluation),
    ProjectPartner: _project_links,
    ProjectDataset: _project_links,
}

WATCHED_MODELS = tuple(_HANDLERS)
