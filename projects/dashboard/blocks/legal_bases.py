"""Health data uses by legal basis and kind of source (issue 18)."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number, percent

# The group labels are stored in French in the indicators (cached, snapshotted):
# translated here, when the page is drawn.
GROUP_LABELS = {
    "reference_methodology": lambda: _("Méthodologie de référence (MR-001 à MR-008)"),
    "cnil_authorisation": lambda: _("Autorisation CNIL après avis du CESREES"),
    "consent": lambda: _("Consentement"),
    "other": lambda: _("Autre cadre"),
    "unstated": lambda: _("Non renseigné"),
}


def block_legal_bases(data: dict) -> Block:
    indicator = data["legal_bases"]
    rows, kinds = indicator["rows"], indicator["kinds"]
    title = _("Utilisations de données par base juridique et type de source")
    labels = [GROUP_LABELS[row["key"]]() for row in rows]
    top = max(rows, key=lambda row: row["value"]) if rows else None
    reading = (
        _(
            "%(count)s utilisations de données ; base juridique la plus fréquente : "
            "%(basis)s (%(share)s)."
        )
        % {
            "count": number(indicator["total"]),
            "basis": GROUP_LABELS[top["key"]](),
            "share": percent(top["share"]),
        }
        if top
        else no_data()
    )
    return Block(
        name="legal_bases",
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id="legal_bases",
            title=title,
            description=reading,
            labels=labels,
            series=[
                (kind["label"], [row["by_kind"][kind["key"]] for row in rows])
                for kind in kinds
            ],
        ),
        caption=title,
        columns=[
            _("Base juridique"),
            _("Utilisations"),
            _("Part"),
            *[kind["label"] for kind in kinds],
        ],
        rows=[
            [
                Cell(label, label),
                Cell(row["value"]),
                Cell(row["share"], percent(row["share"])),
                *[Cell(row["by_kind"][kind["key"]]) for kind in kinds],
            ]
            for label, row in zip(labels, rows, strict=True)
        ],
        wide=len(kinds) > 4,
    )
