"""factory_boy factories for registry records and projects (small, focused setups)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from projects.models import Domain, Project, ProjectDataset, ProjectPartner, Technique
from registry.models import Dataset, Evaluation, Membership, Organisation, Person, Team


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.RESEARCH_INSTITUTE


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Équipe {n}")
    acronym = factory.Sequence(lambda n: f"EQ{n}")
    city = "Paris"

    @factory.post_generation
    def parents(self, create, extracted, **kwargs):
        if create:
            self.parents.set(extracted or [OrganisationFactory()])


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    email = factory.Sequence(lambda n: f"camille{n}@example.org")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    role = Membership.Role.RESEARCHER


class DatasetFactory(DjangoModelFactory):
    class Meta:
        model = Dataset

    name = factory.Sequence(lambda n: f"Jeu de données {n}")
    producer = factory.SubFactory(OrganisationFactory)
    kind = Dataset.Kind.COHORT
    description = "Cohorte de démonstration."
    access_route = Dataset.AccessRoute.COHORT_COMMITTEE
    access_procedure = "Dossier au comité d’accès."


class ProjectFactory(DjangoModelFactory):
    """A published project unless `live=False` is passed."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projet d’IA numéro {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    summary = "Un résumé de projet."
    status = Project.Status.ACTIVE
    trl = 3
    start_date = datetime.date(2024, 1, 1)
    lead_organisation = factory.SubFactory(OrganisationFactory)
    lead_team = factory.SubFactory(TeamFactory)
    live = True

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.domains.set(extracted)
            self.save()

    @factory.post_generation
    def techniques(self, create, extracted, **kwargs):
        if create and extracted:
            self.techniques.set(extracted)
            self.save()


class ProjectPartnerFactory(DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    team = factory.SubFactory(TeamFactory)
    role = ProjectPartner.Role.PARTNER


class ProjectDatasetFactory(DjangoModelFactory):
    class Meta:
        model = ProjectDataset

    project = factory.SubFactory(ProjectFactory)
    dataset = factory.SubFactory(DatasetFactory)
    access_status = ProjectDataset.AccessStatus.GRANTED


class EvaluationFactory(DjangoModelFactory):
    """A published evaluation with a favourable verdict unless told otherwise."""

    class Meta:
        model = Evaluation

    reference = factory.Sequence(lambda n: f"inesia-2026-{n:04d}")
    project = factory.SubFactory(ProjectFactory)
    model_version = "1.0"
    evaluator = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.AGENCY)
    status = Evaluation.Status.PUBLISHED
    verdict = Evaluation.Verdict.FAVOURABLE
    requested_on = datetime.date(2025, 3, 1)
    published_on = datetime.date(2025, 9, 1)


def domain(slug: str) -> Domain:
    return Domain.objects.get(slug=slug)


def technique(slug: str) -> Technique:
    return Technique.objects.get(slug=slug)
