"""Which documents a change touches: a row's own document, and the documents that
copy something from it (a project's document names its teams; a team's document
carries the domains of its projects)."""

from django.db.models import Model

from projects.models import Project
from registry.models import Dataset, Evaluation, Organisation, Person, Team

Documents = list[tuple[str, int]]


def documents_affected_by(instance: Model) -> Documents:
    handler = _HANDLERS.get(type(instance))
    return handler(instance) if handler else []


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


def _team(team: Team) -> Documents:
    project_ids = set(team.led_projects.values_list("pk", flat=True))
    project_ids |= set(team.project_partnerships.values_list("project_id", flat=True))
    return [("team", team.pk)] + [("project", pk) for pk in project_ids]


def _person(person: Person) -> Documents:
    return [("person", person.pk)] + [
        ("project", pk)
        for pk in person.project_roles.values_list("project_id", flat=True)
    ]


def _dataset(dataset: Dataset) -> Documents:
    return [("dataset", dataset.pk)] + [
        ("project", pk)
        for pk in dataset.project_uses.values_list("project_id", flat=True)
    ]


def _organisation(organisation: Organisation) -> Documents:
    team_ids = organisation.teams.values_list("pk", flat=True)
    project_ids = organisation.led_projects.values_list("pk", flat=True)
    return (
        [("organisation", organisation.pk)]
        + [("team", pk) for pk in team_ids]
        + [("project", pk) for pk in project_ids]
    )


def _evaluation(evaluation: Evaluation) -> Documents:
    # Teams too: their matching profile lists the projects with a published evaluation.
    project = Project.objects.filter(pk=evaluation.project_id).first()
    return _project(project) if project else [("project", evaluation.project_id)]


_HANDLERS = {
    Project: _project,
    Team: _team,
    Person: _person,
    Dataset: _dataset,
    Organisation: _organisation,
    Evaluation: _evaluation,
}

WATCHED_MODELS = tuple(_HANDLERS)
