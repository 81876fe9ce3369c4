"""Bars (one group per label), columns (along time) and lines (monthly trends)."""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString

from projects.dashboard.charts.base import (
    CHAR_WIDTH,
    LINE_HEIGHT,
    MUTED,
    PALETTE,
    TEXT,
    WIDTH,
    empty_chart,
    legend,
    nice_max,
    number,
    pair,
    svg,
    text_block,
    wrap,
    y_axis,
)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    unit: str = "",
    max_value: float | None = None,
) -> SafeString:
    """Horizontal bars: each label written in full above its bars (wrapped, never
    cut off by a margin), one bar per series, the value at the end of each bar."""
    if not labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    bar, gap, right = 15, 3, 52
    scale_max = max_value or max((max(values, default=0) for _n, values in series))
    scale_max = scale_max or 1
    span = WIDTH - right
    parts, y = [], 18.0
    if len(series) > 1:
        keys, y = legend([name for name, _values in series], y)
        parts.append(keys)
    for index, label in enumerate(labels):
        lines = wrap(label, WIDTH / CHAR_WIDTH)
        parts.append(text_block(0, y, lines, full=label))
        y += LINE_HEIGHT * (len(lines) - 1) + 6
        for serie_index, (name, values) in enumerate(series):
            value = values[index] or 0
            length = span * value / scale_max
            colour = PALETTE[serie_index % len(PALETTE)]
            shown = f"{number(value)}{unit}"
            tip = pair(f"{label}, {name}", shown)
            parts.append(
                f'<rect x="0" y="{y:.1f}" width="{max(length, 1):.1f}" '
                f'height="{bar}" fill="{colour}"><title>{escape(tip)}</title></rect>'
                f'<text x="{length + 4:.1f}" y="{y + bar - 3:.1f}" fill="{TEXT}">'
                f"{escape(shown)}</text>"
            )
            y += bar + gap
        y += LINE_HEIGHT + 4
    return svg(chart_id, title, description, y - LINE_HEIGHT + 4, "".join(parts))


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float],
) -> SafeString:
    """Vertical columns, for series along time (years) or ordered bands; labels are
    written one in `every` when they would not fit under each column."""
    if not labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    left, top, height = 40, 22, 220
    slot = (WIDTH - left - 4) / len(labels)
    longest = max(len(label) for label in labels)
    fits = all(
        len(wrap(label, slot / CHAR_WIDTH)) <= 2
        and max(len(word) for word in label.split() or [""]) * CHAR_WIDTH <= slot
        for label in labels
    )
    every = 1 if fits else math.ceil((longest * CHAR_WIDTH + 8) / slot)
    bottom = 12 + LINE_HEIGHT * (2 if every == 1 else 1)
    span_y = height - top - bottom
    scale_max = nice_max(max(values, default=0))
    column = min(slot * 0.7, 44)
    values_fit = max(len(number(v)) for v in values) * CHAR_WIDTH <= slot + 2
    parts = y_axis(left, top, span_y, scale_max)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + index * slot + (slot - column) / 2
        column_height = span_y * (value or 0) / scale_max
        y = top + span_y - column_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{column:.1f}" '
            f'height="{max(column_height, 1):.1f}" fill="{PALETTE[0]}">'
            f"<title>{escape(pair(label, number(value)))}</title></rect>"
        )
        if values_fit:
            parts.append(
                f'<text x="{x + column / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle" fill="{TEXT}">{number(value)}</text>'
            )
        if index % every == 0:
            lines = wrap(label, slot / CHAR_WIDTH) if every == 1 else [label]
            parts.append(
                text_block(
                    x + column / 2,
                    top + span_y + LINE_HEIGHT,
                    lines,
                    full=label,
                    anchor="middle",
                )
            )
    return svg(chart_id, title, description, height, "".join(parts))


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
) -> SafeString:
    """One line per series over time; as many x labels as fit are written."""
    if not x_labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    keys, legend_end = legend([name for name, _values in series], 18)
    top, bottom, left, right = legend_end + 6, 28, 40, 8
    height = top + 200 + bottom
    span_y = height - top - bottom
    span_x = WIDTH - left - right
    scale_max = nice_max(
        max((max(values, default=0) for _n, values in series), default=0)
    )
    parts = [keys, *y_axis(left, top, span_y, scale_max)]
    count = len(x_labels)
    step_x = span_x / (count - 1) if count > 1 else 0
    label_width = max(len(label) for label in x_labels) * CHAR_WIDTH + 12
    every = max(1, math.ceil(count * label_width / span_x))
    for index, label in enumerate(x_labels):
        near_last = index != count - 1 and count - 1 - index < every
        if (index % every == 0 and not near_last) or index == count - 1:
            x = left + index * step_x
            # Centred labels: the left margin leaves room for half of the first.
            anchor = "end" if index == count - 1 and count > 1 else "middle"
            parts.append(
                f'<text x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}" '
                f'fill="{MUTED}">{escape(label)}</text>'
            )
    for serie_index, (name, values) in enumerate(series):
        colour = PALETTE[serie_index % len(PALETTE)]
        points = [
            (left + index * step_x, top + span_y - span_y * (value or 0) / scale_max)
            for index, value in enumerate(values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"><title>{escape(name)}</title></polyline>'
        )
        last_x, last_y = points[-1]
        tip = pair(f"{name}, {x_labels[-1]}", number(values[-1]))
        parts.append(
            f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="3.5" fill="{colour}">'
            f"<title>{escape(tip)}</title></circle>"
        )
    return svg(chart_id, title, description, height, "".join(parts))
