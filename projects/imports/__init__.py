"""Bulk imports of registry records (organisations, teams, people, datasets, projects)
from CSV or JSON files: one engine, a declarative column spec per kind, all-or-nothing."""
