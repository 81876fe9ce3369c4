"""INESIA evaluations as a workflow: request, assignment, dated and attributed steps.

`transitions` is the one place where an evaluation's status changes; `services` files
requests; `roles` says who is who; views, admin and tasks only call these.
"""
