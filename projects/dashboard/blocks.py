"""Each indicator as the page shows it: a chart, its data table, a one-line reading.

The same table feeds the CSV download, so what one reads and what one downloads never
differ. Builders take the JSON-able indicators dict and make no query.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.dashboard import charts
from projects.dashboard.indicators import NETWORK_MAX_TEAMS

TOP_DATASETS = 15
TOP_FUNDING = 12


@dataclass
class Cell:
    value: object
    text: str = ""
    url: str = ""

    def __post_init__(self):
        if not self.text:
            self.text = "–" if self.value is None else _number(self.value)


@dataclass
class Block:
    name: str
    title: str
    reading: str
    chart: SafeString
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    note: str = ""
    # The CSV may hold more rows than the page (every link of the network).
    csv_rows: list[list[Cell]] | None = None
    wide: bool = False

    @property
    def csv(self) -> list[list[Cell]]:
        return self.csv_rows if self.csv_rows is not None else self.rows


@dataclass
class Section:
    slug: str
    title: str
    blocks: list[Block] = field(default_factory=list)


def _number(value) -> str:
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{_number(float(value))} %"


def _signed(value: int) -> str:
    return f"+{_number(value)}" if value > 0 else _number(value).replace("-", "−")


def _change_cells(row: dict) -> list[Cell]:
    return [
        Cell(row["value"]),
        Cell(row["previous"]),
        Cell(row["change"], _signed(row["change"])),
    ]


def _no_data() -> str:
    return _("Aucune donnée pour ces filtres.")


def _change_block(
    *, name: str, title: str, data: dict, first_column: str, reading: str
) -> Block:
    rows = data["rows"]
    previous = data["previous_label"]
    labels = [row["label"] for row in rows]
    chart = charts.bar_chart(
        chart_id=name,
        title=title,
        description=reading,
        labels=labels,
        series=[
            (_("Période"), [row["value"] for row in rows]),
            (
                _("Période précédente (%(p)s)") % {"p": previous},
                [row["previous"] for row in rows],
            ),
        ],
    )
    return Block(
        name=name,
        title=title,
        reading=reading,
        chart=chart,
        caption=_("%(title)s (période précédente : %(previous)s)")
        % {"title": title, "previous": previous},
        columns=[first_column, _("Projets"), _("Période précédente"), _("Évolution")],
        rows=[
            [Cell(row["label"], row["label"], row.get("url", ""))] + _change_cells(row)
            for row in rows
        ],
    )


def block_projects_by_institute(data: dict) -> Block:
    indicator = data["projects_by_institute"]
    rows = [row for row in indicator["rows"] if row["value"] or row["previous"]]
    if rows:
        top = max(rows, key=lambda row: row["value"])
        reading = _(
            "%(institute)s prend part au plus grand nombre de projets : %(count)s sur "
            "%(total)s (%(change)s par rapport à %(previous)s)."
        ) % {
            "institute": top["label"],
            "count": _number(top["value"]),
            "total": _number(indicator["total"]),
            "change": _signed(top["change"]),
            "previous": indicator["previous_label"],
        }
    else:
        reading = _no_data()
    block = _change_block(
        name="projects_by_institute",
        title=_("Projets par institut"),
        data={**indicator, "rows": indicator["rows"]},
        first_column=_("Institut"),
        reading=reading,
    )
    block.note = _(
        "Un projet compte pour un institut dès que l’organisation porteuse, l’équipe "
        "porteuse ou une équipe partenaire en relève ; un projet peut compter pour "
        "plusieurs instituts."
    )
    return block


def block_projects_by_year(data: dict) -> Block:
    rows = data["projects_by_year"]["rows"]
    title = _("Projets par année de début")
    if rows:
        top = max(rows, key=lambda row: row["value"])
        last = rows[-1]
        reading = _(
            "%(year)s compte le plus de projets démarrés (%(count)s) ; %(last)s en "
            "compte %(last_count)s (%(change)s sur un an)."
        ) % {
            "year": top["label"],
            "count": _number(top["value"]),
            "last": last["label"],
            "last_count": _number(last["value"]),
            "change": _signed(last["change"]),
        }
    else:
        reading = _no_data()
    return Block(
        name="projects_by_year",
        title=title,
        reading=reading,
        chart=charts.column_chart(
            chart_id="projects_by_year",
            title=title,
            description=reading,
            labels=[row["label"] for row in rows],
            values=[row["value"] for row in rows],
        ),
        caption=title,
        columns=[_("Année"), _("Projets démarrés"), _("Évolution sur un an")],
        rows=[
            [
                Cell(row["label"], row["label"]),
                Cell(row["value"]),
                Cell(row["change"], _signed(row["change"])),
            ]
            for row in rows
        ],
    )


def block_projects_by_status(data: dict) -> Block:
    indicator = data["projects_by_status"]
    active = next(row for row in indicator["rows"] if row["key"] == "active")
    reading = (
        _(
            "%(count)s projets sur %(total)s sont en cours (%(change)s par rapport à "
            "%(previous)s)."
        )
        % {
            "count": _number(active["value"]),
            "total": _number(indicator["total"]),
            "change": _signed(active["change"]),
            "previous": indicator["previous_label"],
        }
        if indicator["total"]
        else _no_data()
    )
    return _change_block(
        name="projects_by_status",
        title=_("Projets par statut"),
        data=indicator,
        first_column=_("Statut"),
        reading=reading,
    )


def block_projects_by_stage(data: dict) -> Block:
    indicator = data["projects_by_stage"]
    advanced = sum(
        row["value"] for row in indicator["rows"] if row["key"] != "research"
    )
    reading = (
        _(
            "%(share)s des projets ont atteint la validation clinique ou le déploiement "
            "(TRL 5 ou plus) : %(count)s sur %(total)s."
        )
        % {
            "share": _percent(100 * advanced / indicator["total"]),
            "count": _number(advanced),
            "total": _number(indicator["total"]),
        }
        if indicator["total"]
        else _no_data()
    )
    labelled = {
        **indicator,
        "rows": [
            {**row, "label": f"{row['label']} (TRL {row['trl']})"}
            for row in indicator["rows"]
        ],
    }
    return _change_block(
        name="projects_by_stage",
        title=_("Projets par stade de maturité"),
        data=labelled,
        first_column=_("Stade"),
        reading=reading,
    )


def block_domain_technique(data: dict) -> Block:
    matrix = data["domain_technique"]
    title = _("Domaines médicaux × techniques d’IA")
    cells = [
        (value, domain["label"], technique["label"])
        for domain, row in zip(matrix["domains"], matrix["values"], strict=True)
        for technique, value in zip(matrix["techniques"], row, strict=True)
    ]
    if cells:
        count, domain, technique = max(cells, key=lambda cell: cell[0])
        reading = _(
            "La combinaison la plus fréquente est %(domain)s × %(technique)s "
            "(%(count)s projets)."
        ) % {"domain": domain, "technique": technique, "count": _number(count)}
    else:
        reading = _no_data()
    return Block(
        name="domain_technique",
        title=title,
        reading=reading,
        chart=charts.heat_map(
            chart_id="domain_technique",
            title=title,
            description=reading,
            row_labels=[domain["label"] for domain in matrix["domains"]],
            column_labels=[technique["label"] for technique in matrix["techniques"]],
            values=matrix["values"],
        ),
        caption=_(
            "Nombre de projets par domaine médical (lignes) et technique d’IA (colonnes)"
        ),
        columns=[_("Domaine médical")]
        + [technique["label"] for technique in matrix["techniques"]],
        rows=[
            [Cell(domain["label"], domain["label"])] + [Cell(value) for value in row]
            for domain, row in zip(matrix["domains"], matrix["values"], strict=True)
        ],
        note=_(
            "Domaines et techniques regroupés par rubrique ; un projet à plusieurs "
            "domaines ou techniques compte dans chaque case concernée."
        ),
        wide=True,
    )


def block_datasets(data: dict) -> Block:
    datasets = data["datasets"]["datasets"]
    title = _("Projets par jeu de données")
    reading = (
        _("%(dataset)s est le jeu de données le plus utilisé (%(count)s projets).")
        % {"dataset": datasets[0]["name"], "count": _number(datasets[0]["value"])}
        if datasets
        else _no_data()
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
        % {"kind": top["label"], "count": _number(top["value"])}
        if top
        else _no_data()
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
            "%(granted)s demandes d’accès accordées sur %(requested)s (%(share)s) ; "
            "%(pending)s en attente, %(refused)s refusées."
        )
        % {
            "granted": _number(access["granted"]),
            "requested": _number(access["requested"]),
            "share": _percent(access["granted_share"]),
            "pending": _number(access["pending"]),
            "refused": _number(access["refused"]),
        }
        if access["requested"]
        else _no_data()
    )
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
    )


def block_evaluation_coverage(data: dict) -> Block:
    coverage = data["evaluation_coverage"]
    title = _("Projets en validation clinique ou déployés ayant une évaluation publiée")
    reading = (
        _(
            "%(share)s des projets au stade de la validation clinique ou au-delà (TRL 5 "
            "ou plus) ont une évaluation INESIA publiée : %(evaluated)s sur %(total)s."
        )
        % {
            "share": _percent(coverage["share"]),
            "evaluated": _number(coverage["evaluated"]),
            "total": _number(coverage["total"]),
        }
        if coverage["total"]
        else _no_data()
    )
    rows = coverage["rows"]
    return Block(
        name="evaluation_coverage",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="evaluation_coverage",
            title=title,
            description=reading,
            labels=[row["label"] for row in rows],
            series=[
                (_("Avec évaluation publiée"), [row["value"] for row in rows]),
                (_("Sans évaluation publiée"), [row["not_evaluated"] for row in rows]),
            ],
        ),
        caption=title,
        columns=[
            _("Stade"),
            _("Projets"),
            _("Avec évaluation publiée"),
            _("Part évaluée"),
        ],
        rows=[
            [
                Cell(row["label"], row["label"]),
                Cell(row["total"]),
                Cell(row["value"]),
                Cell(row["share"], _percent(row["share"])),
            ]
            for row in rows
        ],
    )


def block_evaluation_verdicts(data: dict) -> Block:
    verdicts = data["evaluation_verdicts"]
    title = _("Avis des évaluations publiées")
    favourable = next(row for row in verdicts["rows"] if row["key"] == "favourable")
    reading = (
        _("%(share)s des %(total)s évaluations publiées ont un avis favorable.")
        % {"share": _percent(favourable["share"]), "total": _number(verdicts["total"])}
        if verdicts["total"]
        else _no_data()
    )
    return Block(
        name="evaluation_verdicts",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="evaluation_verdicts",
            title=title,
            description=reading,
            labels=[row["label"] for row in verdicts["rows"]],
            series=[(_("Évaluations"), [row["value"] for row in verdicts["rows"]])],
        ),
        caption=title,
        columns=[_("Avis"), _("Évaluations"), _("Part")],
        rows=[
            [
                Cell(row["label"], row["label"]),
                Cell(row["value"]),
                Cell(row["share"], _percent(row["share"])),
            ]
            for row in verdicts["rows"]
        ],
    )


def block_evaluation_delay(data: dict) -> Block:
    verdicts = data["evaluation_verdicts"]
    title = _("Délai entre la demande d’évaluation et l’avis")
    reading = (
        _(
            "Délai médian entre la demande d’évaluation et l’avis : %(days)s jours "
            "(%(count)s évaluations publiées)."
        )
        % {
            "days": _number(verdicts["median_days"]),
            "count": _number(verdicts["delays_counted"]),
        }
        if verdicts["median_days"] is not None
        else _no_data()
    )
    bands = verdicts["delay_bands"]
    return Block(
        name="evaluation_delay",
        title=title,
        reading=reading,
        chart=charts.column_chart(
            chart_id="evaluation_delay",
            title=title,
            description=reading,
            labels=[row["label"] for row in bands]
            if verdicts["delays_counted"]
            else [],
            values=[row["value"] for row in bands],
        ),
        caption=title,
        columns=[_("Délai"), _("Évaluations")],
        rows=[[Cell(row["label"], row["label"]), Cell(row["value"])] for row in bands],
        note=_(
            "Date de l’avis : fin de l’évaluation, ou sa publication quand la fin "
            "n’est pas renseignée."
        ),
    )


def block_cross_institute(data: dict) -> Block:
    collaboration = data["collaboration"]
    title = _("Projets associant plusieurs instituts")
    reading = (
        _(
            "%(share)s des projets associent des équipes relevant d’au moins deux "
            "instituts : %(count)s sur %(total)s."
        )
        % {
            "share": _percent(collaboration["share"]),
            "count": _number(collaboration["cross_institute"]),
            "total": _number(collaboration["total"]),
        }
        if collaboration["total"]
        else _no_data()
    )
    pairs = collaboration["institute_pairs"]
    pair_labels = [f"{pair['a']} – {pair['b']}" for pair in pairs]
    return Block(
        name="cross_institute",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="cross_institute",
            title=_("Projets communs par paire d’instituts"),
            description=reading,
            labels=pair_labels,
            series=[(_("Projets communs"), [pair["value"] for pair in pairs])],
        ),
        caption=_("Projets communs par paire d’instituts"),
        columns=[_("Instituts"), _("Projets communs")],
        rows=[
            [Cell(label, label), Cell(pair["value"])]
            for label, pair in zip(pair_labels, pairs, strict=True)
        ],
        note=_(
            "Instituts des équipes porteuses et partenaires (leurs tutelles) ; les "
            "organisations partenaires sans équipe ne comptent pas."
        ),
    )


def block_network(data: dict) -> Block:
    collaboration = data["collaboration"]
    title = _("Réseau des équipes liées par des projets communs")
    teams = collaboration["teams"][:NETWORK_MAX_TEAMS]
    drawn = {team["key"] for team in teams}
    labels = {team["key"]: team for team in collaboration["teams"]}
    links = collaboration["links"]
    drawn_links = [link for link in links if link["a"] in drawn and link["b"] in drawn]
    groups = [
        institute["label"]
        for institute in collaboration["institutes"]
        if any(institute["label"] in team["institutes"] for team in teams)
    ]
    if links:
        strongest = links[0]
        reading = _(
            "%(teams)s équipes liées par %(links)s collaborations ; le lien le plus "
            "fort unit %(a)s et %(b)s (%(count)s projets communs)."
        ) % {
            "teams": _number(len(collaboration["teams"])),
            "links": _number(len(links)),
            "a": labels[strongest["a"]]["label"],
            "b": labels[strongest["b"]]["label"],
            "count": _number(strongest["value"]),
        }
    else:
        reading = _no_data()

    def link_row(link: dict) -> list[Cell]:
        a, b = labels[link["a"]], labels[link["b"]]
        return [
            Cell(a["name"], a["label"], a["url"]),
            Cell(b["name"], b["label"], b["url"]),
            Cell(link["value"]),
        ]

    nodes = [
        {
            "key": team["key"],
            "label": team["label"],
            "title": _("%(team)s : %(count)s projets")
            % {
                "team": team["name"],
                "count": _number(team["projects"]),
            },
            "group": team["institutes"][0] if team["institutes"] else "",
            "groups": team["institutes"],
            "size": team["projects"],
            "url": team["url"],
        }
        for team in teams
    ]
    for link in drawn_links:
        link["label"] = _("%(a)s – %(b)s : %(count)s projets communs") % {
            "a": labels[link["a"]]["label"],
            "b": labels[link["b"]]["label"],
            "count": _number(link["value"]),
        }
    return Block(
        name="network",
        title=title,
        reading=reading,
        chart=charts.network_chart(
            chart_id="network",
            title=title,
            description=reading,
            groups=groups,
            nodes=nodes,
            links=drawn_links,
        ),
        caption=_("Liens entre équipes : projets communs"),
        columns=[_("Équipe"), _("Équipe liée"), _("Projets communs")],
        rows=[link_row(link) for link in drawn_links],
        csv_rows=[link_row(link) for link in links],
        note=_(
            "Le dessin et le tableau montrent les %(n)s équipes qui ont le plus de "
            "projets, rattachées à leurs instituts au centre ; le fichier CSV contient "
            "tous les liens."
        )
        % {"n": NETWORK_MAX_TEAMS},
        wide=True,
    )


def block_funding(data: dict) -> Block:
    rows = data["funding"]["rows"]
    title = _("Financement par programme")
    reading = (
        _("%(programme)s finance le plus de projets (%(count)s).")
        % {"programme": rows[0]["label"], "count": _number(rows[0]["value"])}
        if rows
        else _no_data()
    )
    shown = rows[:TOP_FUNDING]
    return Block(
        name="funding",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="funding",
            title=title,
            description=reading,
            labels=[row["label"] for row in shown],
            series=[(_("Projets"), [row["value"] for row in shown])],
        ),
        caption=title,
        columns=[
            _("Financeur"),
            _("Programme"),
            _("Projets"),
            _("Financements"),
            _("Montant (€)"),
        ],
        rows=[
            [
                Cell(row["funder"], row["funder"]),
                Cell(row["programme"], row["programme"]),
                Cell(row["value"]),
                Cell(row["grants"]),
                Cell(row["amount_eur"]),
            ]
            for row in rows
        ],
    )


TREND_LABELS = {
    "projects": gettext_lazy("Projets publiés"),
    "clinical_or_beyond": gettext_lazy("En validation clinique ou déployés"),
    "evaluated": gettext_lazy("Avec évaluation publiée"),
    "cross_institute": gettext_lazy("Multi-instituts"),
}


def block_trends(data: dict) -> Block:
    rows = data["trends"]["rows"]
    title = _("Tendances mensuelles")
    if len(rows) >= 2:
        reading = _(
            "De %(first)s à %(last)s, le nombre de projets publiés est passé de "
            "%(start)s à %(end)s."
        ) % {
            "first": rows[0]["month"],
            "last": rows[-1]["month"],
            "start": _number(rows[0]["projects"]),
            "end": _number(rows[-1]["projects"]),
        }
    else:
        reading = _("Pas encore assez d’instantanés mensuels pour tracer une tendance.")
    return Block(
        name="trends",
        title=title,
        reading=reading,
        chart=charts.line_chart(
            chart_id="trends",
            title=title,
            description=reading,
            x_labels=[row["month"] for row in rows],
            series=[
                (str(label), [row[name] for row in rows])
                for name, label in TREND_LABELS.items()
            ],
        ),
        caption=_("Indicateurs clés à la fin de chaque mois"),
        columns=[_("Mois")] + [str(label) for label in TREND_LABELS.values()],
        rows=[
            [Cell(row["month"], row["month"])]
            + [Cell(row[name]) for name in TREND_LABELS]
            for row in rows
        ],
        note=_(
            "Instantanés de l’ensemble du registre (les filtres ne s’y appliquent pas) ; "
            "les mois antérieurs au premier relevé sont reconstitués à partir des dates."
        ),
        wide=True,
    )


BUILDERS: dict[str, Callable[[dict], Block]] = {
    "projects_by_institute": block_projects_by_institute,
    "projects_by_year": block_projects_by_year,
    "projects_by_status": block_projects_by_status,
    "projects_by_stage": block_projects_by_stage,
    "domain_technique": block_domain_technique,
    "datasets": block_datasets,
    "dataset_kinds": block_dataset_kinds,
    "dataset_access": block_dataset_access,
    "evaluation_coverage": block_evaluation_coverage,
    "evaluation_verdicts": block_evaluation_verdicts,
    "evaluation_delay": block_evaluation_delay,
    "cross_institute": block_cross_institute,
    "network": block_network,
    "funding": block_funding,
    "trends": block_trends,
}

SECTIONS = [
    (
        "projets",
        gettext_lazy("Projets"),
        [
            "projects_by_institute",
            "projects_by_year",
            "projects_by_status",
            "projects_by_stage",
        ],
    ),
    ("domaines", gettext_lazy("Domaines et techniques"), ["domain_technique"]),
    (
        "donnees",
        gettext_lazy("Données de santé"),
        ["datasets", "dataset_kinds", "dataset_access"],
    ),
    (
        "evaluation",
        gettext_lazy("Évaluation par l’INESIA"),
        ["evaluation_coverage", "evaluation_verdicts", "evaluation_delay"],
    ),
    ("collaboration", gettext_lazy("Collaboration"), ["cross_institute", "network"]),
    ("financement", gettext_lazy("Financement"), ["funding"]),
    ("tendances", gettext_lazy("Tendances"), ["trends"]),
]


def dashboard_sections(*, data: dict) -> list[Section]:
    """The page, section by section; `data` holds the indicators and the trends."""
    return [
        Section(
            slug=slug, title=str(title), blocks=[BUILDERS[name](data) for name in names]
        )
        for slug, title, names in SECTIONS
    ]
