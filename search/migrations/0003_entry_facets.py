from django.db import migrations, models


class Migration(migrations.Migration):
    """Each entry's facet values, counted by the database engines. Existing entries
    get theirs at the next `manage.py search_index rebuild`."""

    dependencies = [
        ("search", "0002_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="facets",
            field=models.TextField(blank=True, verbose_name="facettes"),
        ),
    ]
