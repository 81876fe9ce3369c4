"""Maturity without assurance: advanced projects with no published evaluation."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number

# The chart shows the projects longest at their stage; the table and CSV list all.
TOP_WAITING = 12


def block_maturity_without_assurance(data: dict) -> Block:
    indicator = data["maturity_without_assurance"]
    rows = indicator["rows"]
    title = _("Maturité sans évaluation : projets avancés sans évaluation publiée")
    reading = (
        _(
            "%(count)s projets en validation clinique ou déployés n’ont aucune "
            "évaluation INESIA publiée ; %(longest)s l’est depuis %(months)s mois."
        )
        % {
            "count": number(indicator["total"]),
            "longest": rows[0]["label"],
            "months": number(rows[0]["months_at_stage"]),
        }
        if rows
        else _("Tous les projets avancés de cette vue ont une évaluation publiée.")
    )
    bases = {
        "stage_reached_on": _("date de passage au stade"),
        "start_date": _("date de début (passage au stade non daté)"),
    }
    shown = rows[:TOP_WAITING]

    def cells(row: dict) -> list[Cell]:
        # No institute leads it: say who does rather than leave the cell blank.
        institutes = ", ".join(row["lead_institutes"]) or _(
            "aucun (porteur : %(organisation)s)"
        ) % {"organisation": row["lead_organisation"]}
        return [
            Cell(row["label"], row["label"], row["url"]),
            Cell(row["stage"], f"{row['stage']} (TRL {row['trl']})"),
            Cell(row["ce_class"], row["ce_class"]),
            Cell(row["ai_act_risk"], row["ai_act_risk"]),
            Cell(institutes, institutes),
            Cell(row["since"], row["since"]),
            Cell(row["months_at_stage"]),
            Cell(str(bases[row["basis"]]), str(bases[row["basis"]])),
        ]

    return Block(
        name="maturity_without_assurance",
        title=title,
        reading=reading
        if indicator["total"] or data["summary"]["projects"]
        else no_data(),
        chart=charts.bar_chart(
            chart_id="maturity_without_assurance",
            title=title,
            description=reading,
            labels=[row["label"] for row in shown],
            series=[(_("Mois au stade"), [row["months_at_stage"] for row in shown])],
        ),
        caption=title,
        columns=[
            _("Projet"),
            _("Stade"),
            _("Marquage CE"),
            _("Risque AI Act"),
            _("Institut porteur"),
            _("Au stade depuis"),
            _("Mois au stade"),
            _("Base de la durée"),
        ],
        rows=[cells(row) for row in rows],
        note=_(
            "La durée court depuis la date de passage au stade quand le projet la "
            "renseigne, sinon depuis sa date de début : c’est alors un maximum. Le "
            "graphique montre les %(n)s projets à ce stade depuis le plus longtemps."
        )
        % {"n": TOP_WAITING},
        wide=True,
    )
