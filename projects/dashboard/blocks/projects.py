"""Projects: by institute, by start year, by status, by stage."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import (
    Block,
    Cell,
    change_block,
    no_data,
    number,
    percent,
    signed,
)


def block_projects_by_institute(data: dict) -> Block:
    indicator = data["projects_by_institute"]
    comparison = data["comparison"]
    rows = [row for row in indicator["rows"] if row["value"]]
    if rows:
        top = max(rows, key=lambda row: row["value"])
        reading = _(
            "%(institute)s participe au plus grand nombre de projets : %(count)s sur "
            "%(total)s, dont %(lead)s qu’il porte."
        ) % {
            "institute": top["label"],
            "count": number(top["value"]),
            "total": number(indicator["total"]),
            "lead": number(top["lead"]),
        }
        if comparison["available"]:
            reading += " " + _("%(change)s par rapport à %(previous)s.") % {
                "change": signed(top["change"]),
                "previous": comparison["label"],
            }
    else:
        reading = no_data()
    block = change_block(
        name="projects_by_institute",
        title=_("Projets par institut : participation et portage"),
        data=indicator,
        comparison=comparison,
        first_column=_("Institut"),
        reading=reading,
        extra=(("lead", _("dont portés")),),
    )
    block.columns[1] = _("Projets (participation)")
    block.note = " ".join(
        [
            _(
                "Un projet compte pour un institut dès que l’organisation porteuse, "
                "l’équipe porteuse ou une équipe partenaire en relève ; un projet peut "
                "compter pour plusieurs instituts. La page d’accueil montre les projets "
                "portés."
            ),
            block.note,
        ]
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
            "count": number(top["value"]),
            "last": last["label"],
            "last_count": number(last["value"]),
            "change": signed(last["change"]),
        }
    else:
        reading = no_data()
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
                Cell(row["change"], signed(row["change"])),
            ]
            for row in rows
        ],
    )


def block_projects_by_status(data: dict) -> Block:
    indicator = data["projects_by_status"]
    comparison = data["comparison"]
    active = next(row for row in indicator["rows"] if row["key"] == "active")
    reading = (
        _("%(count)s projets sur %(total)s sont en cours.")
        % {"count": number(active["value"]), "total": number(indicator["total"])}
        if indicator["total"]
        else no_data()
    )
    if indicator["total"] and comparison["available"]:
        reading += " " + _("%(change)s par rapport à %(previous)s.") % {
            "change": signed(active["change"]),
            "previous": comparison["label"],
        }
    return change_block(
        name="projects_by_status",
        title=_("Projets par statut"),
        data=indicator,
        comparison=comparison,
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
            "share": percent(100 * advanced / indicator["total"]),
            "count": number(advanced),
            "total": number(indicator["total"]),
        }
        if indicator["total"]
        else no_data()
    )
    labelled = {
        **indicator,
        "rows": [
            {**row, "label": f"{row['label']} (TRL {row['trl']})"}
            for row in indicator["rows"]
        ],
    }
    return change_block(
        name="projects_by_stage",
        title=_("Projets par stade de maturité"),
        data=labelled,
        comparison=data["comparison"],
        first_column=_("Stade"),
        reading=reading,
    )
