"""Charts drawn on the server as inline SVG: no CDN, no JavaScript library, they print.

Each chart is an `<svg role="img">` labelled by its own `<title>` and `<desc>`; the
numbers are repeated in the data table that always sits next to it, so the drawing
itself is decorative for screen readers beyond its title and description. All text is
escaped here; the functions return safe strings ready for a template.
"""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# DSFR colours: blue France first, then illustrative colours that stay distinct in print.
PALETTE = ["#000091", "#e4794a", "#009081", "#a558a0", "#c3992a", "#6a6af4"]
TEXT = "#161616"
MUTED = "#666666"
GRID = "#dddddd"
WIDTH = 640
FONT = 'font-family="Marianne, arial, sans-serif"'
HEAT_MAP_WIDTH = 900  # drawn across the page, wider than the charts beside a table
CHAR_WIDTH = 6.4  # average width of a 12px Marianne character, for label layout


def _number(value: float) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return f"{int(value):,}".replace(",", "\u202f")


def _clip(label: str, max_chars: int) -> str:
    return label if len(label) <= max_chars else label[: max_chars - 1] + "…"


def _svg(
    chart_id: str,
    title: str,
    description: str,
    height: float,
    body: str,
    width: int = WIDTH,
) -> str:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dashboard-chart" '
        f'id="chart-{chart_id}" viewBox="0 0 {width} {math.ceil(height)}" '
        f'role="img" aria-labelledby="chart-{chart_id}-title chart-{chart_id}-desc" '
        f'preserveAspectRatio="xMinYMin meet" {FONT} font-size="12">'
        f'<title id="chart-{chart_id}-title">{escape(title)}</title>'
        f'<desc id="chart-{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _legend(names: Sequence[str], y: float, x: float = 0) -> tuple[str, float]:
    """Colour keys on one line, wrapping to the next; returns the SVG and the last y."""
    parts = []
    for index, name in enumerate(names):
        width = 17 + len(name) * CHAR_WIDTH + 20
        if x > 0 and x + width > WIDTH:
            x, y = 0, y + 18
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="12" height="12" '
            f'fill="{colour}"/><text x="{x + 17:.1f}" y="{y + 1:.1f}" '
            f'fill="{TEXT}">{escape(name)}</text>'
        )
        x += width
    return "".join(parts), y


def empty_chart(*, chart_id: str, title: str, message: str) -> SafeString:
    body = f'<text x="{WIDTH / 2}" y="40" text-anchor="middle" fill="{MUTED}">'
    body += f"{escape(message)}</text>"
    return _svg(chart_id, title, message, 70, body)


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
    """Horizontal bars, one group per label and one bar per series, values at the end."""
    if not labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    bar, gap = 18, 10
    group_height = bar * len(series) + gap
    label_chars = min(max(len(label) for label in labels), 34)
    left = label_chars * (CHAR_WIDTH + 0.6) + 12
    right = 64
    top = 6
    scale_max = max_value or max((max(values, default=0) for _n, values in series))
    scale_max = scale_max or 1
    span = WIDTH - left - right
    parts = []
    if len(series) > 1:
        legend, legend_y = _legend([name for name, _values in series], 12)
        parts.append(legend)
        top = legend_y + 14
    for index, label in enumerate(labels):
        y = top + index * group_height
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + bar * len(series) / 2 + 4:.1f}" '
            f'text-anchor="end" fill="{TEXT}"><title>{escape(label)}</title>'
            f"{escape(_clip(label, 34))}</text>"
        )
        for serie_index, (name, values) in enumerate(series):
            value = values[index] or 0
            length = span * value / scale_max
            by = y + serie_index * bar
            colour = PALETTE[serie_index % len(PALETTE)]
            parts.append(
                f'<rect x="{left:.1f}" y="{by:.1f}" width="{max(length, 0.5):.1f}" '
                f'height="{bar - 3}" fill="{colour}"><title>{escape(label)}, '
                f"{escape(name)} : {_number(value)}{escape(unit)}</title></rect>"
                f'<text x="{left + length + 5:.1f}" y="{by + bar / 2 + 2:.1f}" '
                f'fill="{TEXT}">{_number(value)}{escape(unit)}</text>'
            )
    height = top + len(labels) * group_height
    parts.insert(
        0,
        f'<line x1="{left:.1f}" y1="{top - 4}" x2="{left:.1f}" y2="{height - gap + 2}" '
        f'stroke="{MUTED}"/>',
    )
    return _svg(chart_id, title, description, height + 4, "".join(parts))


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float],
) -> SafeString:
    """Vertical columns, for series along time (years)."""
    if not labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    height, top, bottom, left = 240, 20, 28, 36
    span_y = height - top - bottom
    scale_max = _nice_max(max(values, default=0))
    slot = (WIDTH - left - 8) / len(labels)
    column = min(slot * 0.7, 48)
    parts = _y_axis(left, top, span_y, scale_max)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + index * slot + (slot - column) / 2
        column_height = span_y * (value or 0) / scale_max
        y = top + span_y - column_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{column:.1f}" '
            f'height="{max(column_height, 0.5):.1f}" fill="{PALETTE[0]}">'
            f"<title>{escape(label)} : {_number(value)}</title></rect>"
            f'<text x="{x + column / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
            f'fill="{TEXT}">{_number(value)}</text>'
            f'<text x="{x + column / 2:.1f}" y="{height - 10}" text-anchor="middle" '
            f'fill="{TEXT}">{escape(label)}</text>'
        )
    return _svg(chart_id, title, description, height, "".join(parts))


