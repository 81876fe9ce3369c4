"""What every block is made of: cells, blocks, sections, and the number formats
and block shapes the builders share."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from projects.dashboard import charts
from projects.dashboard.definitions import DEFINITIONS


@dataclass
class Cell:
    value: object
    text: str = ""
    url: str = ""

    def __post_init__(self):
        if not self.text:
            self.text = "–" if self.value is None else number(self.value)


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
    # One line saying what is counted (projects/dashboard/definitions.py).
    definition: str = ""
    # The CSV may hold more rows than the page (every link of the network).
    csv_rows: list[list[Cell]] | None = None
    wide: bool = False

    def __post_init__(self):
        if not self.definition:
            self.definition = str(DEFINITIONS.get(self.name, ""))

    @property
    def csv(self) -> list[list[Cell]]:
        return self.csv_rows if self.csv_rows is not None else self.rows


@dataclass
class Section:
    slug: str
    title: str
    blocks: list[Block] = field(default_factory=list)


def number(value) -> str:
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{number(float(value))} %"


def signed(value: int | None) -> str:
    if value is None:
        return "–"
    return f"+{number(value)}" if value > 0 else number(value).replace("-", "−")


def comparison_note(comparison: dict) -> str:
    """Which previous period the figures are compared with, or why none is."""
    if comparison["available"]:
        source = (
            _("relevé mensuel")
            if comparison["source"] == "live"
            else _("reconstitué à partir des dates")
        )
        return _(
            "« %(label)s » : le même indicateur tel qu’il était à la fin de "
            "%(month)s, d’après l’instantané de ce mois (%(source)s)."
        ) % {
            "label": comparison["label"],
            "month": comparison["month"],
            "source": source,
        }
    if comparison["reason"] == "filtered":
        return _(
            "Pas de comparaison avec %(label)s : les instantanés mensuels couvrent "
            "l’ensemble du registre, pas une vue filtrée."
        ) % {"label": comparison["label"]}
    return _(
        "Pas de comparaison avec %(label)s : aucun instantané de ce mois n’a été "
        "enregistré."
    ) % {"label": comparison["label"]}


def no_data() -> str:
    return _("Aucune donnée pour ces filtres.")


def change_block(
    *,
    name: str,
    title: str,
    data: dict,
    comparison: dict,
    first_column: str,
    reading: str,
    extra: tuple[tuple[str, str], ...] = (),
) -> Block:
    """A count per row, compared with the end of the previous year when a snapshot
    of it exists; `extra` adds (field, column) pairs, drawn as a second series."""
    rows = data["rows"]
    compared = comparison["available"]
    labels = [row["label"] for row in rows]
    series = [(_("Projets"), [row["value"] for row in rows])]
    series += [(column, [row[field] for row in rows]) for field, column in extra]
    if compared and not extra:
        series.append(
            (comparison["label"], [row["previous"] or 0 for row in rows]),
        )
    columns = [first_column, _("Projets")] + [column for _f, column in extra]
    if compared:
        columns += [
            _("Projets, %(label)s") % {"label": comparison["label"]},
            _("Évolution"),
        ]

    def cells(row: dict) -> list[Cell]:
        found = [Cell(row["label"], row["label"], row.get("url", ""))]
        found += [Cell(row["value"])] + [Cell(row[field]) for field, _c in extra]
        if compared:
            found += [Cell(row["previous"]), Cell(row["change"], signed(row["change"]))]
        return found

    return Block(
        name=name,
        title=title,
        reading=reading,
        chart=charts.bar_chart(
            chart_id=name,
            title=title,
            description=reading,
            labels=labels,
            series=series,
        ),
        caption=title,
        columns=columns,
        rows=[cells(row) for row in rows],
        note=comparison_note(comparison),
    )
