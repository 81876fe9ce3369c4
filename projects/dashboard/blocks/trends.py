"""Monthly trends, from the snapshots."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, number

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
            "start": number(rows[0]["projects"]),
            "end": number(rows[-1]["projects"]),
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