def _nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above the value, for round gridlines."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _y_axis(left: float, top: float, span: float, scale_max: float) -> list[str]:
    parts = []
    # Gridlines at quarters, halves or the ends only: never at a fraction of a unit.
    fractions = next(
        steps
        for steps in ((0, 0.25, 0.5, 0.75, 1), (0, 0.5, 1), (0, 1))
        if float(scale_max * steps[1]).is_integer() or steps == (0, 1)
    )
    for fraction in fractions:
        y = top + span - span * fraction
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 4}" y2="{y:.1f}" '
            f'stroke="{GRID}"/><text x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end" fill="{MUTED}">{_number(scale_max * fraction)}</text>'
        )
    return parts


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
) -> SafeString:
    """One line per series over time; at most a dozen x labels are written."""
    if not x_labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    legend, legend_y = _legend([name for name, _values in series], 14)
    top, bottom, left, right = legend_y + 20, 30, 44, 16
    height = top + 240 + bottom
    span_y = height - top - bottom
    span_x = WIDTH - left - right
    scale_max = _nice_max(
        max((max(values, default=0) for _n, values in series), default=0)
    )
    parts = [legend, *_y_axis(left, top, span_y, scale_max)]
    count = len(x_labels)
    step_x = span_x / (count - 1) if count > 1 else 0
    every = max(1, math.ceil(count / 12))
    for index, label in enumerate(x_labels):
        near_last = index != count - 1 and count - 1 - index < every
        if (index % every == 0 and not near_last) or index == count - 1:
            x = left + index * step_x
            anchor = "end" if index == count - 1 and count > 1 else "middle"
            parts.append(
                f'<text x="{x:.1f}" y="{height - 10}" text-anchor="{anchor}" '
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
        parts.append(
            f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="3.5" fill="{colour}">'
            f"<title>{escape(name)}, {escape(x_labels[-1])} : "
            f"{_number(values[-1])}</title></circle>"
        )
    return _svg(chart_id, title, description, height, "".join(parts))


def _heat_colour(value: float, max_value: float) -> tuple[str, str]:
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
    """A grid of shaded cells; column labels are written at an angle above it."""
    if not row_labels or not column_labels:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    left = min(max(len(label) for label in row_labels), 30) * CHAR_WIDTH + 10
    # Column labels are written at 45°: they reach up and to the right of their cell.
    reach = min(max(len(label) for label in column_labels), 26) * CHAR_WIDTH * 0.72
    top = reach + 16
    width = HEAT_MAP_WIDTH
    cell_w = min((width - left - reach) / len(column_labels), 56)
    cell_w = max(cell_w, 18)
    cell_h = 22
    max_value = max((max(row, default=0) for row in values), default=0)
    parts = []
    for column, label in enumerate(column_labels):
        x = left + column * cell_w + cell_w / 2
        parts.append(
            f'<text transform="translate({x:.1f},{top - 6:.1f}) rotate(-45)" '
            f'fill="{TEXT}"><title>{escape(label)}</title>'
            f"{escape(_clip(label, 26))}</text>"
        )
    for row, label in enumerate(row_labels):
        y = top + row * cell_h
        parts.append(
            f'<text x="{left - 6:.1f}" y="{y + cell_h / 2 + 4:.1f}" text-anchor="end" '
            f'fill="{TEXT}"><title>{escape(label)}</title>'
            f"{escape(_clip(label, 30))}</text>"
        )
        for column, value in enumerate(values[row]):
            x = left + column * cell_w
            fill, ink = _heat_colour(value, max_value)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell_w - 2:.1f}" '
                f'height="{cell_h - 2}" fill="{fill}"><title>{escape(label)} × '
                f"{escape(column_labels[column])} : {_number(value)}</title></rect>"
            )
            if value:
                parts.append(
                    f'<text x="{x + cell_w / 2 - 1:.1f}" y="{y + cell_h / 2 + 3:.1f}" '
                    f'text-anchor="middle" fill="{ink}" font-size="11">'
                    f"{_number(value)}</text>"
                )
    height = top + len(row_labels) * cell_h + 4
    return _svg(chart_id, title, description, height, "".join(parts), width)


