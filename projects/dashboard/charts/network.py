"""The network of teams: one labelled figure, its table as the accessible alternative.

The drawing holds no link and no focusable element (a figure, not 30 silent tab
stops); the table beside it lists every link with the teams' pages.
"""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString

from projects.dashboard.charts.base import (
    CHAR_WIDTH,
    GRID,
    PALETTE,
    TEXT,
    WIDTH,
    empty_chart,
    legend,
    svg,
)

# Team acronyms are drawn up to this length; the full name is in the node's <title>.
NODE_LABEL_CHARS = 8


def network_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[str],
    nodes: Sequence[dict],
    links: Sequence[dict],
) -> SafeString:
    """Institutes at the centre, their teams on a ring around, shared projects as
    chords; a legend keys the institutes' colours under the ring.

    The layout is deterministic (no force simulation): teams are placed on the circle
    grouped by their first institute, so the same data always gives the same drawing.
    `nodes` are dicts with key, label, title, group, groups, size; `links` are dicts
    with a, b (node keys), value and label.
    """
    if not nodes:
        return empty_chart(chart_id=chart_id, title=title, message=description)
    label_room = NODE_LABEL_CHARS * CHAR_WIDTH + 12  # room for a full label
    centre = WIDTH / 2
    ring = WIDTH / 2 - label_room
    inner = ring * 0.4
    top = centre  # the ring's centre, below room for the upper labels
    group_index = {group: index for index, group in enumerate(groups)}
    group_position = {}
    for index, group in enumerate(groups):
        angle = 2 * math.pi * index / max(len(groups), 1) - math.pi / 2
        group_position[group] = (
            centre + inner * math.cos(angle),
            top + inner * math.sin(angle),
        )
    ordered = sorted(nodes, key=lambda node: group_index.get(node["group"], 99))
    position = {}
    for index, node in enumerate(ordered):
        angle = 2 * math.pi * index / len(ordered) - math.pi / 2
        position[node["key"]] = (
            centre + ring * math.cos(angle),
            top + ring * math.sin(angle),
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
        cx, cy = (ax + bx) / 4 + centre / 2, (ay + by) / 4 + top / 2
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
            f'<circle cx="{gx:.1f}" cy="{gy:.1f}" r="12" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="2"><title>{escape(group)}</title>'
            f"</circle></g>"
        )
    for node in ordered:
        x, y, angle = position[node["key"]]
        colour = PALETTE[group_index.get(node["group"], 5) % len(PALETTE)]
        radius = 3 + 6 * math.sqrt(node["size"] / max_size)
        label_x = x + (radius + 3) * math.cos(angle)
        label_y = y + (radius + 3) * math.sin(angle) + 4
        anchor = "start" if math.cos(angle) >= -0.01 else "end"
        if abs(math.cos(angle)) < 0.2:
            anchor = "middle"
            label_y += 8 if math.sin(angle) > 0 else -4
        label = node["label"]
        if len(label) > NODE_LABEL_CHARS:
            label = label[: NODE_LABEL_CHARS - 1] + "…"
        parts.append(
            f'<g class="network-node" data-node="{escape(node["key"])}">'
            f"<title>{escape(node['title'])}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
            f'stroke="#ffffff"/><text x="{label_x:.1f}" y="{label_y:.1f}" '
            f'text-anchor="{anchor}" fill="{TEXT}">{escape(label)}</text></g>'
        )
    keys, height = legend(
        [str(group) for group in groups], 2 * top + 8, colours=PALETTE
    )
    parts.append(keys)
    return svg(chart_id, title, description, height, "".join(parts))
