"""Funding by programme."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number

TOP_FUNDING = 12


def block_funding(data: dict) -> Block:
    rows = data["funding"]["rows"]
    title = _("Financement par programme")
    reading = (
        _("%(programme)s finance le plus de projets (%(count)s).")
        % {"programme": rows[0]["label"], "count": number(rows[0]["value"])}
        if rows
        else no_data()
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
