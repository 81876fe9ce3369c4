"""Seed the medical-domain and AI-technique vocabularies every installation starts with."""

import json
from pathlib import Path

from django.db import migrations

VOCABULARIES = Path(__file__).resolve().parent.parent / "data" / "taxonomies.json"


def seed_terms(apps, schema_editor):
    data = json.loads(VOCABULARIES.read_text(encoding="utf-8"))
    for model_name, key in (("Domain", "domains"), ("Technique", "techniques")):
        model = apps.get_model("projects", model_name)
        for position, (slug, name, name_en, children) in enumerate(data[key]):
            parent, _ = model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
            )
            for child_position, (child_slug, child_name, child_en) in enumerate(children):
                model.objects.update_or_create(
                    slug=child_slug,
                    defaults={"name": child_name, "name_en": child_en, "parent": parent,
                              "position": child_position},
                )


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_initial")]
    operations = [migrations.RunPython(seed_terms, migrations.RunPython.noop)]
