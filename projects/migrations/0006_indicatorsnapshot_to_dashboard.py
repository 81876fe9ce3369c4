"""`IndicatorSnapshot` now belongs to the `dashboard` app (its 0001): removed from
this app's state only, its table `projects_indicatorsnapshot` and rows are kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_project_owner"),
        ("dashboard", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IndicatorSnapshot")],
            database_operations=[],
        ),
    ]
