"""Research units, keyed on their RNSR code; on name + city for those without one."""

from __future__ import annotations

from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import KindImporter
from projects.imports.references import city_key, name_key
from projects.imports.report import RowProblems
from registry.models import Team

TEAM_COLUMNS = (
    c.Column(
        "rnsr", "Code RNSR (9 chiffres et une lettre).", "200918472W", parse=c.rnsr
    ),
    c.Column(
        "name",
        "Nom de l’unité.",
        "Bordeaux Population Health",
        required=True,
        parse=c.text(255),
    ),
    c.Column("acronym", "Sigle.", "BPH", parse=c.text(40)),
    c.Column(
        "kind",
        "Type : " + ", ".join(Team.Kind.values) + " (umr si vide).",
        "umr",
        parse=c.choice(Team.Kind),
    ),
    c.Column(
        "parents",
        "Tutelles, séparées par | : ROR, nom ou sigle d’organisations connues.",
        "02vjkv261|057qpr032",
        required=True,
        many=True,
    ),
    c.Column("city", "Ville.", "Bordeaux", parse=c.text(120)),
    c.Column(
        "website",
        "Site web.",
        "https://www.bordeaux-population-health.center",
        parse=c.url,
    ),
    c.Column("description", "Description.", "Épidémiologie et santé publique."),
    c.Column(
        "expertise",
        "Mots-clés d’expertise, séparés par |.",
        "épidémiologie|apprentissage automatique",
        parse=c.text(100),
        many=True,
    ),
)


class TeamImporter(KindImporter):
    kind = "teams"
    label = "Équipes"
    columns = TEAM_COLUMNS
    reference_columns = {"parents": "organisation"}
    key_help = "le code RNSR ; sans RNSR, le nom et la ville"
    field_columns = {
        "rnsr": "rnsr",
        "name": "name",
        "acronym": "acronym",
        "kind": "kind",
        "city": "city",
        "website": "website",
        "description": "description",
    }

    def key(self, values: dict[str, Any]) -> tuple | None:
        if values.get("rnsr"):
            return ("rnsr", values["rnsr"])
        return (
            "name",
            name_key(values.get("name", "")),
            city_key(values.get("city", "")),
        )

    def key_columns(self, values: dict[str, Any]) -> str:
        return "rnsr" if values.get("rnsr") else "name"

    def row_import(self, values: dict[str, Any]) -> str:
        index = self.references.teams
        team = index.by_rnsr.get(values.get("rnsr", "")) if values.get("rnsr") else None
        if team is None:
            team = index.find_by_name_city(values["name"], values.get("city", ""))
            if team and values.get("rnsr") and team.rnsr not in ("", values["rnsr"]):
                team = None
        parents = self._parents(values.get("parents", []))
        fields = {
            name: values[column]
            for name, column in self.field_columns.items()
            if column in values
        }
        if not fields.get("rnsr"):
            fields.pop("rnsr", None)
        if not fields.get("kind"):
            fields.pop("kind", None)
        is_new = team is None
        team = team or Team()
        changed = self.assign(team, fields)
        outcome = self.save(team, is_new=is_new, changed=changed)
        related_changed = False
        if "parents" in values and self.set_changed(
            [] if is_new else team.parents.values_list("pk", flat=True),
            [parent.pk for parent in parents],
        ):
            team.parents.set(parents)
            related_changed = True
        if "expertise" in values and self.set_changed(
            [] if is_new else team.expertise.names(), values["expertise"]
        ):
            team.expertise.set(values["expertise"])
            team.save()
            related_changed = True
        outcome = self.outcome_merge(outcome, related_changed=related_changed)
        index.add(team)
        self.context.provenance_record(team, outcome)
        return outcome

    def _parents(self, references: list[str]) -> list:
        found, unknown = [], []
        for reference in references:
            organisation = self.references.organisations.find(reference)
            (found if organisation else unknown).append(organisation or reference)
        if unknown:
            raise RowProblems(
                [("parents", ref, "organisation inconnue.") for ref in unknown]
            )
        return found
