"""The registry's resources in the public API: organisations, teams, people,
datasets and evaluations (see `portal/api.py` for the router)."""
