"""The audit log: every change to registry data, attributed (who, when, what changed).

Changes are written into Wagtail's own log (`ModelLogEntry`), so moderators read them
in each record's "Historique" and in the site history report, next to Wagtail's
entries for admin actions.
"""
