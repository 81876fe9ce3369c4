"""The foundation layer: what every app may import and which imports no app.

API framework (`api`), progress bars, roles, JSON-LD helpers, the data-version cache,
the rule of who may be e-mailed, shared template partials. See docs/architecture.md.
"""
