"""`IndicatorSnapshot` moves from the `projects` app to this one, in state only.

The table `projects_indicatorsnapshot` (created by projects 0004) and its rows stay
as they are; `projects` 0006 removes the model from its own state. The content type
is renamed so that permissions given on snapshots follow the model.
"""

from django.db import migrations, models


def content_type_move(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(
        app_label=target, model="indicatorsnapshot"
    ).exists():
        ContentType.objects.filter(app_label=source, model="indicatorsnapshot").update(
            app_label=target
        )


def forwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="projects", target="dashboard")


def backwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="dashboard", target="projects")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0005_project_owner"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IndicatorSnapshot",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "month",
                            models.DateField(
                                help_text="Premier jour du mois relevé.",
                                unique=True,
                                verbose_name="mois",
                            ),
                        ),
                        ("data", models.JSONField(verbose_name="indicateurs")),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("live", "relevé mensuel"),
                                    ("backfill", "reconstitué à partir des dates"),
                                ],
                                default="live",
                                max_length=10,
                                verbose_name="origine",
                            ),
                        ),
                        (
                            "taken_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="relevé le"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "instantané des indicateurs",
                        "verbose_name_plural": "instantanés des indicateurs",
                        "db_table": "projects_indicatorsnapshot",
                        "ordering": ["month"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards, elidable=True),
    ]
