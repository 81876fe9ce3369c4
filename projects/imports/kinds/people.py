"""People, keyed on their ORCID (required: homonyms are common among researchers)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import UNCHANGED, KindImporter
from projects.imports.report import RowProblems
from registry.models import Membership, Person
from registry.models.people import PersonExpertise

PERSON_COLUMNS = (
    c.Column(
        "orcid",
        "ORCID (0000-0002-1825-0097 ou https://orcid.org/…), clé de contrôle vérifiée.",
        "0000-0002-1825-0097",
        required=True,
        parse=c.orcid,
    ),
    c.Column("first_name", "Prénom.", "Josiah", required=True, parse=c.text(120)),
    c.Column("last_name", "Nom.", "Carberry", required=True, parse=c.text(120)),
    c.Column("title", "Fonction.", "Directeur de recherche", parse=c.text(160)),
    c.Column("email", "Adresse e-mail (jamais affichée).", "", parse=c.email),
    c.Column(
        "expertise",
        "Mots-clés d’expertise, séparés par |.",
        "imagerie médicale|apprentissage profond",
        parse=c.text(100),
        many=True,
    ),
    c.Column("team", "Équipe : RNSR, nom ou sigle d’une équipe connue.", "200918472W"),
    c.Column(
        "role",
        "Rôle dans l’équipe : "
        + ", ".join(Membership.Role.values)
        + " (researcher si vide).",
        "researcher",
        parse=c.choice(Membership.Role),
    ),
)


class PersonImporter(KindImporter):
    kind = "people"
    label = "Personnes"
    columns = PERSON_COLUMNS
    reference_columns = {"team": "team"}
    batched = True
    _known_links: dict | None = None
    key_help = "l’ORCID (obligatoire)"
    field_columns = {
        "orcid": "orcid",
        "first_name": "first_name",
        "last_name": "last_name",
        "title": "title",
        "email": "email",
    }

    def key(self, values: dict[str, Any]) -> tuple | None:
        return ("orcid", values["orcid"]) if values.get("orcid") else None

    def key_columns(self, values: dict[str, Any]) -> str:
        return "orcid"

    def row_import(self, values: dict[str, Any]) -> str:
        people = self.references.people
        if not people:
            people.update(
                {person.orcid: person for person in Person.objects.exclude(orcid="")}
            )
        team = None
        if values.get("team"):
            team = self.references.teams.find(values["team"])
            if team is None:
                raise RowProblems([("team", values["team"], "équipe inconnue.")])
        person = people.get(values["orcid"])
        fields = {
            name: values[column]
            for name, column in self.field_columns.items()
            if column in values
        }
        is_new = person is None
        person = person or Person()
        changed = self.assign(person, fields)
        outcome = self.save(
            person,
            is_new=is_new,
            changed=changed,
            # Every ORCID of the registry is in `people`: a new one is free.
            unique_known=("orcid",) if is_new else (),
        )
        people[person.orcid] = person
        related_changed = False
        if "expertise" in values and self.set_changed(
            [] if is_new else self._known()["expertise"].get(person.pk, []),
            values["expertise"],
        ):
            self.context.batch.tags(person, "expertise", values["expertise"])
            related_changed = True
        if team is not None:
            related_changed |= self._membership(person, team, values)
        if related_changed and outcome == UNCHANGED:
            # Its tags or memberships changed: the record's documents are stale.
            self.context.batch.record(person, is_new=False, before={})
        outcome = self.outcome_merge(outcome, related_changed=related_changed)
        self.context.provenance_record(person, outcome)
        return outcome

    def _known(self) -> dict[str, dict]:
        """Everyone's keywords and memberships, read once per run (not once a row)."""
        if self._known_links is None:
            expertise = defaultdict(set)
            for person_id, name in PersonExpertise.objects.values_list(
                "content_object_id", "tag__name"
            ):
                expertise[person_id].add(name)
            memberships = {}
            # In `Membership` order, as `.first()` would pick one (latest start).
            for membership in Membership.objects.all():
                key = (membership.person_id, membership.team_id)
                memberships.setdefault(key, membership)
            self._known_links = {"expertise": expertise, "memberships": memberships}
        return self._known_links

    def _membership(self, person: Person, team, values: dict[str, Any]) -> bool:
        """Add the person to the team, or change their role; True if it did."""
        role = values.get("role") or Membership.Role.RESEARCHER
        membership = (
            None
            if person.pk is None
            else self._known()["memberships"].get((person.pk, team.pk))
        )
        if membership is None:
            membership = Membership(person=person, team=team, role=role)
            self.write(membership, is_new=True)
            return True
        # The records in hand: the audit names them without a query.
        membership.person, membership.team = person, team
        if membership.role != role and values.get("role"):
            changed = self.assign(membership, {"role": role})
            self.write(membership, is_new=False, changed=changed)
            return True
        return False
