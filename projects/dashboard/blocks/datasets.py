"""Health data: projects per dataset and per kind, access requests."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number, percent

TOP_DATASETS = 15


def block_datasets(data: dict) -> Block:
    datasets = data["datasets"]["datasets"]
    title = _("Projets par jeu de données")
    reading = (
        _("%(dataset)s est le jeu de données le plus utilisé (%(count)s projets).")
        % {"dataset": datasets[0]["name"], "count": number(datasets[0]["value"])}
        if datasets
        else no_data()
    )
    shown = datasets[:TOP_DATASETS]
    return Block(
        name="datasets",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="datasets",
            title=title,
            description=reading,
            labels=[row["label"] for row in shown],
            series=[(_("Projets"), [row["value"] for row in shown])],
        ),
        caption=title,
        columns=[
            _("Jeu de données"),
            _("Type"),
            _("Projets"),
            _("Demandes d’accès"),
            _("Accordées"),
            _("Refusées"),
            _("En attente"),
        ],
        rows=[
            [
                Cell(row["name"], row["name"], row["url"]),
                Cell(row["kind"], row["kind"]),
                Cell(row["value"]),
                Cell(row["requested"]),
                Cell(row["granted"]),
                Cell(row["refused"]),
                Cell(row["pending"]),
            ]
            for row in datasets
        ],
        note=_("Le graphique montre les %(n)s jeux de données les plus utilisés.")
        % {"n": TOP_DATASETS}
        if len(datasets) > TOP_DATASETS
        else "",
    )


def block_dataset_kinds(data: dict) -> Block:
    kinds = data["datasets"]["kinds"]
    title = _("Projets par type de données")
    top = max(kinds, key=lambda row: row["value"]) if kinds else None
    reading = (
        _("Type de données le plus utilisé : %(kind)s (%(count)s projets).")
        % {"kind": top["label"], "count": number(top["value"])}
        if top
        else no_data()
    )
    return Block(
        name="dataset_kinds",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="dataset_kinds",
            title=title,
            description=reading,
            labels=[row["label"] for row in kinds],
            series=[(_("Projets"), [row["value"] for row in kinds])],
        ),
        caption=title,
        columns=[_("Type de données"), _("Projets")],
        rows=[[Cell(row["label"], row["label"]), Cell(row["value"])] for row in kinds],
    )


def block_dataset_access(data: dict) -> Block:
    kinds = data["datasets"]["kinds"]
    access = data["datasets"]["access"]
    title = _("Demandes d’accès aux données : demandées et accordées")
    reading = (
        _(
            "%(share)s des demandes d’accès décidées ont été accordées : %(granted)s "
            "accordées et %(refused)s refusées ; %(pending)s en attente, sur "
            "%(requested)s demandes."
        )
        % {
            "granted": number(access["granted"]),
            "requested": number(access["requested"]),
            "share": percent(access["granted_share"]),
            "pending": number(access["pending"]),
            "refused": number(access["refused"]),
        }
        if access["requested"]
        else no_data()
    )
    note = _(
        "Base du taux : accordées ÷ décidées (accordées + refusées), les demandes en "
        "attente exclues. Il porte sur les jeux de données déclarés par les projets "
        "publiés : une demande refusée d’un projet jamais publié n’y figure pas."
    )
    if access["undated_decisions"]:
        note += " " + _(
            "%(count)s décisions sans date sont comptées à leur état actuel."
        ) % {"count": number(access["undated_decisions"])}
    return Block(
        name="dataset_access",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="dataset_access",
            title=title,
            description=reading,
            labels=[row["label"] for row in kinds],
            series=[
                (_("Demandées"), [row["requested"] for row in kinds]),
                (_("Accordées"), [row["granted"] for row in kinds]),
            ],
        ),
        caption=title,
        columns=[
            _("Type de données"),
            _("Demandes d’accès"),
            _("Accordées"),
            _("Refusées"),
            _("En attente"),
        ],
        rows=[
            [
                Cell(row["label"], row["label"]),
                Cell(row["requested"]),
                Cell(row["granted"]),
                Cell(row["refused"]),
                Cell(row["pending"]),
            ]
            for row in kinds
        ],
        note=note,
    )
