"""Collaboration: cross-institute projects and the network of teams."""

from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.blocks.base import Block, Cell, no_data, number, percent
from projects.dashboard.indicators.collaboration import NETWORK_MAX_TEAMS


def block_cross_institute(data: dict) -> Block:
    collaboration = data["collaboration"]
    title = _("Projets associant plusieurs instituts")
    reading = (
        _(
            "%(share)s des projets associent des équipes relevant d’au moins deux "
            "instituts : %(count)s sur %(total)s."
        )
        % {
            "share": percent(collaboration["share"]),
            "count": number(collaboration["cross_institute"]),
            "total": number(collaboration["total"]),
        }
        if collaboration["total"]
        else no_data()
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
            "teams": number(len(collaboration["teams"])),
            "links": number(len(links)),
            "a": labels[strongest["a"]]["label"],
            "b": labels[strongest["b"]]["label"],
            "count": number(strongest["value"]),
        }
    else:
        reading = no_data()

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
                "count": number(team["projects"]),
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
            "count": number(link["value"]),
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
            "projets, rattachées à leurs instituts au centre ; chaque équipe prend la "
            "couleur de son premier institut (légende sous le dessin). Le tableau est "
            "l’alternative accessible du dessin ; le fichier CSV contient tous les "
            "liens."
        )
        % {"n": NETWORK_MAX_TEAMS},
        wide=True,
    )
