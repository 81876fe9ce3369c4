"""INESIA evaluation: coverage, verdicts, delay to verdict."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number, percent


def block_evaluation_coverage(data: dict) -> Block:
    coverage = data["evaluation_coverage"]
    title = _("Projets en validation clinique ou déployés ayant une évaluation publiée")
    reading = (
        _(
            "%(share)s des projets au stade de la validation clinique ou au-delà (TRL 5 "
            "ou plus) ont une évaluation INESIA publiée : %(evaluated)s sur %(total)s."
        )
        % {
            "share": percent(coverage["share"]),
            "evaluated": number(coverage["evaluated"]),
            "total": number(coverage["total"]),
        }
        if coverage["total"]
        else no_data()
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
                Cell(row["share"], percent(row["share"])),
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
        % {"share": percent(favourable["share"]), "total": number(verdicts["total"])}
        if verdicts["total"]
        else no_data()
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
                Cell(row["share"], percent(row["share"])),
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
            "days": number(verdicts["median_days"]),
            "count": number(verdicts["delays_counted"]),
        }
        if verdicts["median_days"] is not None
        else no_data()
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
