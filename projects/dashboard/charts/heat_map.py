"""Domain × technique heat map, laid out for a phone: each row's label on its own
line above its cells, columns numbered with their key below the grid."""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString

from projects.dashboard.charts.base import (
    CHAR_WIDTH,
    LINE_HEIGHT,
    MUTED,
    TEXT,
    WIDTH,
    empty_chart,
    number,
    pair,
    svg,
    text_block,
    wrap,
)


def heat_colour(value: float, max_value: float) -> tuple[str, str]:
    """From the palest blue to blue France; white text on the darker half."""
    if not value:
        return "#f6f6f6", MUTED
    # A square-root scale: one dominant cell would otherwise wash out all others.
    ratio = math.sqrt(value / max_value) if max_value else 0
    light, dark = (236, 236, 254), (0, 0, 145)
    rgb = [
        round(a + (b - a) * (0.15 + 0.85 * ratio))
        for a, b in zip(light, dark, strict=True)
    ]
    return "#{:02x}{:02x}{:02x}".format(*rgb), "#ffffff" if ratio > 0.45 else TEXT


def heat_map(
    *,
    chart_id: str,
    title: str,
    description: str,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    values: Sequence[Sequence[float]],
) -> SafeString:
    """A grid of shaded cells. Column headers are numbers (1, 2, …) keyed under the
    grid with their full names, so that no label is cut at any width."""
    if not row_labels or not column_labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    cell_w = min(WIDTH / len(column_labels), 60)
    cell_h = 24
    max_value = max((max(row, default=0) for row in values), default=0)
    parts, y = [], 16.0
    for column, label in enumerate(column_labels):
        x = column * cell_w + cell_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" fill="{TEXT}" '
            f'font-weight="700"><title>{escape(label)}</title>{column + 1}</text>'
        )
    y += 8
    for row, label in enumerate(row_labels):
        y += LINE_HEIGHT
        lines = wrap(label, WIDTH / CHAR_WIDTH)
        parts.append(text_block(0, y - 4, lines, full=label))
        y += LINE_HEIGHT * (len(lines) - 1)
        for column, value in enumerate(values[row]):
            x = column * cell_w
            fill, ink = heat_colour(value, max_value)
            tip = pair(f"{label} × {column_labels[column]}", number(value))
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell_w - 2:.1f}" '
                f'height="{cell_h - 2}" fill="{fill}"><title>{escape(tip)}</title>'
                f"</rect>"
            )
            if value:
                parts.append(
                    f'<text x="{x + cell_w / 2 - 1:.1f}" y="{y + cell_h / 2 + 4:.1f}" '
                    f'text-anchor="middle" fill="{ink}">{number(value)}</text>'
                )
        y += cell_h + 4
    y += LINE_HEIGHT
    for column, label in enumerate(column_labels):
        lines = wrap(f"{column + 1}. {label}", WIDTH / CHAR_WIDTH)
        parts.append(text_block(0, y, lines, full=label))
        y += LINE_HEIGHT * len(lines)
    return svg(chart_id, title, description, y, "".join(parts))
