"""Existing evaluations get the dated steps their dates already tell.

Each recorded date becomes one transition, attributed to no one (they predate the
workflow) and labelled as reconstructed. Self-contained on purpose: a migration must
not follow later changes of the application code.
"""

import datetime

from django.db import migrations

RECONSTRUCTED = "reconstitué à partir des dates"
# (date field, action, status before, status after), in the workflow's order.
STEPS = [
    ("requested_on", "request", "", "requested"),
    ("started_on", "start", "requested", "in_progress"),
    ("completed_on", "complete", "in_progress", "completed"),
    ("published_on", "publish", "completed", "published"),
]


def _at(day: datetime.date) -> datetime.datetime:
    # Noon UTC falls on the same calendar day in Europe/Paris.
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def transitions_from_dates(apps, schema_editor):
    Evaluation = apps.get_model("registry", "Evaluation")
    EvaluationTransition = apps.get_model("registry", "EvaluationTransition")
    rows = []
    for evaluation in Evaluation.objects.filter(transitions__isnull=True).iterator():
        for field, action, before, after in STEPS:
            day = getattr(evaluation, field)
            if day is None:
                continue
            rows.append(
                EvaluationTransition(
                    evaluation=evaluation,
                    action=action,
                    from_status=before,
                    to_status=after,
                    by_label=RECONSTRUCTED,
                    at=_at(day),
                )
            )
    EvaluationTransition.objects.bulk_create(rows, batch_size=500)


def forget_reconstructed(apps, schema_editor):
    EvaluationTransition = apps.get_model("registry", "EvaluationTransition")
    EvaluationTransition.objects.filter(by_label=RECONSTRUCTED).delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_evaluation_workflow")]

    operations = [
        migrations.RunPython(transitions_from_dates, forget_reconstructed),
    ]
