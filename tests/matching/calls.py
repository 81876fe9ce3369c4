"""A factory for calls for collaboration (the collaboration app's own)."""

import factory
from factory.django import DjangoModelFactory

from projects.collaboration.models import CollaborationCall


class CallFactory(DjangoModelFactory):
    """An open call of a team unless told otherwise; tags with `domains=[…]`."""

    class Meta:
        model = CollaborationCall
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Recherche partenaire {n}")
    text = "Nous cherchons une équipe partenaire pour un projet d’IA en santé."
    status = CollaborationCall.Status.OPEN

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.domains.set(extracted)

    @factory.post_generation
    def techniques(self, create, extracted, **kwargs):
        if create and extracted:
            self.techniques.set(extracted)
