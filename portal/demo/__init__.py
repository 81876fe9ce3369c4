"""The demo data set: real organisations and datasets; fictional teams and projects.

`seed_demo` loads it in phases (see `portal.demo.loader`); every phase is idempotent.
"""
