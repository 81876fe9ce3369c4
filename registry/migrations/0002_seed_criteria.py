"""Seed the INESIA evaluation criteria; more can be added as rows later."""

import json
from pathlib import Path

from django.db import migrations

CRITERIA = Path(__file__).resolve().parent.parent / "data" / "evaluation_criteria.json"


def seed_criteria(apps, schema_editor):
    criterion = apps.get_model("registry", "EvaluationCriterion")
    data = json.loads(CRITERIA.read_text(encoding="utf-8"))
    for position, (code, name, name_en) in enumerate(data["criteria"]):
        criterion.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(seed_criteria, migrations.RunPython.noop)]
