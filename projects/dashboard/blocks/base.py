"""What every block is made of: cells, blocks, sections, and the number formats
and block shapes the builders share."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from projects.dashboard import charts


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


def number(value) -> str:
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{number(float(value))} %"


def signed(value: int) -> str:
    return f"+{number(value)}" if value > 0 else number(value).replace("-", "−")


def change_cells(row: dict) -> list[Cell]:
    return [
        Cell(row["value"]),
        Cell(row["previous"]),
        Cell(row["change"], signed(row["change"])),
    ]


def no_data() -> str:
    return _("Aucune donnée pour ces filtres.")


def change_block(
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
            [Cell(row["label"], row["label"], row.get("url", ""))] + change_cells(row)
            for row in rows
        ],
    )
