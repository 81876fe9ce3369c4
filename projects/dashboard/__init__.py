"""The policymakers' dashboard: indicators, server-side charts, snapshots and exports.

`indicators` computes (reads only, from `Project.objects.public()` and
`Evaluation.objects.public()`), `charts` draws SVG, `blocks` pairs each indicator with its
chart, table and reading, `views`/`api` serve them, `snapshots` keeps monthly copies.
"""
