"""Medical domains × AI techniques."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number


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
        ) % {"domain": domain, "technique": technique, "count": number(count)}
    else:
        reading = no_data()
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
