from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    """INESIA evaluations as a workflow: requests, assignment, dated steps (issue 6).

    The app has no models. `Evaluation` and its criteria stay in `registry`
    (`registry/models/evaluations.py`): the registry's pages, API and open-data
    exports show evaluations, and a lower layer cannot import a higher one; its table
    and migrations stay where they are. This app holds the workflow that writes them
    (transitions, services, e-mails), the request page, the Wagtail admin
    (`wagtail_hooks.py`, found by Wagtail) and its tasks (found by Celery).
    """

    name = "projects.evaluations"
    label = "evaluations"
    verbose_name = _("Évaluations INESIA")