def network_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[str],
    nodes: Sequence[dict],
    links: Sequence[dict],
) -> SafeString:
    """Institutes at the centre, their teams on a ring around, shared projects as chords.

    The layout is deterministic (no force simulation): teams are placed on the circle
    in the order given, grouped by their first institute, so the same data always gives
    the same drawing. `nodes` are dicts with key, label, group, size, url;
    `links` are dicts with a, b (node keys) and value.
    """
    if not nodes:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    size = WIDTH
    centre = size / 2
    ring = size / 2 - 110
    inner = ring * 0.38
    group_index = {group: index for index, group in enumerate(groups)}
    group_position = {}
    for index, group in enumerate(groups):
        angle = 2 * math.pi * index / max(len(groups), 1) - math.pi / 2
        group_position[group] = (
            centre + inner * math.cos(angle),
            centre + inner * math.sin(angle),
        )
    ordered = sorted(
        nodes, key=lambda node: (group_index.get(node["group"], len(groups)),)
    )
    position = {}
    for index, node in enumerate(ordered):
        angle = 2 * math.pi * index / len(ordered) - math.pi / 2
        position[node["key"]] = (
            centre + ring * math.cos(angle),
            centre + ring * math.sin(angle),
            angle,
        )
    max_link = max((link["value"] for link in links), default=1)
    max_size = max((node["size"] for node in nodes), default=1) or 1
    parts = ['<g class="network-links" fill="none">']
    for node in ordered:
        x, y, _angle = position[node["key"]]
        for group in node.get("groups", [node["group"]]):
            if group in group_position:
                gx, gy = group_position[group]
                parts.append(
                    f'<line class="network-tie" data-a="{escape(node["key"])}" '
                    f'data-b="g-{escape(group)}" x1="{x:.1f}" y1="{y:.1f}" '
                    f'x2="{gx:.1f}" y2="{gy:.1f}" stroke="{GRID}" '
                    f'stroke-dasharray="3 3"/>'
                )
    for link in links:
        if link["a"] not in position or link["b"] not in position:
            continue
        ax, ay, _a = position[link["a"]]
        bx, by, _b = position[link["b"]]
        # A chord bent towards the centre, so that links stay inside the ring.
        cx, cy = (ax + bx) / 2 * 0.5 + centre * 0.5, (ay + by) / 2 * 0.5 + centre * 0.5
        width = 1 + 3 * link["value"] / max_link
        parts.append(
            f'<path class="network-link" data-a="{escape(link["a"])}" '
            f'data-b="{escape(link["b"])}" d="M{ax:.1f},{ay:.1f} '
            f'Q{cx:.1f},{cy:.1f} {bx:.1f},{by:.1f}" stroke="{PALETTE[5]}" '
            f'stroke-opacity="0.55" stroke-width="{width:.1f}">'
            f"<title>{escape(link['label'])}</title></path>"
        )
    parts.append("</g>")
    for group in groups:
        gx, gy = group_position[group]
        colour = PALETTE[group_index[group] % len(PALETTE)]
        parts.append(
            f'<g class="network-node network-group" data-node="g-{escape(group)}">'
            f'<circle cx="{gx:.1f}" cy="{gy:.1f}" r="22" fill="{colour}"/>'
            f'<text x="{gx:.1f}" y="{gy + 4:.1f}" text-anchor="middle" fill="#ffffff" '
            f'font-weight="700" font-size="11">{escape(_clip(group, 9))}</text></g>'
        )
    for node in ordered:
        x, y, angle = position[node["key"]]
        colour = PALETTE[group_index.get(node["group"], 5) % len(PALETTE)]
        radius = 4 + 7 * math.sqrt(node["size"] / max_size)
        label_x = x + (radius + 4) * math.cos(angle)
        label_y = y + (radius + 4) * math.sin(angle) + 4
        anchor = "start" if math.cos(angle) >= -0.01 else "end"
        href = escape(node.get("url", ""))
        parts.append(
            f'<a href="{href}" class="network-node" data-node="{escape(node["key"])}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
            f'stroke="#ffffff"/><text x="{label_x:.1f}" y="{label_y:.1f}" '
            f'text-anchor="{anchor}" fill="{TEXT}" font-size="11">'
            f"{escape(_clip(node['label'], 16))}</text>"
            f"<title>{escape(node['title'])}</title></a>"
        )
    return _svg(chart_id, title, description, size, "".join(parts))
