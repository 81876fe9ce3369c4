"""Research units, keyed on their RNSR code; on name + city for those without one."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import UNCHANGED, KindImporter
from projects.imports.references import city_key, name_key
from projects.imports.report import RowProblems
from registry.models import Team
from registry.models.teams import TeamExpertise

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
    batched = True
    _known_links: dict | None = None
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
        if "parents" in values:
            current = set() if is_new else self._links()["parents"].get(team.pk, set())
            wanted = {parent.pk for parent in parents}
            if current != wanted:
                self.context.batch.links(
                    team, "parents", wanted=wanted, current=current
                )
                related_changed = True
        if "expertise" in values and self.set_changed(
            [] if is_new else self._links()["expertise"].get(team.pk, []),
            values["expertise"],
        ):
            self.context.batch.tags(team, "expertise", values["expertise"])
            related_changed = True
        if related_changed and outcome == UNCHANGED:
            # Its tutelles or keywords changed: the record's documents are stale.
            self.context.batch.record(team, is_new=False, before={})
        outcome = self.outcome_merge(outcome, related_changed=related_changed)
        index.add(team)
        self.context.provenance_record(team, outcome)
        return outcome

    def _links(self) -> dict[str, dict[int, set]]:
        """Every team's tutelles and keywords, read once per run (not once a row)."""
        if self._known_links is None:
            parents, expertise = defaultdict(set), defaultdict(set)
            for team_id, organisation_id in Team.parents.through.objects.values_list(
                "team_id", "organisation_id"
            ):
                parents[team_id].add(organisation_id)
            for team_id, name in TeamExpertise.objects.values_list(
                "content_object_id", "tag__name"
            ):
                expertise[team_id].add(name)
            self._known_links = {"parents": parents, "expertise": expertise}
        return self._known_links

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
