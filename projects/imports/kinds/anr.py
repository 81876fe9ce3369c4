"""The ANR's health consortia: a projects file and a partners file imported together.

Partners become organisations, matched by name to those the registry knows (the CHU
and cancer-centre lists, the institutes) and otherwise upserted on name + city; the
coordinator becomes the lead organisation; the grant becomes an ANR funding.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import CREATED, UNCHANGED, KindImporter
from projects.imports.kinds.projects import ProjectData, project_import
from projects.imports.references import city_clean
from projects.imports.report import RowProblems
from projects.models import ProjectPartner
from registry.models import Organisation

ANR_SOURCE = (
    "ANR open data « projets financés DGPIE depuis 2010 », instantané du 2022-05-12, "
    "Licence Ouverte / Etalab 2.0"
)
ANR_ROR = "00rbzpz17"
ANR_PROJECT_COLUMNS = (
    c.Column(
        "anr_code",
        "Référence ANR du projet (clé entre les deux fichiers).",
        "ANR-17-RHUS-0003",
        required=True,
        parse=c.text(60),
    ),
    c.Column(
        "programme",
        "Programme (RHUS, IAHU, IBHU, COHO, INBS…).",
        "RHUS",
        parse=c.text(160),
    ),
    c.Column(
        "acronym", "Acronyme du projet.", "CIRB-RNA", required=True, parse=c.text(40)
    ),
    c.Column(
        "title_fr",
        "Titre.",
        "Quantitation of circulating viral RNAs",
        required=True,
        parse=c.text(255),
    ),
    c.Column("summary_fr", "Résumé (vide : une phrase décrivant le financement).", ""),
    c.Column(
        "start_date",
        "Date de début (numéro de série de tableur ou date).",
        "43040",
        parse=c.date,
    ),
    c.Column("grant_eur", "Aide en euros (0 : inconnue).", "5910166", parse=c.amount),
)
ANR_PARTNER_COLUMNS = (
    c.Column(
        "anr_code",
        "Référence ANR du projet.",
        "ANR-17-RHUS-0003",
        required=True,
        parse=c.text(60),
    ),
    c.Column(
        "organisation",
        "Nom de l’organisation partenaire.",
        "Institut Gustave Roussy",
        required=True,
        parse=c.text(255),
    ),
    c.Column(
        "organisation_category",
        "Catégorie ANR de l’organisation.",
        "Etablissements de santé",
    ),
    c.Column(
        "is_coordinator",
        "1 pour le coordinateur (un par projet), 0 sinon.",
        "1",
        parse=c.boolean,
    ),
    c.Column("city", "Ville.", "Villejuif Cedex", parse=c.text(120)),
    c.Column("region", "Région (non importée).", "Île-de-France"),
    c.Column("country", "Pays (non importé).", "France"),
)
# The ANR's categories of organisations, as the registry's kinds.
CATEGORY_KINDS = {
    "Organismes de type EPST": Organisation.Kind.RESEARCH_INSTITUTE,
    "Organismes de Type EPIC": Organisation.Kind.RESEARCH_INSTITUTE,
    "Universités, INSA et INP": Organisation.Kind.UNIVERSITY,
    "COMUE Pôle de recherche et d'Enseignement supérieur": Organisation.Kind.UNIVERSITY,
    "Grandes écoles publiques": Organisation.Kind.UNIVERSITY,
    "ENS et grands établissements": Organisation.Kind.UNIVERSITY,
    "Organismes Médicaux (Hôpitaux)": Organisation.Kind.HOSPITAL,
    "Etablissements de santé": Organisation.Kind.HOSPITAL,
    "Entreprises Privées": Organisation.Kind.COMPANY,
    "Ministères": Organisation.Kind.AGENCY,
    "EPA, GIP, organismes avec autre statut": Organisation.Kind.AGENCY,
}


class AnrImporter(KindImporter):
    """Not a one-file kind: the engine hands it both files' parsed rows."""

    kind = "anr"
    label = "Consortiums ANR (projets + partenaires)"
    columns = ANR_PROJECT_COLUMNS
    key_help = "l’acronyme et l’organisation coordinatrice ; partenaires : le nom"
    roles = {"projects": ANR_PROJECT_COLUMNS, "partners": ANR_PARTNER_COLUMNS}

    def __init__(self, context) -> None:
        super().__init__(context)
        self.partners_by_code: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        self.organisations_by_row: dict[int, Organisation] = {}
        self.funder: Organisation | None = None
        self._counted: set[int] = set()

    def key(self, values: dict[str, Any]) -> tuple | None:
        return ("anr", values.get("anr_code"))

    def key_columns(self, values: dict[str, Any]) -> str:
        return "anr_code"

    # --- partners, first ------------------------------------------------------

    def partner_import(self, number: int, values: dict[str, Any]) -> str | None:
        """One partner line to an organisation (found by name, or by name + city);
        None when an earlier line already counted that organisation."""
        self.partners_by_code[values["anr_code"]].append((number, values))
        index = self.references.organisations
        organisation = index.find(values["organisation"]) or index.find_by_name_city(
            values["organisation"], values.get("city", "")
        )
        outcome = UNCHANGED
        if organisation is None:
            organisation = Organisation(
                name=values["organisation"],
                city=city_clean(values.get("city", "")),
                kind=CATEGORY_KINDS.get(
                    values.get("organisation_category", ""), Organisation.Kind.OTHER
                ),
                source=self.context.source,
            )
            outcome = self.save(organisation, is_new=True, changed=[])
            index.add(organisation)
            self.context.provenance_record(organisation, outcome)
        self.organisations_by_row[number] = organisation
        if organisation.pk in self._counted:
            return None
        self._counted.add(organisation.pk)
        return outcome

    def funder_ensure(self) -> str:
        self.funder = self.references.organisations.find(ANR_ROR)
        if self.funder is not None:
            return UNCHANGED
        self.funder = Organisation(
            name="Agence nationale de la recherche",
            acronym="ANR",
            kind=Organisation.Kind.FUNDER,
            ror_id=ANR_ROR,
            city="Paris",
            website="https://anr.fr",
            source=self.context.source,
        )
        self.save(self.funder, is_new=True, changed=[])
        self.references.organisations.add(self.funder)
        self.context.provenance_record(self.funder, CREATED)
        return CREATED

    # --- then projects ----------------------------------------------------------

    def row_import(self, values: dict[str, Any]) -> str:
        partners = self.partners_by_code.get(values["anr_code"], [])
        coordinators = [number for number, row in partners if row.get("is_coordinator")]
        if len(coordinators) != 1:
            raise RowProblems(
                [
                    (
                        "anr_code",
                        values["anr_code"],
                        f"{len(coordinators)} coordinateur(s) dans le fichier des "
                        "partenaires ; il en faut exactement un.",
                    )
                ]
            )
        lead = self.organisations_by_row.get(coordinators[0])
        if lead is None:
            raise RowProblems(
                [
                    (
                        "anr_code",
                        values["anr_code"],
                        "l’organisation coordinatrice n’a pas pu être lue.",
                    )
                ]
            )
        roles: dict[int, str] = {}
        for number, _row in partners:
            organisation = self.organisations_by_row.get(number)
            if organisation is None:
                continue
            role = (
                ProjectPartner.Role.COORDINATOR
                if number == coordinators[0]
                else ProjectPartner.Role.PARTNER
            )
            # The ANR lists some partners twice (two sites): one line per organisation.
            if roles.get(organisation.pk) != ProjectPartner.Role.COORDINATOR:
                roles[organisation.pk] = role
        organisations = {
            organisation.pk: organisation
            for organisation in self.organisations_by_row.values()
        }
        data = ProjectData(
            fields={
                "acronym": values["acronym"],
                "title": values["title_fr"],
                "summary": values.get("summary_fr") or self._summary(values),
                "start_date": values.get("start_date") or None,
                "lead_organisation": lead,
            },
            partners=sorted(
                ((None, organisations[pk], role) for pk, role in roles.items()),
                key=lambda partner: partner[1].pk,
            ),
            fundings=[
                (
                    self.funder,
                    values.get("programme", ""),
                    values["anr_code"],
                    values.get("grant_eur") or None,
                )
            ],
        )
        return project_import(self, data)

    @staticmethod
    def _summary(values: dict[str, Any]) -> str:
        return (
            f"Consortium de recherche en santé financé par l’ANR (programme "
            f"{values.get('programme') or '?'}, {values['anr_code']}) ; l’ANR n’en "
            "publie pas de résumé."
        )
