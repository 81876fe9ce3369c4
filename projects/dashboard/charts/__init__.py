"""Charts drawn on the server as inline SVG: no CDN, no JavaScript library, they print.

Each chart is an `<svg role="img">` labelled by its own `<title>` and `<desc>`; the
numbers are repeated in the data table that always sits next to it. Charts are laid
out for a phone first: 360 units wide with 13-unit text, so that on a 390 px screen
(a 358 px column) no text is drawn below 12 px; on a wide screen the CSS caps their
width. Labels wrap rather than being cut, and any label that must be shortened keeps
its full text in a `<title>`. All text is escaped; functions return safe strings.
"""

from projects.dashboard.charts.bars import bar_chart, column_chart, line_chart
from projects.dashboard.charts.base import empty_chart
from projects.dashboard.charts.heat_map import heat_map
from projects.dashboard.charts.network import network_chart

__all__ = [
    "bar_chart",
    "column_chart",
    "empty_chart",
    "heat_map",
    "line_chart",
    "network_chart",
]
