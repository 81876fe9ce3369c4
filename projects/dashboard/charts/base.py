"""What every chart is made of: the SVG frame, wrapped labels, numbers, legends."""

import math
import textwrap
from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# DSFR colours: blue France first, then illustrative colours that stay distinct in print.
PALETTE = ["#000091", "#c94b15", "#00786b", "#a558a0", "#8a6c00", "#6a6af4"]
TEXT = "#161616"
MUTED = "#595959"
GRID = "#dddddd"
# A phone's column is about 358 px: drawn 360 wide, text keeps ≥ 12 px on screen.
WIDTH = 360
FONT_SIZE = 13
LINE_HEIGHT = 16
CHAR_WIDTH = 7.4  # average width of a 13-unit Marianne character, for layout
FONT = 'font-family="Marianne, arial, sans-serif"'


def number(value: float | None) -> str:
    """A number in the active language's format (1 234 / 1,234; 1,5 / 1.5)."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1, use_l10n=True)
    return number_format(int(value), use_l10n=True, force_grouping=True)


def pair(name: str, value: str) -> str:
    """ "Projets : 36" in French, "Projects: 36" in English (translated pattern)."""
    return _("%(name)s : %(value)s") % {"name": name, "value": value}


def wrap(label: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """The label on at most `max_lines` lines; the last is shortened with "…" only
    when even that is not enough (the caller keeps the full text in a <title>)."""
    max_chars = max(int(max_chars), 4)
    lines = textwrap.wrap(label, max_chars, break_long_words=True) or [""]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [rest[: max_chars - 1].rstrip() + "…"]
    return lines


def text_block(
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    full: str = "",
    anchor: str = "start",
    fill: str = TEXT,
    extra: str = "",
) -> str:
    """Lines of text from `y` (first baseline) down; the full text in a <title>
    when the lines shorten it."""
    shown = " ".join(lines)
    title = f"<title>{escape(full)}</title>" if full and full != shown else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if index == 0 else LINE_HEIGHT}">'
        f"{escape(line)}</tspan>"
        for index, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>'
        f"{title}{spans}</text>"
    )


def svg(
    chart_id: str, title: str, description: str, height: float, body: str
) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dashboard-chart" '
        f'id="chart-{chart_id}" viewBox="0 0 {WIDTH} {math.ceil(height)}" '
        f'role="img" aria-labelledby="chart-{chart_id}-title chart-{chart_id}-desc" '
        f'preserveAspectRatio="xMinYMin meet" {FONT} font-size="{FONT_SIZE}">'
        f'<title id="chart-{chart_id}-title">{escape(title)}</title>'
        f'<desc id="chart-{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def legend(names: Sequence[str], y: float, colours: Sequence[str] = PALETTE):
    """Colour keys, as many per line as fit; returns the SVG and the next free y."""
    parts, x = [], 0.0
    for index, name in enumerate(names):
        lines = wrap(name, (WIDTH - 18) / CHAR_WIDTH)
        width = 18 + max(len(line) for line in lines) * CHAR_WIDTH + 14
        if x > 0 and x + width > WIDTH:
            x, y = 0.0, y + LINE_HEIGHT + 4
        colour = colours[index % len(colours)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="13" height="13" '
            f'fill="{colour}"/>' + text_block(x + 18, y, lines, full=name)
        )
        y += LINE_HEIGHT * (len(lines) - 1)
        x += width
    return "".join(parts), y + LINE_HEIGHT + 6


def empty_chart(*, chart_id: str, title: str, message: str) -> SafeString:
    lines = wrap(message, WIDTH / CHAR_WIDTH, max_lines=4)
    body = text_block(WIDTH / 2, 30, lines, anchor="middle", fill=MUTED)
    return svg(chart_id, title, message, 40 + LINE_HEIGHT * len(lines), body)


def nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above the value, for round gridlines."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def y_axis(left: float, top: float, span: float, scale_max: float) -> list[str]:
    parts = []
    # Gridlines at halves or the ends only: never at a fraction of a unit.
    fractions = (0, 0.5, 1) if float(scale_max * 0.5).is_integer() else (0, 1)
    for fraction in fractions:
        y = top + span - span * fraction
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 2}" y2="{y:.1f}" '
            f'stroke="{GRID}"/><text x="{left - 5}" y="{y + 4:.1f}" '
            f'text-anchor="end" fill="{MUTED}">{number(scale_max * fraction)}</text>'
        )
    return parts
